import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import type { PanelRole, Person } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";

// Havering's MACE "is not a case management process" (002): it takes persons of concern,
// locations and groups, and the children's cases HARM brings it; an individual child is referred
// to HARM. On fakes, with invented Havering people.

const MACE = "havering-mace";
const HARM = "havering-harm";
const HARM_FEBRUARY = "2027-02-03";
const MACE_FEBRUARY = "2027-02-08";
const TO_HARM =
  "Havering's MACE is not a case management process and does not hold individual children's cases (002). Refer the child to the HARM operational panel: HARM brings a child's case to MACE when MACE is needed.";

const person = (displayName: string, agencyId: string): Person => ({
  id: randomUUID(),
  displayName,
  email: `${displayName.toLowerCase().replace(/\W+/g, ".")}@havering.example`,
  jobTitle: "Practitioner",
  agencyId,
});
const worker = person("Odile Fenwick-Test", "hav-csc");
const coordinator = person("Bram Okonjo-Test", "hav-csc");
const actor = (p: Person) => ({ id: p.id, name: p.displayName });

const haveringChild = {
  subjectName: "Sasha Invented-Grove",
  dateOfBirth: "2011-05-01",
  gender: "female",
  ethnicity: "white-british",
  language: "English",
  address: "4 Invented Walk, Romford",
  postcode: "RM1 9ZZ",
  safeguardingStatus: "child-protection",
  consent: "yes",
  strategyMeetingDate: "2027-01-12",
  childProtectionProcedures: "true",
  request: "Disruption of the adults involved.",
  howSafer: "Less contact with them.",
  riskLevel: "significant",
};

describe("Havering's MACE holds no individual child's case but those HARM brings", () => {
  let ports: FakePorts;

  beforeEach(async () => {
    ports = fakePorts("2027-01-20T10:00:00Z");
    for (const p of [worker, coordinator]) await ports.directory.savePerson(p, "havering", "test");
    for (const [panelId, role] of [
      [HARM, "coordinator"],
      [MACE, "coordinator"],
    ] as [string, PanelRole][])
      await ports.directory.setRole({ personId: coordinator.id, panelId, role }, "test");
  });

  it("an individual child's referral to MACE is refused, telling the referrer to refer to HARM, and nothing is written", async () => {
    const audited = ports.casework.auditOf("havering").length;
    await assert.rejects(
      referralDesk(ports).submit(actor(worker), MACE, "individual", randomUUID(), haveringChild),
      (e: unknown) => e instanceof Refusal && e.reason === "invalid" && e.message === TO_HARM,
    );
    assert.equal(ports.casework.auditOf("havering").length, audited);
    const { panels } = await referralDesk(ports).panelsFor(worker.id);
    assert.deepEqual(
      panels.filter((p) => p.id === MACE).map((p) => p.referralRules?.kinds),
      [["group", "person-of-concern", "location-of-concern"]],
    );
  });

  it("the child referred to HARM and escalated there comes to MACE's next agenda, with the children HARM brings", async () => {
    const desk = referralDesk(ports);
    const sent = await desk.submit(actor(worker), HARM, "individual", randomUUID(), haveringChild);
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(sent.referral.meetingDate, HARM_FEBRUARY);
    const read = await desk.view(actor(coordinator), HARM, sent.referral.id, "test");
    const accepted = await desk.triage(
      actor(coordinator),
      HARM,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    const subjectId = accepted.subjectId ?? "";

    ports.clock.set(`${HARM_FEBRUARY}T10:00:00Z`);
    await signInToMeeting(ports, actor(coordinator), HARM, HARM_FEBRUARY);
    await caseDecisions(ports).decide(
      actor(coordinator),
      "coordinator",
      HARM,
      HARM_FEBRUARY,
      subjectId,
      DecisionInput.parse({ kind: "escalate" }),
      "none",
    );
    const onMace = await ports.casework.case("havering", MACE, subjectId);
    assert.deepEqual(
      [onMace?.value.status, onMace?.value.placement, onMace?.value.nextMeetingDate],
      ["open", "victim", MACE_FEBRUARY],
    );
    const agenda = await agendaDesk(ports).view(
      actor(coordinator),
      "coordinator",
      MACE,
      MACE_FEBRUARY,
      "test",
    );
    const children = agenda.entries.find((e) => e.id === "children");
    assert.equal(children?.title, "Children HARM brings to MACE, and groups of significant concern");
    assert.deepEqual(
      children?.slots.flatMap((s) => s.subjects.map((x) => [x.reference, x.label])),
      [[accepted.reference, "Sasha Invented-Grove"]],
    );
  });
});
