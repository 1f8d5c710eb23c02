import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { agendaDesk, type AgendaView } from "../../../bot/src/application/agenda/agenda-desk.js";
import type { SlotInvite, TeamsCalendar } from "../../../bot/src/application/ports/teams-calendar.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { NO_CHOICE } from "../../../bot/src/domain/agenda/due-cases.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { demoActor } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// The agenda shows who is expected at each case's slot and why; at Wandsworth's operational panel
// the coordinator records that plans are having impact so the worker and manager need not attend
// (000 §4), and the invitations follow.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");

const practitioner = (n: number, name: string, jobTitle: string, agencyId = "mer-csc"): Person => ({
  id: `00000000-0000-4000-8000-00000000094${n}`,
  displayName: name,
  email: `${name.split(" ")[0]?.toLowerCase()}.invented@merton.example`,
  jobTitle,
  agencyId,
});
const ava = practitioner(1, "Ava Invented-Referrer", "Youth justice practitioner", "mer-youth-justice");
const sam = practitioner(2, "Sam Invented-Worker", "Social worker");
const lee = practitioner(3, "Lee Invented-Manager", "Team manager");
const actorOf = (p: Person) => ({ id: p.id, name: p.displayName });

/** A calendar that keeps the slot invitations it is asked to send, and those it is asked to withdraw. */
function slotCalendar(): TeamsCalendar & {
  sent: SlotInvite[];
  withdrawn: { eventId: string; comment: string }[];
} {
  const sent: SlotInvite[] = [];
  const withdrawn: { eventId: string; comment: string }[] = [];
  const unused = () => Promise.reject(new Error("not used by publishing"));
  return {
    sent,
    withdrawn,
    organiser: { id: priya.id, name: priya.name },
    createSeries: unused,
    updateSeries: unused,
    occurrences: unused,
    moveOccurrence: unused,
    cancelOccurrence: unused,
    inviteToSlot: (invite) => {
      sent.push(invite);
      // The same transaction id is the same event, as Graph keeps it.
      return Promise.resolve({ eventId: `event-${invite.transactionId}` });
    },
    withdrawSlotInvite: (eventId, comment) => {
      withdrawn.push({ eventId, comment });
      return Promise.resolve();
    },
  };
}

/** A referral sent by `referrer` and accepted by `coordinator`: the accepted case's subject. */
async function referredAndAccepted(
  ports: FakePorts,
  panelId: string,
  referrer: { id: string; name: string },
  coordinator: { id: string; name: string },
  form: Record<string, unknown>,
): Promise<string> {
  const desk = referralDesk(ports);
  const sent = await desk.submit(referrer, panelId, "individual", randomUUID(), form);
  assert.ok(sent.ok, JSON.stringify(sent));
  const read = await desk.view(coordinator, panelId, sent.referral.id, "test");
  const done = await desk.triage(
    coordinator,
    panelId,
    sent.referral.id,
    { decision: "accept", note: "", linkToSubjectId: null },
    read.etag,
    "test",
  );
  return done.subjectId ?? "";
}

/** The agenda's first slot: the one case these tests place. */
function slotIn(view: AgendaView) {
  const slot = view.entries.flatMap((e) => e.slots)[0];
  assert.ok(slot, "the case has a slot");
  return slot;
}

