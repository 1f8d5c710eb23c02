import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  actionLog,
  caseDecisions,
  fakePorts,
  historyDesk,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";

// A Merton child's case history on fakes: referred by Grace, accepted by Priya, discussed at the
// January pre-MACE with an action and a link to a person of concern. Members see all of it; Grace
// presents it and sees it; a presenter of no case of the child is refused; each view is audited;
// only the area's administrators export the whole record, and the export is audited too.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const hannah = demoActor("Hannah Reyes");
const ines = demoActor("Ines Dalgaard");

const refusedWith = (code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  return true;
};

async function accepted(ports: FakePorts, referrer: { id: string; name: string }, name: string) {
  const desk = referralDesk(ports);
  const sent = await desk.submit(referrer, PANEL, "individual", randomUUID(), mertonChild(name));
  assert.ok(sent.ok, JSON.stringify(sent));
  const read = await desk.view(priya, PANEL, sent.referral.id, "test");
  const done = await desk.triage(
    priya,
    PANEL,
    sent.referral.id,
    { decision: "accept", note: "Meets the threshold.", linkToSubjectId: null },
    read.etag,
    "test",
  );
  return { subjectId: done.subjectId ?? "", reference: done.reference };
}

describe("A subject's case history", () => {
  let ports: FakePorts;
  let robin: { subjectId: string; reference: string };
  let other: { subjectId: string; reference: string };
  let history: ReturnType<typeof historyDesk>;

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    robin = await accepted(ports, grace, "Robin Invented-Hale");
    // Another child, referred by the school nurse: Grace presents no case of hers.
    other = await accepted(ports, hannah, "Skye Madeup-Frost");
    ports.clock.set(`${MEETING}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, MEETING);
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      robin.subjectId,
      DecisionInput.parse({ kind: "continue", reviewDate: "2027-01-20", riskLevel: "significant" }),
      "none",
    );
    ports.clock.set(`${MEETING}T10:05:00Z`);
    await actionLog(ports).create(
      priya,
      PANEL,
      MEETING,
      {
        subjectId: robin.subjectId,
        title: "Share the disruption plan",
        text: "Send the plan to the school's safeguarding lead.",
        ownerId: PEOPLE.mertonEducationLead.id,
        dueDate: null,
      },
      "test",
    );
    const unit = ports.casework.unit("merton", priya.name);
    unit.createLink({
      id: randomUUID(),
      areaId: "merton",
      kind: "associates-with",
      from: robin.subjectId,
      to: other.subjectId,
      note: "Seen together after school.",
      panelId: PANEL,
      meetingId: MEETING,
      referralId: null,
      added: { by: priya.id, byName: priya.name, at: `${MEETING}T10:07:00.000Z` },
      ended: null,
    });
    await unit.commit();
    ports.clock.set("2027-01-08T09:00:00Z");
    history = historyDesk(ports);
  });

  it("shows a member the referral, the acceptance, the decision, the action and the link, in order", async () => {
    ports.casework.calls.reset();
    const seen = await history.view(hannah, "merton", robin.subjectId, "test");
    assert.deepEqual(
      [seen.subject.reference, seen.subject.label, seen.subject.kindLabel],
      [robin.reference, "Robin Invented-Hale", "Individual child or young adult"],
    );
    assert.deepEqual(
      seen.entries.map((e) => [e.kind, e.title]),
      [
        ["referral", "Referred to Pre-MACE operational panel"],
        ["triage", "Accepted by the coordinator"],
        ["case-opened", "Case opened on Pre-MACE operational panel"],
        ["decision", "Decided at the meeting on 7 January 2027: Continue, with a review"],
        ["action", "Action agreed at the meeting on 7 January 2027: Share the disruption plan"],
        ["link-added", `Linked: associates with ${other.reference} (Skye Madeup-Frost)`],
      ],
    );
    assert.equal(seen.entries[0]?.by, "Grace Mensah (Children's Social Care)");
    assert.deepEqual(
      seen.cases.map((c) => [c.panelName, c.status, c.riskLevel, c.presenters]),
      [["Pre-MACE operational panel", "open", "Significant", ["Grace Mensah"]]],
    );
    // Two rounds of reads whatever the history holds: the record's seven ranges with who is asking,
    // then the referral, the linked subject and the presenters; then the one audit entry.
    assert.deepEqual(
      [
        "subject",
        "subjectCases",
        "subjectDecisions",
        "subjectThresholdings",
        "subjectActions",
        "subjectNotes",
        "subjectLinks",
        "referralById",
        "subjects",
        "appendAudit",
      ].map((c) => ports.casework.calls.of(c)),
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    );
    assert.equal(ports.casework.calls.total, 10);
  });

  it("writes one audit entry for the view, naming the references it showed", async () => {
    const seen = await history.view(hannah, "merton", robin.subjectId, "tab case history");
    const viewed = ports.casework.auditOf("merton").filter((a) => a.action === "history.viewed");
    assert.deepEqual(
      viewed.map((a) => [a.actorId, a.subjectId, a.reference, a.via, a.shown]),
      [
        [
          hannah.id,
          robin.subjectId,
          robin.reference,
          "tab case history",
          [robin.reference, seen.entries.find((e) => e.kind === "action")?.reference, other.reference],
        ],
      ],
    );
  });

  it("shows the presenter the history of the case they present, and refuses them another child's", async () => {
    const own = await history.view(grace, "merton", robin.subjectId, "test");
    assert.equal(own.entries.length, 6);
    // The child the case is linked to is not Grace's to see: its reference, not its name or the note.
    const link = own.entries.find((e) => e.kind === "link-added");
    assert.equal(link?.title, `Linked: associates with ${other.reference}`);
    assert.deepEqual(link?.details, []);
    assert.ok(!JSON.stringify(own).includes("Skye Madeup-Frost"));
    await assert.rejects(
      history.view(grace, "merton", other.subjectId, "test"),
      refusedWith("not-your-case"),
    );
    assert.equal(
      ports.casework.auditOf("merton").filter((a) => a.action === "history.viewed").length,
      1,
      "only the view shown is audited",
    );
  });

  it("refuses someone on none of the area's panels, and an unknown subject", async () => {
    await assert.rejects(
      history.view(demoActor("Leila Haddad"), "merton", robin.subjectId, "test"),
      refusedWith("not-a-member"),
    );
    await assert.rejects(
      history.view(hannah, "merton", "no-such-subject", "test"),
      refusedWith("unknown-subject"),
    );
    await assert.rejects(
      history.view(hannah, "nowhere", robin.subjectId, "test"),
      refusedWith("unknown-area"),
    );
  });

  it("exports everything held to the area's administrator, with who viewed it, and audits the export", async () => {
    await history.view(hannah, "merton", robin.subjectId, "tab case history");
    const held = await history.exportForSubjectAccess(
      ines,
      "merton",
      robin.subjectId,
      "subject access export",
    );
    assert.deepEqual(
      [held.areaName, held.producedBy, held.subject.reference, held.subject.label],
      ["Merton", "Ines Dalgaard", robin.reference, "Robin Invented-Hale"],
    );
    const [referral] = held.referrals;
    assert.deepEqual(
      [referral?.reference, referral?.referrer.name, referral?.referrer.agency],
      [robin.reference, "Grace Mensah", "Children's Social Care"],
    );
    assert.ok(referral?.answers.some((a) => a.value === "Robin Invented-Hale"));
    assert.ok(
      held.entries.some((e) => e.kind === "decision" && e.details.some((d) => d.text === "Significant")),
    );
    assert.deepEqual(
      held.audit.filter((a) => a.action === "history viewed").map((a) => [a.who, a.via, a.panelName]),
      [["Hannah Reyes (Health)", "tab case history", "Merton"]],
    );
    // All at one moment on the fake clock: in no particular order.
    assert.deepEqual(
      held.audit
        .filter((a) => a.action.startsWith("referral"))
        .map((a) => [a.action, a.who])
        .sort(),
      [
        ["referral accepted", "Priya Okafor (Children's Social Care)"],
        ["referral created", "Grace Mensah (Children's Social Care)"],
        ["referral viewed", "Priya Okafor (Children's Social Care)"],
      ],
    );
    assert.ok(held.audit.some((a) => a.action === "case decided"));
    const exported = ports.casework.auditOf("merton").filter((a) => a.action === "subject-access.exported");
    assert.deepEqual(
      exported.map((a) => [a.actorId, a.subjectId, a.reference]),
      [[ines.id, robin.subjectId, robin.reference]],
    );
  });

  it("refuses the export to a coordinator who is not an administrator, and writes nothing", async () => {
    await assert.rejects(
      history.exportForSubjectAccess(priya, "merton", robin.subjectId, "test"),
      refusedWith("administrators-only"),
    );
    assert.equal(
      ports.casework.auditOf("merton").filter((a) => a.action === "subject-access.exported").length,
      0,
    );
  });
});
