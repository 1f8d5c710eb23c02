import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Casework } from "../../bot/src/application/ports/casework.js";
import type { Subject } from "../../bot/src/domain/cohort/case.js";
import { DecisionInput } from "../../bot/src/domain/decisions/decision.js";
import type { Link } from "../../bot/src/domain/links/link.js";
import { actionLog, caseDecisions, referralDesk, type FakePorts } from "./fakes/index.js";
import { demoActor, PEOPLE } from "./people.js";
import { mertonChild } from "./referral-forms.js";
import { signInToMeeting } from "./meeting-sign-in.js";

// Merton cases as the panel makes and closes them, on fakes: a child referred, accepted, given an
// action and removed from the cohort at a pre-MACE, with the rationale and persons of concern the
// decision noted. What retention tests remove, and keep.

export const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

export interface MadeCase {
  subjectId: string;
  reference: string;
  referralId: string;
  actionReference: string;
  /** The meeting it was decided at. */
  meeting: string;
}

/** Refers a child on `referredOn`, accepts it, and returns it at its meeting with an action agreed. */
export async function referAndAccept(ports: FakePorts, name: string, referredOn: string): Promise<MadeCase> {
  ports.clock.set(`${referredOn}T12:00:00Z`);
  const desk = referralDesk(ports);
  const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild(name));
  assert.ok(sent.ok, JSON.stringify(sent));
  const read = await desk.view(priya, PANEL, sent.referral.id, "test");
  const accepted = await desk.triage(
    priya,
    PANEL,
    sent.referral.id,
    { decision: "accept", note: `Accepted: ${name} is known to us.`, linkToSubjectId: null },
    read.etag,
    "test",
  );
  const subjectId = accepted.subjectId ?? "";
  const meeting = (await ports.casework.case("merton", PANEL, subjectId))?.value.nextMeetingDate ?? "";
  ports.clock.set(`${meeting}T10:00:00Z`);
  const action = await actionLog(ports).create(
    priya,
    PANEL,
    meeting,
    {
      subjectId,
      title: "Safety plan to school",
      text: `Share ${name}'s safety plan with the school.`,
      ownerId: PEOPLE.mertonNurse.id,
      dueDate: null,
    },
    "test",
  );
  return {
    subjectId,
    reference: accepted.reference,
    referralId: sent.referral.id,
    actionReference: action.reference,
    meeting,
  };
}

/** A decision at the meeting the clock stands at, by Priya signed in to it. */
export async function decide(ports: FakePorts, made: Pick<MadeCase, "subjectId">, input: object) {
  const meeting = ports.now().toISOString().slice(0, 10);
  await signInToMeeting(ports, priya, PANEL, meeting);
  const version = (await ports.casework.decision("merton", PANEL, meeting, made.subjectId))?.etag ?? "none";
  return caseDecisions(ports).decide(
    priya,
    "coordinator",
    PANEL,
    meeting,
    made.subjectId,
    DecisionInput.parse(input),
    version,
  );
}

export const removal = {
  kind: "remove",
  rationale: "Risk reduced; the family has moved on and support is in place.",
  volt: { personsOfConcern: ["Dale Invented-Crook"], locations: [], groups: [], themes: [] },
};

/** Refers, accepts and removes a child from the cohort at its first meeting. */
export async function referAndClose(ports: FakePorts, name: string, referredOn: string): Promise<MadeCase> {
  const made = await referAndAccept(ports, name, referredOn);
  await decide(ports, made, removal);
  return made;
}

/** A person of concern the panel recorded from a link alone, with no referral or case. */
export async function personFromLink(
  casework: Casework,
  label: string,
  reference: string,
  at: string,
): Promise<Subject> {
  const person: Subject = {
    id: randomUUID(),
    areaId: "merton",
    kind: "person-of-concern",
    reference,
    label,
    referralIds: [],
    createdAt: at,
  };
  const unit = casework.unit("merton", priya.id);
  unit.createSubject(person);
  await unit.commit();
  return person;
}

/** A link the panel drew between two subjects at a meeting. */
export async function drawLink(
  casework: Casework,
  from: string,
  to: string,
  kind: Link["kind"],
  meeting: string,
): Promise<Link> {
  const link: Link = {
    id: randomUUID(),
    areaId: "merton",
    kind,
    from,
    to,
    note: "Seen together near the station by the outreach team.",
    panelId: PANEL,
    meetingId: meeting,
    referralId: null,
    added: { by: priya.id, byName: priya.name, at: `${meeting}T11:00:00.000Z` },
    ended: null,
  };
  const unit = casework.unit("merton", priya.id);
  unit.createLink(link);
  await unit.commit();
  return link;
}