describe("Who is expected at each case's slot", () => {
  let ports: FakePorts;
  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    ports.directory.seed([ava, sam, lee], []);
    await ports.meetings.saveAll(
      [
        {
          value: {
            panelId: PANEL,
            id: MEETING,
            date: MEETING,
            start: "2027-01-07T09:30:00+00:00",
            end: "2027-01-07T13:30:00+00:00",
            status: "scheduled",
            joinUrl: "https://teams.microsoft.com/l/meetup-join/invented",
            occurrenceId: "occurrence-1",
            note: null,
            setBy: "rule",
          },
          etag: undefined,
        },
      ],
      "test",
    );
  });

  /** Ava refers a child naming Sam and Lee; Priya accepts it for the January meeting. */
  const accept = (riskLevel: string) =>
    referredAndAccepted(ports, PANEL, actorOf(ava), priya, {
      ...mertonChild("Noor Invented-Case"),
      riskLevel,
      allocatedWorkerEmail: sam.email,
      allocatedManagerEmail: lee.email,
    });
  const agendaAs = (actor: { id: string; name: string }, role: "coordinator" | "presenter") =>
    agendaDesk(ports).view(actor, role, PANEL, MEETING, "test");
  const expected = (view: AgendaView) =>
    slotIn(view).expected.map((p) => [p.who, p.attends, p.reasons.join("; ")]);

  it("a significant-risk child's slot lists the referrer, the allocated worker and the team manager, each with why (001)", async () => {
    const subjectId = await accept("significant");
    assert.deepEqual(expected(await agendaAs(priya, "coordinator")), [
      [ava.displayName, "expected", "referred the case"],
      [sam.displayName, "expected", "allocated worker (001 case presentation)"],
      [lee.displayName, "expected", "their team manager: the risk is significant (001 case presentation)"],
    ]);
    const stored = await ports.casework.case("merton", PANEL, subjectId);
    assert.deepEqual(stored?.value.presenterRoles, [
      { personId: ava.id, role: "referrer" },
      { personId: sam.id, role: "worker" },
      { personId: lee.id, role: "manager" },
    ]);
  });

  it("at moderate risk the team manager is asked only should the worker not be available", async () => {
    await accept("moderate");
    const manager = slotIn(await agendaAs(priya, "coordinator")).expected.find(
      (p) => p.who === lee.displayName,
    );
    assert.deepEqual(manager, {
      who: lee.displayName,
      attends: "if-needed",
      reasons: ["their team manager, if the worker is not available (001 case presentation)"],
    });
  });

  it("each of the case's people sees its slot with who is expected; another presenter's case stays hidden", async () => {
    await accept("significant");
    const sams = await agendaAs(actorOf(sam), "presenter");
    assert.equal(slotIn(sams).expected.length, 3);
    assert.equal(slotIn(sams).subjects[0]?.label, "Noor Invented-Case");
    const stranger = demoActor("Grace Mensah");
    const hers = await agendaAs(stranger, "presenter");
    assert.deepEqual(
      hers.entries.flatMap((e) => e.slots),
      [],
    );
  });

  it("publishing invites the expected people to the slot, each told why they are expected", async () => {
    await accept("significant");
    const calendar = slotCalendar();
    const view = await agendaAs(priya, "coordinator");
    const result = await agendaDesk(ports).publish(priya, PANEL, MEETING, view.version, {
      scheduler: meetingScheduler(ports),
      calendar,
    });
    assert.deepEqual([result.invited, result.notInvited], [3, 0]);
    assert.deepEqual(
      calendar.sent.map((i) => i.attendees.map((a) => a.email)),
      [[ava.email], [sam.email], [lee.email]],
    );
    assert.match(
      calendar.sent[1]?.body ?? "",
      /Why you are expected: allocated worker \(001 case presentation\)\./,
    );
    assert.doesNotMatch(calendar.sent.map((i) => i.body).join(" "), /Noor/);
  });
});

