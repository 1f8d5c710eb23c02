import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { NoticeDelivery } from "../../../bot/src/application/notices/notice-delivery.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { demoActor } from "../../support/people.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { mertonChild } from "../../support/referral-forms.js";

// A Merton child moves away and the pre-MACE transfers her to the host area's panel (000 §21; 003):
// the referral that arrives is checked against the host's own rules, what is missing is shown to
// the host's coordinator, who asks the Merton coordinator for it, and the risk is put on the host's
// scale as configured, with Merton's own level kept for the record.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const leila = demoActor("Leila Haddad");
const marcus = demoActor("Marcus Thorne");

describe("A transfer checked against the host panel's own rules", () => {
  let ports: FakePorts;
  let subjectId: string;

  beforeEach(async () => {
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
    subjectId = accepted.subjectId ?? "";
    ports.clock.set(`${MEETING}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, MEETING);
  });

  /** The pre-MACE transfers Robin, at the risk it graded after discussion; the referral that arrives. */
  const transferTo = async (panelId: string, areaId: string, riskLevel: string) => {
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      subjectId,
      DecisionInput.parse({
        kind: "transfer",
        transferTo: panelId,
        rationale: "Moved with her family; the host panel takes her on.",
        riskLevel,
      }),
      "none",
    );
    const [arrived] = ports.casework.referralsOf(areaId, panelId);
    assert.ok(arrived, "the referral arrived");
    return arrived.value;
  };

  it("to Lambeth's MAVE: the same scale carries the risk, and the checklist and a service manager's approval are missing (004)", async () => {
    const arrived = await transferTo("lambeth-mave", "lambeth", "moderate");
    assert.equal(arrived.values["riskLevel"], "moderate");
    assert.deepEqual(
      [arrived.transferredFrom?.hostRisk, arrived.transferredFrom?.sourceRisk],
      ["same-scale", { level: "moderate", label: "Moderate", areaName: "Merton" }],
    );
    const desk = referralDesk(ports);
    const seen = await desk.view(leila, "lambeth-mave", arrived.id, "test");
    assert.deepEqual(desk.transferChecks(seen.value), [
      {
        field: "blockers",
        label:
          "The professional network cannot agree or sustain an adequate safety plan because (at least 1):",
        message:
          "Tick at least 1 reason the safety plan is blocked. The panel is for cases where something procedural blocks progress.",
        askSource: true,
      },
      {
        field: null,
        label: null,
        message:
          "MAVE panel asks a service manager to approve a referral before the panel sees it: a Lambeth service manager's approval is not recorded.",
        // Lambeth's own step: not asked of Merton.
        askSource: false,
      },
    ]);
  });

  it("to a Staffordshire district: Merton's Significant becomes the Risk Factor Matrix's high by configuration, never the word, and the matrix's date is missing (003)", async () => {
    const arrived = await transferTo("staffordshire-tamworth", "staffordshire", "significant");
    assert.equal(arrived.values["riskLevel"], "high");
    assert.deepEqual(
      [arrived.transferredFrom?.hostRisk, arrived.transferredFrom?.sourceRisk],
      ["mapped", { level: "significant", label: "Significant", areaName: "Merton" }],
    );
    // What Merton decided travels in its own words, its risk named with its scale.
    assert.match(
      arrived.transferredFrom?.summary ?? "",
      /Risk after discussion: Significant on Merton's scale\./,
    );
    const desk = referralDesk(ports);
    const seen = await desk.view(marcus, "staffordshire-tamworth", arrived.id, "test");
    assert.deepEqual(
      desk.transferChecks(seen.value).map((g) => [g.field, g.message]),
      [["rfmCompletedOn", 'Enter the date for "Date the Risk Factor Matrix was completed".']],
    );
  });

  it("a referral made to the panel directly has no transfer checks: its rules were checked when it was sent", async () => {
    const [direct] = ports.casework.referralsOf("merton", PANEL);
    assert.ok(direct);
    assert.deepEqual(referralDesk(ports).transferChecks(direct.value), []);
  });

  it("the host coordinator asks the source panel's coordinator for what is missing, and reads the answer", async () => {
    const arrived = await transferTo("lambeth-mave", "lambeth", "moderate");
    const desk = referralDesk(ports);
    const seen = await desk.view(leila, "lambeth-mave", arrived.id, "test");
    const question =
      "Which of the five blockers stops the safety plan, and who approved the referral in Merton?";
    const asked = await desk.triage(
      leila,
      "lambeth-mave",
      arrived.id,
      { decision: "ask", question },
      seen.etag,
      "test",
    );
    assert.equal(asked.status, "more-information-requested");
    // The question goes to the transfer's referrer, the Merton coordinator who made it, in her chat.
    assert.equal(arrived.submitted.by, priya.id);
    const delivery = new NoticeDelivery({ ...ports, messenger: ports.notices.reach(priya.id, leila.id) });
    delivery.kick("lambeth");
    await delivery.idle();
    assert.deepEqual(
      ports.notices.sent
        .filter((s) => s.reference === arrived.reference && s.notice.kind === "question-asked")
        .map((s) => s.recipientId),
      [priya.id],
    );

    const hers = await desk.view(priya, "lambeth-mave", arrived.id, "test");
    const answered = await desk.answer(
      priya,
      "lambeth-mave",
      arrived.id,
      "Escalation has not reduced risk, and the multi-agency plan is stuck; approved by our service manager.",
      hers.etag,
      "test",
    );
    assert.equal(answered.status, "new");
    const back = await desk.view(leila, "lambeth-mave", arrived.id, "test");
    assert.deepEqual(
      back.value.questions.map((q) => [q.byName, q.question, q.answer]),
      [
        [
          leila.name,
          question,
          "Escalation has not reduced risk, and the multi-agency plan is stuck; approved by our service manager.",
        ],
      ],
    );
  });
});
