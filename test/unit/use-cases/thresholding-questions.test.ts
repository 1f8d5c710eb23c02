import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ThresholdingInput } from "../../../bot/src/domain/agenda/thresholding.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { staffordshireChild } from "../../support/referral-forms.js";

// The questions a Staffordshire referrer is asked, at triage and at the thresholding meeting (003),
// kept apart: an answer goes to the question it answers, and each stage has its own questions.

const TAMWORTH = "staffordshire-tamworth";
const THRESHOLDING = "staffordshire-pre-mace-thresholding";
const MARCH_THRESHOLDING = "2027-02-25";
const marcus = demoActor("Marcus Thorne");
const callum = demoActor("Callum Brightwell");

describe("A Staffordshire referrer's questions from triage and from thresholding", () => {
  let ports: FakePorts;
  let referralId: string;

  beforeEach(async () => {
    ports = fakePorts("2027-02-01T10:00:00Z");
    const sent = await referralDesk(ports).submit(
      callum,
      TAMWORTH,
      "individual",
      randomUUID(),
      staffordshireChild("Ellis Invented-Marsh"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    referralId = sent.referral.id;
  });

  const etag = async () => (await ports.casework.referral("staffordshire", TAMWORTH, referralId))?.etag ?? "";
  const ask = async (question: string) =>
    referralDesk(ports).triage(
      marcus,
      TAMWORTH,
      referralId,
      { decision: "ask", question },
      await etag(),
      "test",
    );
  const answer = async (text: string) =>
    referralDesk(ports).answer(callum, TAMWORTH, referralId, text, await etag(), "test");
  const accept = async () =>
    referralDesk(ports).triage(
      marcus,
      TAMWORTH,
      referralId,
      { decision: "accept", note: "", linkToSubjectId: null },
      await etag(),
      "test",
    );
  const threshold = async (subjectId: string, rationale: string) => {
    const held = await ports.casework.case("staffordshire", TAMWORTH, subjectId);
    return caseDecisions(ports).threshold(
      marcus,
      "coordinator",
      THRESHOLDING,
      MARCH_THRESHOLDING,
      subjectId,
      ThresholdingInput.parse({ districtPanelId: TAMWORTH, category: 2, rationale }),
      held?.etag ?? "",
    );
  };
  const atTheMeeting = async () => {
    ports.clock.set(`${MARCH_THRESHOLDING}T10:00:00Z`);
    await signInToMeeting(ports, marcus, THRESHOLDING, MARCH_THRESHOLDING);
  };
  const questions = async () =>
    (await ports.casework.referral("staffordshire", TAMWORTH, referralId))?.value.questions.map((q) => [
      q.askedAt,
      q.question,
      q.answer,
    ]);

  it("a coordinator cannot accept while their triage question waits for the referrer, and is told why", async () => {
    await ask("Which school does the child attend now?");
    await assert.rejects(accept(), (e: unknown) => {
      assert.ok(e instanceof Refusal, String(e));
      assert.match(
        e.message,
        /^The referrer has not yet answered your question on STA-\d{4}-\d{4}\. Accept or decline it once their answer is in\.$/,
      );
      return true;
    });
    const referral = await ports.casework.referral("staffordshire", TAMWORTH, referralId);
    assert.equal(referral?.value.status, "more-information-requested");
  });

  it("after five triage questions, category 2 at thresholding still asks, and the answer reaches the meeting as a thresholding answer", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await ask(`Triage question ${n}?`);
      await answer(`Triage answer ${n}.`);
    }
    const accepted = await accept();
    await atTheMeeting();
    const missing = "Please send the updated Risk Factor Matrix.";
    await threshold(accepted.subjectId ?? "", missing);
    assert.deepEqual((await questions())?.slice(4), [
      ["triage", "Triage question 5?", "Triage answer 5."],
      ["thresholding", missing, null],
    ]);

    const kinds = async () => (await ports.casework.notices("staffordshire")).map((n) => n.value.kind).sort();
    const before = await kinds();
    const answered = await answer("Matrix attached: risk now high.");
    assert.equal(answered.status, "accepted");
    assert.deepEqual((await questions())?.at(-1), [
      "thresholding",
      missing,
      "Matrix attached: risk now high.",
    ]);
    // The coordinators are told of the answer as one to the thresholding meeting's question.
    assert.deepEqual(await kinds(), [...before, "referral-arrived"].sort());
  });

  it("placed in category 2 again in new words while its question waits, the referrer is asked the new words instead", async () => {
    const accepted = await accept();
    await atTheMeeting();
    await threshold(accepted.subjectId ?? "", "Please send the latest school attendance.");
    await threshold(accepted.subjectId ?? "", "Please send the latest school attendance and the Matrix.");
    assert.deepEqual(await questions(), [
      ["thresholding", "Please send the latest school attendance and the Matrix.", null],
    ]);
    const asked = (await ports.casework.notices("staffordshire"))
      .map((n) => n.value)
      .filter((n) => n.kind === "question-asked");
    assert.equal(asked.length, 2);
  });

  it("thresholding has its own limit of three questions, told in words", async () => {
    const accepted = await accept();
    await atTheMeeting();
    for (const n of [1, 2, 3]) {
      await threshold(accepted.subjectId ?? "", `Thresholding question ${n}.`);
      await answer(`Thresholding answer ${n}.`);
    }
    await assert.rejects(threshold(accepted.subjectId ?? "", "A fourth question."), (e: unknown) => {
      assert.ok(e instanceof Refusal, String(e));
      assert.match(
        e.message,
        /^STA-\d{4}-\d{4} has already been sent 3 questions from thresholding\. Talk to the lead professional directly, then place the case in another category\.$/,
      );
      return true;
    });
  });
});
