import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { demoActor } from "../../support/people.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { mertonChild } from "../../support/referral-forms.js";

// Decisions as the coordinator records them at a Merton pre-MACE, on fakes: the case follows each
// decision, stale saves are refused, and a transfer or escalation reaches the other panel.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
// A second coordinator at the same meeting, in another tab.
const deputy = { id: "00000000-0000-4000-8000-000000000901", name: "Ruth Invented-Deputy" };

const rejectsWith = (reason: string, code: string, message: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code, e.message], [reason, code, message]);
  return true;
};

describe("Recording what the panel decided about a case", () => {
  let ports: FakePorts;
  let decisions: ReturnType<typeof caseDecisions>;
  let child: { subjectId: string; reference: string };

  beforeEach(async () => {
    // Referred before Christmas and accepted for the January meeting.
    ports = fakePorts("2026-12-20T12:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Robin Invented-Hale"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child = { subjectId: accepted.subjectId ?? "", reference: accepted.reference };
    assert.equal(
      (await ports.casework.case("merton", PANEL, child.subjectId))?.value.nextMeetingDate,
      MEETING,
    );
    ports.clock.set(`${MEETING}T10:00:00Z`);
    decisions = caseDecisions(ports);
    // Both coordinators are signed in to the meeting, as they must be to record its decisions.
    await signInToMeeting(ports, priya, PANEL, MEETING);
    await ports.room.signIn({
      panelId: PANEL,
      meetingId: MEETING,
      personId: deputy.id,
      name: deputy.name,
      agencyId: "mer-csc",
      capacity: "member",
      agreedTo: "Information shared at this panel is confidential.",
      at: `${MEETING}T09:35:00.000Z`,
    });
  });

  const decide = (input: object, version = "none", actor = priya) =>
    decisions.decide(
      actor,
      "coordinator",
      PANEL,
      MEETING,
      child.subjectId,
      DecisionInput.parse(input),
      version,
    );
  const caseOn = async (panelId: string) =>
    (await ports.casework.case("merton", panelId, child.subjectId))?.value;

  it("a review date puts the case on the first meeting on or after it", async () => {
    const saved = await decide({ kind: "continue", reviewDate: "2027-01-20", riskLevel: "moderate" });
    assert.equal(saved.recordedByName, "Priya Okafor");
    assert.equal(
      saved.version,
      (await ports.casework.decision("merton", PANEL, MEETING, child.subjectId))?.etag,
    );
    const after = await caseOn(PANEL);
    assert.deepEqual(
      [after?.status, after?.nextMeetingDate, after?.riskLevel, after?.decidedOn, after?.decidedStage],
      ["open", "2027-02-04", "moderate", MEETING, "new"],
    );
  });

  it("a removal without a rationale is refused, naming the field, and nothing is written", async () => {
    await assert.rejects(decide({ kind: "remove" }), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.deepEqual([e.reason, e.code], ["invalid", "decision-incomplete"]);
      assert.deepEqual(
        e.fields.map((f) => f.field),
        ["rationale"],
      );
      return true;
    });
    assert.deepEqual(await decisions.view(priya, PANEL, MEETING, false, "test"), []);
    assert.equal((await caseOn(PANEL))?.status, "open");
  });

  it("a second coordinator's save from the same empty form is refused, naming who saved first and when", async () => {
    const first = await decide({ kind: "continue", reviewDate: "2027-01-20" });
    ports.clock.set(`${MEETING}T10:07:00Z`);
    await assert.rejects(
      decide({ kind: "return", returnTo: "2027-03-04" }, "none", deputy),
      rejectsWith(
        "conflict",
        "changed-by-someone-else",
        "This item was changed by Priya Okafor at 10:00. Reload to see it before saving.",
      ),
    );
    const [kept] = await decisions.view(priya, PANEL, MEETING, false, "test");
    assert.deepEqual([kept?.kind, kept?.version], ["continue", first.version]);
    assert.equal((await caseOn(PANEL))?.nextMeetingDate, "2027-02-04");

    // On the version just read, the correction is taken.
    const corrected = await decide({ kind: "return", returnTo: "2027-03-04" }, first.version, deputy);
    assert.equal(corrected.recordedByName, "Ruth Invented-Deputy");
    assert.equal((await caseOn(PANEL))?.nextMeetingDate, "2027-03-04");
  });

  it("an escalation keeps the case here and opens it on the strategic MACE's next meeting", async () => {
    await decide({ kind: "escalate", riskLevel: "significant" });
    const strategic = await caseOn("merton-strategic-mace");
    assert.deepEqual(
      [strategic?.status, strategic?.nextMeetingDate, strategic?.reference, strategic?.openedAt],
      ["open", "2027-01-21", child.reference, `${MEETING}T10:00:00.000Z`],
    );
    assert.equal((await caseOn(PANEL))?.nextMeetingDate, "2027-02-04");
  });

  it("a transfer makes exactly one referral in the host area's panel, however often it is saved", async () => {
    const transfer = {
      kind: "transfer",
      transferTo: "lambeth-mave",
      rationale: "Moved to Lambeth with her family; the host panel takes her on.",
      riskLevel: "significant",
    };
    const first = await decide(transfer);
    assert.deepEqual(first.transfer, { reference: "LAM-2027-0001", panelName: "Lambeth: MAVE panel" });
    const again = await decide(transfer, first.version);
    assert.equal(again.transfer?.reference, "LAM-2027-0001");

    const arrived = ports.casework.referralsOf("lambeth", "lambeth-mave").map((r) => r.value);
    assert.deepEqual(
      arrived.map((r) => [r.reference, r.status, r.values["subjectName"], r.transferredFrom?.reference]),
      [["LAM-2027-0001", "new", "Robin Invented-Hale", child.reference]],
    );
    assert.match(
      arrived[0]?.transferredFrom?.summary ?? "",
      /Rationale: Moved to Lambeth.*Risk after discussion: Significant\./,
    );
    assert.equal((await caseOn(PANEL))?.status, "closed");
  });

  it("the decision, the case's change and the audit entry are written together: a conflict leaves none of them", async () => {
    const audited = ports.casework.auditOf("merton").length;
    // The chair moves the case on in the moment between the coordinator's read and save.
    ports.casework.interleave(async () => {
      const held = await ports.casework.case("merton", PANEL, child.subjectId);
      assert.ok(held);
      const unit = ports.casework.unit("merton", "Tom Ashworth");
      unit.replaceCase({ ...held.value, riskLevel: "moderate" }, held);
      await unit.commit();
    });
    await assert.rejects(
      decide({ kind: "continue", reviewDate: "2027-01-20" }),
      rejectsWith(
        "conflict",
        "changed-by-someone-else",
        "This item changed just now. Reload to see it before saving.",
      ),
    );
    assert.deepEqual(await decisions.view(priya, PANEL, MEETING, false, "test"), []);
    assert.equal(ports.casework.auditOf("merton").length, audited);
    const kept = await caseOn(PANEL);
    assert.deepEqual(
      [kept?.riskLevel, kept?.nextMeetingDate, kept?.decidedOn],
      ["moderate", MEETING, undefined],
    );
  });
});