describe("Plans having impact at Wandsworth's MARVE operational panel (000 §4)", () => {
  // 000 §4: "Where plans are clearly having an impact, then there will be no need for social
  // workers and managers to attend the MARVE operational panel."
  const WAN_PANEL = "wandsworth-marve";
  const WAN_MEETING = "2027-01-12";
  const person = (n: number, name: string, agencyId: string): Person => ({
    id: `00000000-0000-4000-8000-00000000095${n}`,
    displayName: name,
    email: `${name.split(" ")[0]?.toLowerCase()}.invented@wandsworth.example`,
    jobTitle: "Practitioner",
    agencyId,
  });
  const tamPerson = person(1, "Tam Invented-Coordinator", "wan-csc");
  const kai = person(2, "Kai Invented-Referrer", "wan-police");
  const rio = person(3, "Rio Invented-Worker", "wan-csc");
  const jo = person(4, "Jo Invented-Supervisor", "wan-csc");
  const tam = actorOf(tamPerson);
  let ports: FakePorts;
  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    ports.directory.seed(
      [tamPerson, kai, rio, jo],
      [{ personId: tamPerson.id, panelId: WAN_PANEL, role: "coordinator", deputyFor: null }],
    );
    await ports.meetings.saveAll(
      [
        {
          value: {
            panelId: WAN_PANEL,
            id: WAN_MEETING,
            date: WAN_MEETING,
            start: "2027-01-12T10:00:00+00:00",
            end: "2027-01-12T13:00:00+00:00",
            status: "scheduled",
            joinUrl: "https://teams.microsoft.com/l/meetup-join/invented-wandsworth",
            occurrenceId: "occurrence-w1",
            note: null,
            setBy: "rule",
          },
          etag: undefined,
        },
      ],
      "test",
    );
  });

  /** Kai refers a child naming Rio and Jo; Tam accepts it for the January meeting. */
  const accept = () => {
    const { ["screening.criminal-exploitation"]: _screening, ...form } = mertonChild("Bo Invented-Case");
    return referredAndAccepted(ports, WAN_PANEL, actorOf(kai), tam, {
      ...form,
      address: "9 Invented Walk, Balham",
      postcode: "SW12 0ZZ",
      allocatedWorkerEmail: rio.email,
      allocatedManagerEmail: jo.email,
    });
  };
  const agendaAs = (actor: { id: string; name: string }, role: "coordinator" | "presenter") =>
    agendaDesk(ports).view(actor, role, WAN_PANEL, WAN_MEETING, "test");

  it("the coordinator records that plans are having impact: the agenda says why, and the social worker and manager are not invited to the slot, the referrer is (000 §4)", async () => {
    const subjectId = await accept();
    const before = await agendaAs(tam, "coordinator");
    const reason = "Missing episodes have stopped and school attendance is full.";
    await agendaDesk(ports).choose(
      tam,
      WAN_PANEL,
      WAN_MEETING,
      subjectId,
      { ...slotIn(before).choice, plansHaveImpact: reason },
      before.version,
    );
    const after = await agendaAs(tam, "coordinator");
    assert.equal(slotIn(after).plansHaveImpact, reason);
    assert.deepEqual(
      slotIn(after).expected.map((p) => p.attends),
      ["expected", "need-not", "need-not"],
    );
    const audit = ports.casework.auditOf("wandsworth").filter((e) => e.action === "agenda.changed");
    assert.deepEqual(
      audit.map((e) => [e.actorId, e.subjectId]),
      [[tam.id, subjectId]],
    );

    const calendar = slotCalendar();
    const result = await agendaDesk(ports).publish(tam, WAN_PANEL, WAN_MEETING, after.version, {
      scheduler: meetingScheduler(ports),
      calendar,
    });
    assert.deepEqual([result.invited, result.notInvited], [1, 0]);
    assert.deepEqual(
      calendar.sent.map((i) => i.attendees.map((a) => a.email)),
      [[kai.email]],
    );

    // Expecting them again restores the invitations for the next version.
    const expectedAgain = await agendaAs(tam, "coordinator");
    await agendaDesk(ports).choose(
      tam,
      WAN_PANEL,
      WAN_MEETING,
      subjectId,
      { ...slotIn(expectedAgain).choice, plansHaveImpact: null },
      expectedAgain.version,
    );
    assert.deepEqual(
      slotIn(await agendaAs(tam, "coordinator")).expected.map((p) => p.attends),
      ["expected", "expected", "expected"],
    );
  });

  it("invitations sent before plans were said to have impact are withdrawn at the next version, and sent afresh when they are expected again", async () => {
    const subjectId = await accept();
    const calendar = slotCalendar();
    const invitations = { scheduler: meetingScheduler(ports), calendar };
    const publish = async () => {
      const view = await agendaAs(tam, "coordinator");
      return agendaDesk(ports).publish(tam, WAN_PANEL, WAN_MEETING, view.version, invitations);
    };
    const choose = async (plansHaveImpact: string | null) => {
      const view = await agendaAs(tam, "coordinator");
      await agendaDesk(ports).choose(
        tam,
        WAN_PANEL,
        WAN_MEETING,
        subjectId,
        { ...slotIn(view).choice, plansHaveImpact },
        view.version,
      );
    };
    const first = await publish();
    assert.deepEqual([first.invited, first.withdrawn], [3, 0]);
    const eventOf = (email: string) =>
      `event-${calendar.sent.find((i) => i.attendees[0]?.email === email)?.transactionId ?? ""}`;
    const [rioEvent, joEvent] = [eventOf(rio.email), eventOf(jo.email)];

    await choose("Missing episodes have stopped and school attendance is full.");
    const second = await publish();
    assert.deepEqual([second.invited, second.withdrawn, second.notInvited], [1, 2, 0]);
    const reference = slotIn(await agendaAs(tam, "coordinator")).subjects[0]?.reference ?? "";
    const byEvent = (a: { eventId: string }, b: { eventId: string }) => a.eventId.localeCompare(b.eventId);
    assert.deepEqual(
      [...calendar.withdrawn].sort(byEvent),
      [
        {
          eventId: rioEvent,
          comment: `Version 2 of the agenda no longer expects you at this slot (${reference}): you need not attend it.`,
        },
        {
          eventId: joEvent,
          comment: `Version 2 of the agenda no longer expects you at this slot (${reference}): you need not attend it.`,
        },
      ].sort(byEvent),
    );
    assert.doesNotMatch(JSON.stringify(calendar.withdrawn), /Bo Invented/);
    const kept = await ports.agendas.invitationsSent(WAN_PANEL, WAN_MEETING);
    assert.deepEqual(
      kept.map((i) => [i.personId, i.withdrawnAt !== null]).sort(),
      [
        [jo.id, true],
        [kai.id, false],
        [rio.id, true],
      ].sort(),
    );

    // A third version withdraws nothing more; expected again, they get a new invitation.
    assert.deepEqual((await publish()).withdrawn, 0);
    assert.equal(calendar.withdrawn.length, 2);
    await choose(null);
    const sentBefore = calendar.sent.length;
    const fourth = await publish();
    assert.deepEqual([fourth.invited, fourth.withdrawn], [3, 0]);
    const resent = calendar.sent.slice(sentBefore).filter((i) => i.attendees[0]?.email !== kai.email);
    assert.deepEqual(
      resent.map((i) => i.transactionId.endsWith("-2")),
      [true, true],
    );
  });

  it("why plans are having impact waits, on the meeting's day, until the reader has signed in, as names do", async () => {
    const subjectId = await accept();
    const before = await agendaAs(tam, "coordinator");
    const reason = "Missing episodes have stopped and school attendance is full.";
    await agendaDesk(ports).choose(
      tam,
      WAN_PANEL,
      WAN_MEETING,
      subjectId,
      { ...slotIn(before).choice, plansHaveImpact: reason },
      before.version,
    );
    const unsigned = await agendaDesk(ports).view(tam, "coordinator", WAN_PANEL, WAN_MEETING, "test", true);
    assert.deepEqual(
      [
        slotIn(unsigned).subjects[0]?.label,
        slotIn(unsigned).plansHaveImpact,
        slotIn(unsigned).choice.plansHaveImpact,
      ],
      [null, null, null],
    );
    assert.doesNotMatch(JSON.stringify(unsigned), /Missing episodes/);
    assert.equal(slotIn(await agendaAs(tam, "coordinator")).choice.plansHaveImpact, reason);
  });

  it("a reason too short to say anything is refused, and the slot is unchanged", async () => {
    const subjectId = await accept();
    const before = await agendaAs(tam, "coordinator");
    await assert.rejects(
      agendaDesk(ports).choose(
        tam,
        WAN_PANEL,
        WAN_MEETING,
        subjectId,
        { ...NO_CHOICE, plansHaveImpact: " " },
        before.version,
      ),
      ZodError,
    );
    assert.equal(slotIn(await agendaAs(tam, "coordinator")).plansHaveImpact, null);
  });
});
