import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { readMonthRecord } from "../../../bot/src/application/reports/read-month-record.js";
import { ANONYMISED, anonymisedCase } from "../../../bot/src/domain/retention/anonymise.js";
import { ThresholdingInput, thresholdingProblems } from "../../../bot/src/domain/agenda/thresholding.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import type { PanelRole } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { staffordshireChild } from "../../support/referral-forms.js";

// Staffordshire's pre-MACE thresholding (003), on fakes: the thresholding meeting a week before
// Tamworth's district panel lists the district's new referrals and returning cases, and the
// category a signed-in coordinator records there on the meeting's day is what places each case on
// the district panel's agenda. Category 2 asks the referrer for what is missing.

const TAMWORTH = "staffordshire-tamworth";
const THRESHOLDING = "staffordshire-pre-mace-thresholding";
const MARCH_PANEL = "2027-03-04";
const MARCH_THRESHOLDING = "2027-02-25";
const MAY_PANEL = "2027-05-06";
const MAY_THRESHOLDING = "2027-04-29";
const marcus = demoActor("Marcus Thorne");
const imogen = demoActor("Imogen Sallis");
const callum = demoActor("Callum Brightwell");

const refusedWith = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("Staffordshire's thresholding meeting compiles the district panel's agenda", () => {
  let ports: FakePorts;
  let child: { subjectId: string; reference: string; referralId: string };

  beforeEach(async () => {
    // A school refers a child to Tamworth's panel at the start of February: it goes to March's.
    ports = fakePorts("2027-02-01T10:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      callum,
      TAMWORTH,
      "individual",
      randomUUID(),
      staffordshireChild("Ellis Invented-Marsh"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(marcus, TAMWORTH, sent.referral.id, "test");
    const accepted = await desk.triage(
      marcus,
      TAMWORTH,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child = { subjectId: accepted.subjectId ?? "", reference: accepted.reference, referralId: accepted.id };
  });

  const list = (meetingId = MARCH_THRESHOLDING, actor = marcus, role: PanelRole = "coordinator") =>
    caseDecisions(ports).thresholding(actor, role, THRESHOLDING, meetingId);
  const version = async () =>
    (await ports.casework.case("staffordshire", TAMWORTH, child.subjectId))?.etag ?? "";
  const threshold = async (
    input: { category: number; rationale: string },
    meetingId = MARCH_THRESHOLDING,
    actor = marcus,
    role: PanelRole = "coordinator",
  ) =>
    caseDecisions(ports).threshold(
      actor,
      role,
      THRESHOLDING,
      meetingId,
      child.subjectId,
      ThresholdingInput.parse({ districtPanelId: TAMWORTH, ...input }),
      await version(),
    );
  const districtAgenda = (meetingId = MARCH_PANEL) =>
    agendaDesk(ports).view(marcus, "coordinator", TAMWORTH, meetingId, "test");
  const sectionOf = async (subjectId: string, meetingId = MARCH_PANEL) => {
    const agenda = await districtAgenda(meetingId);
    const entry = agenda.entries.find(
      (e) =>
        e.slots.some((s) => s.subjects.some((x) => x.subjectId === subjectId)) ||
        e.listed.some((l) => l.subjectId === subjectId),
    );
    return entry?.id ?? (agenda.unplaced.some((u) => u.subjectId === subjectId) ? "unplaced" : null);
  };
  const atTheMeeting = async (meetingId = MARCH_THRESHOLDING) => {
    ports.clock.set(`${meetingId}T10:00:00Z`);
    await signInToMeeting(ports, marcus, THRESHOLDING, meetingId);
  };

  it("lists the new referral under Tamworth's March panel, awaiting its category, and the district agenda waits for it", async () => {
    await atTheMeeting();
    const view = await list();
    assert.deepEqual(
      view.districts.map((d) => [d.panelId, d.meetingId]),
      [[TAMWORTH, MARCH_PANEL]],
    );
    const listed = view.districts[0]?.cases ?? [];
    assert.deepEqual(
      listed.map((c) => [c.reference, c.label, c.stage, c.outcome]),
      [[child.reference, "Ellis Invented-Marsh", "new", null]],
    );
    // Until it is thresholded, no section of the district agenda takes it.
    assert.equal(await sectionOf(child.subjectId), "unplaced");
    const agenda = await districtAgenda();
    assert.deepEqual(agenda.thresholdedAt, {
      panelId: THRESHOLDING,
      panelName: "Pre-MACE thresholding meeting",
      meetingId: MARCH_THRESHOLDING,
    });
    assert.equal(agenda.unplaced[0]?.thresholded, null);
  });

  it("category 1, recorded at the meeting by a signed-in coordinator, puts the child in the panel's first section", async () => {
    await atTheMeeting();
    const outcome = await threshold({ category: 1, rationale: "" });
    assert.deepEqual(
      [outcome.category, outcome.forMeeting, outcome.recordedByName],
      [1, MARCH_PANEL, "Marcus Thorne"],
    );

    assert.equal(await sectionOf(child.subjectId), "discussed");
    const slot = (await districtAgenda()).entries.find((e) => e.id === "discussed")?.slots[0];
    assert.deepEqual(slot?.subjects[0]?.thresholded, {
      category: 1,
      label: "1. Discussed at MACE",
      rationale: null,
    });
    const view = await list();
    assert.equal(view.districts[0]?.cases[0]?.outcome?.label, "1. Discussed at MACE");
    const audited = ports.casework.auditOf("staffordshire").filter((a) => a.action === "case.thresholded");
    assert.deepEqual(
      audited.map((a) => [a.panelId, a.subjectId, a.actorId]),
      [[TAMWORTH, child.subjectId, marcus.id]],
    );
  });

  it("March's report figures count the category the thresholding meeting gave, and keep it once May's is recorded", async () => {
    await atTheMeeting();
    await threshold({ category: 1, rationale: "" });
    const area = ports.catalogue.areas.find((a) => a.id === "staffordshire");
    const panel = ports.catalogue.panels.get(TAMWORTH);
    assert.ok(area && panel);
    const march = async () =>
      (await readMonthRecord(ports, area, panel, "2027-03")).meetings.map((m) => [m.id, m.categories]);
    assert.deepEqual(await march(), [[MARCH_PANEL, [1]]]);

    ports.clock.set(`${MARCH_PANEL}T10:00:00Z`);
    await signInToMeeting(ports, marcus, TAMWORTH, MARCH_PANEL);
    await caseDecisions(ports).decide(
      marcus,
      "coordinator",
      TAMWORTH,
      MARCH_PANEL,
      child.subjectId,
      DecisionInput.parse({ kind: "return", returnTo: MAY_PANEL }),
      "none",
    );
    await atTheMeeting(MAY_THRESHOLDING);
    await caseDecisions(ports).threshold(
      marcus,
      "coordinator",
      THRESHOLDING,
      MAY_THRESHOLDING,
      child.subjectId,
      ThresholdingInput.parse({
        districtPanelId: TAMWORTH,
        category: 3,
        rationale: "Safety plan in place; no further disruption MACE can offer.",
      }),
      await version(),
    );
    ports.clock.set("2027-06-10T10:00:00Z");
    assert.deepEqual(await march(), [[MARCH_PANEL, [1]]]);

    // Retention's anonymising replaces the rationale, as it does a decision's.
    const held = (await ports.casework.case("staffordshire", TAMWORTH, child.subjectId))?.value;
    assert.ok(held);
    assert.equal(anonymisedCase(held, "2034-01-01T00:00:00.000Z").thresholding?.rationale, ANONYMISED);
  });

  it("categories 3 and 4 list the child on the district agenda with the rationale, without a slot", async () => {
    await atTheMeeting();
    await threshold({
      category: 3,
      rationale: "Safety plan in place; no further disruption MACE can offer.",
    });
    let agenda = await districtAgenda();
    assert.deepEqual(
      agenda.entries.find((e) => e.id === "remain-considered")?.listed.map((l) => [l.reference, l.rationale]),
      [[child.reference, "Safety plan in place; no further disruption MACE can offer."]],
    );
    // Changed at the same meeting, on its day: the latest outcome places it.
    await threshold({ category: 4, rationale: "The family has moved to Shropshire; transfer requested." });
    agenda = await districtAgenda();
    assert.deepEqual(agenda.entries.find((e) => e.id === "remain-considered")?.listed, []);
    const removed = agenda.entries.find((e) => e.id === "removed")?.listed[0];
    assert.deepEqual(
      [removed?.reference, removed?.thresholded?.label, removed?.rationale],
      [child.reference, "4. Removed from MACE", "The family has moved to Shropshire; transfer requested."],
    );
  });

  it("category 2 asks the referrer for what is missing; the case waits, and their answer shows at the meeting", async () => {
    await atTheMeeting();
    const question = "Please send the updated Risk Factor Matrix and the latest school attendance.";
    await threshold({ category: 2, rationale: question });

    const referral = await ports.casework.referral("staffordshire", TAMWORTH, child.referralId);
    assert.equal(referral?.value.status, "accepted");
    assert.deepEqual(
      referral?.value.questions.map((q) => [q.question, q.byName, q.answer]),
      [[question, "Marcus Thorne", null]],
    );
    const notices = (await ports.casework.notices("staffordshire")).map((n) => n.value);
    assert.ok(
      notices.some(
        (n) => n.kind === "question-asked" && "referralId" in n && n.referralId === child.referralId,
      ),
    );
    assert.deepEqual(ports.notified.at(-1), "staffordshire");
    assert.equal(await sectionOf(child.subjectId), "insufficient-information");
    assert.deepEqual((await list()).districts[0]?.cases[0]?.question, { text: question, answer: null });

    // Saved again at the meeting, it does not ask twice.
    await threshold({ category: 2, rationale: question });
    const again = await ports.casework.referral("staffordshire", TAMWORTH, child.referralId);
    assert.equal(again?.value.questions.length, 1);

    // The referrer answers later that day; the referral stays accepted, and the coordinators are told.
    ports.clock.set(`${MARCH_THRESHOLDING}T14:00:00Z`);
    const before = (await ports.casework.notices("staffordshire")).length;
    const answered = await referralDesk(ports).answer(
      callum,
      TAMWORTH,
      child.referralId,
      "Updated Matrix attached to the school's record: risk now high.",
      again?.etag ?? "",
      "test",
    );
    assert.equal(answered.status, "accepted");
    const told = (await ports.casework.notices("staffordshire")).map((n) => n.value).slice(before);
    assert.deepEqual(
      told.map((n) => [n.kind, "referralId" in n && n.referralId]),
      [["referral-arrived", child.referralId]],
    );
    assert.deepEqual((await list()).districts[0]?.cases[0]?.question, {
      text: question,
      answer: "Updated Matrix attached to the school's record: risk now high.",
    });
  });

  it("a case still waiting for the referrer's answer comes to the next thresholding meeting with the question", async () => {
    await atTheMeeting();
    const question = "Please send the updated Risk Factor Matrix and the latest school attendance.";
    await threshold({ category: 2, rationale: question });
    ports.clock.set(`${MARCH_PANEL}T10:00:00Z`);
    await signInToMeeting(ports, marcus, TAMWORTH, MARCH_PANEL);
    await caseDecisions(ports).decide(
      marcus,
      "coordinator",
      TAMWORTH,
      MARCH_PANEL,
      child.subjectId,
      DecisionInput.parse({ kind: "return", returnTo: MAY_PANEL }),
      "none",
    );
    await atTheMeeting(MAY_THRESHOLDING);
    const may = (await list(MAY_THRESHOLDING)).districts[0]?.cases[0];
    assert.deepEqual(
      [may?.stage, may?.outcome, may?.question],
      ["return", null, { text: question, answer: null }],
    );
  });

  it("is refused, writing nothing, before the meeting's day, before signing in, to a member, and without a rationale", async () => {
    const audited = () =>
      ports.casework.auditOf("staffordshire").filter((a) => a.action === "case.thresholded");
    ports.clock.set("2027-02-24T10:00:00Z");
    await assert.rejects(
      threshold({ category: 1, rationale: "" }),
      refusedWith(
        "not-now",
        "not-meeting-day",
        "Outcomes are recorded at the thresholding meeting, on its day (25 February 2027).",
      ),
    );
    ports.clock.set(`${MARCH_THRESHOLDING}T10:00:00Z`);
    await assert.rejects(threshold({ category: 1, rationale: "" }), refusedWith("not-now", "not-signed-in"));
    await signInToMeeting(ports, imogen, THRESHOLDING, MARCH_THRESHOLDING);
    await assert.rejects(
      threshold({ category: 1, rationale: "" }, MARCH_THRESHOLDING, imogen, "member"),
      refusedWith("not-allowed", "not-coordinator"),
    );
    await signInToMeeting(ports, marcus, THRESHOLDING, MARCH_THRESHOLDING);
    await assert.rejects(
      threshold({ category: 3, rationale: "" }),
      refusedWith(
        "invalid",
        "outcome-incomplete",
        "Record the rationale for this category (a sentence at least).",
      ),
    );
    await assert.rejects(
      caseDecisions(ports).threshold(
        marcus,
        "coordinator",
        THRESHOLDING,
        MARCH_THRESHOLDING,
        child.subjectId,
        ThresholdingInput.parse({ districtPanelId: TAMWORTH, category: 1, rationale: "" }),
        "an old version",
      ),
      refusedWith("conflict", "changed-by-someone-else"),
    );
    assert.deepEqual(audited(), []);
    assert.equal(
      (await ports.casework.case("staffordshire", TAMWORTH, child.subjectId))?.value.thresholding,
      undefined,
    );
  });

  it("a case the March panel sends to May returns to May's thresholding meeting, awaiting a new category", async () => {
    await atTheMeeting();
    await threshold({ category: 1, rationale: "" });
    ports.clock.set(`${MARCH_PANEL}T10:00:00Z`);
    await signInToMeeting(ports, marcus, TAMWORTH, MARCH_PANEL);
    await caseDecisions(ports).decide(
      marcus,
      "coordinator",
      TAMWORTH,
      MARCH_PANEL,
      child.subjectId,
      DecisionInput.parse({ kind: "return", returnTo: MAY_PANEL }),
      "none",
    );
    ports.clock.set(`${MAY_THRESHOLDING}T09:00:00Z`);
    const may = await list(MAY_THRESHOLDING);
    assert.deepEqual(
      may.districts.flatMap((d) => d.cases.map((c) => [d.meetingId, c.reference, c.stage, c.outcome])),
      [[MAY_PANEL, child.reference, "return", null]],
    );
    assert.equal(await sectionOf(child.subjectId, MAY_PANEL), "unplaced");
    // March's agenda keeps the case where its outcome placed it.
    assert.equal(await sectionOf(child.subjectId), "discussed");
  });

  it("a location or person of concern is placed for discussion only: categories 2 to 4 are children's and groups'", () => {
    const stays = {
      category: 3 as const,
      rationale: "Safety plan in place; no further disruption MACE can offer.",
    };
    for (const placement of ["location", "person-of-concern"] as const)
      assert.deepEqual(thresholdingProblems(stays, placement), [
        {
          field: "category",
          message: "A person or location of concern is placed in category 1, to be discussed at MACE (003).",
        },
      ]);
    assert.deepEqual(thresholdingProblems({ category: 1, rationale: "" }, "location"), []);
    assert.deepEqual(thresholdingProblems(stays, "group"), []);
  });

  it("on the meeting's day, a member not yet signed in sees references only: no names, rationale or question, and no read is audited", async () => {
    await atTheMeeting();
    const question = "Please send the updated Risk Factor Matrix and the latest school attendance.";
    await threshold({ category: 2, rationale: question });
    const readsBefore = ports.casework.auditOf("staffordshire").filter((a) => a.action === "agenda.viewed");
    const hidden = await list(MARCH_THRESHOLDING, imogen, "member");
    const row = hidden.districts[0]?.cases[0];
    assert.equal(hidden.namesHidden, true);
    assert.deepEqual(
      [row?.reference, row?.label, row?.outcome?.rationale, row?.question],
      [child.reference, null, null, null],
    );
    assert.deepEqual(
      ports.casework.auditOf("staffordshire").filter((a) => a.action === "agenda.viewed"),
      readsBefore,
    );

    // Signed in, the same member sees the child's name, the rationale and the question.
    await signInToMeeting(ports, imogen, THRESHOLDING, MARCH_THRESHOLDING);
    const named = (await list(MARCH_THRESHOLDING, imogen, "member")).districts[0]?.cases[0];
    assert.deepEqual(
      [named?.label, named?.outcome?.rationale, named?.question],
      ["Ellis Invented-Marsh", question, { text: question, answer: null }],
    );
  });

  it("a meeting of a panel that is not a thresholding meeting has no thresholding list", async () => {
    await assert.rejects(
      caseDecisions(ports).thresholding(marcus, "coordinator", TAMWORTH, MARCH_PANEL),
      refusedWith("not-found", "not-thresholding"),
    );
  });
});
