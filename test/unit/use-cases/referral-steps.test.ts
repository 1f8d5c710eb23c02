import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { forgetUnsentDrafts } from "../../../bot/src/application/referrals/forget-drafts.js";
import { SENT_IN_STEPS } from "../../../bot/src/domain/referrals/form-steps.js";
import { PEOPLE } from "../../support/people.js";
import { fakePorts, referralDesk } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// A referral filled in step by step in Teams: each step checked as it is sent and kept in the
// practitioner's draft, a group's members four to a page for as many pages as the group needs, and
// nothing about the child kept once the referral is sent or left unsent for a fortnight.

const grace = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
const PANEL = "merton-pre-mace";

/** Nine invented young people, as a practitioner would type them. */
const members = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [
    [`member${i + 1}.name`, `Invented Member ${String.fromCharCode(65 + i)}`],
    [`member${i + 1}.dateOfBirth`, `201${i % 3}-0${(i % 9) + 1}-1${i % 9}`],
    [`member${i + 1}.ethnicity`, i % 2 ? "black-caribbean" : "white-british"],
  ]).flat(),
);
const pageOf = (page: number) =>
  Object.fromEntries(
    Object.entries(members).filter(([k]) => {
      const row = Number(/^member(\d+)\./.exec(k)?.[1]);
      return row > page * 4 && row <= page * 4 + 4;
    }),
  );

describe("A referral filled in step by step", () => {
  it("takes a group of nine over three pages of members, and sends every one of them", async () => {
    const ports = fakePorts("2026-11-24T12:00:00Z");
    const desk = referralDesk(ports);
    const formId = randomUUID();
    const subject = { step: "subject" as const, page: 0 };
    await desk.keepAnswers(
      grace,
      PANEL,
      "group",
      formId,
      subject,
      { groupName: "Peer group, east", ...pageOf(0) },
      8,
    );
    await desk.keepAnswers(grace, PANEL, "group", formId, { ...subject, page: 1 }, pageOf(1), 12);
    const checked = await desk.checkStep(grace, PANEL, "group", formId, { ...subject, page: 2 }, pageOf(2));
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.answers["member9.name"], "Invented Member I");
    assert.equal(checked.answers["groupName"], "Peer group, east");

    const sent = await desk.submit(grace, PANEL, "group", formId, {
      natureOfHarm: "Drawn into selling drugs around the station.",
      request: "Disruption of the older men who drive them.",
      riskLevel: "significant",
      [SENT_IN_STEPS]: "yes",
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    const names = Object.entries(sent.referral.values)
      .filter(([k]) => /^member\d+\.name$/.test(k))
      .map(([, v]) => v);
    assert.equal(names.length, 9);
    assert.ok(names.includes("Invented Member I"));
    assert.equal(await ports.drafts.draft(grace.id, formId), undefined, "the sent referral's draft is gone");
  });

  it("a Send delivered twice gives the one receipt, though the draft went with the first", async () => {
    const ports = fakePorts("2026-11-24T12:00:00Z");
    const desk = referralDesk(ports);
    const formId = randomUUID();
    const child = mertonChild("Tamsin Invented");
    for (const step of ["subject", "safeguarding", "checklist"] as const)
      assert.deepEqual(
        (await desk.checkStep(grace, PANEL, "individual", formId, { step, page: 0 }, child)).problems,
        [],
      );
    const lastStep = {
      request: child.request,
      howSafer: child.howSafer,
      riskLevel: child.riskLevel,
      subjectName: child.subjectName,
      dateOfBirth: child.dateOfBirth,
      [SENT_IN_STEPS]: "yes",
    };
    const first = await desk.submit(grace, PANEL, "individual", formId, lastStep);
    const again = await desk.submit(grace, PANEL, "individual", formId, lastStep);
    assert.ok(first.ok && again.ok, JSON.stringify(again));
    assert.equal(again.referral.reference, first.referral.reference);
    assert.equal(again.created, false);
  });

  it("a refused Send keeps what its last step sent", async () => {
    const ports = fakePorts("2026-11-24T12:00:00Z");
    const desk = referralDesk(ports);
    const formId = randomUUID();
    const child = mertonChild("Tamsin Invented");
    await desk.checkStep(grace, PANEL, "individual", formId, { step: "subject", page: 0 }, child);
    const refused = await desk.submit(grace, PANEL, "individual", formId, {
      request: "Disruption of the adults involved.",
      [SENT_IN_STEPS]: "yes",
    });
    assert.ok(!refused.ok);
    assert.equal(
      (await ports.drafts.draft(grace.id, formId))?.answers["request"],
      "Disruption of the adults involved.",
    );
    assert.equal((await ports.drafts.draft(grace.id, formId))?.answers["subjectName"], "Tamsin Invented");
  });

  it("a step with a mistake is not kept and says so beside the field; put right, it is", async () => {
    const ports = fakePorts("2026-11-24T12:00:00Z");
    const desk = referralDesk(ports);
    const formId = randomUUID();
    const child = mertonChild("Tamsin Invented");
    const place = { step: "checklist" as const, page: 0 };
    const wrong = await desk.checkStep(grace, PANEL, "individual", formId, place, {
      ...child,
      strategyMeetingDate: "2026-12-02",
    });
    assert.deepEqual(wrong.problems, [
      { field: "strategyMeetingDate", message: "The meeting date cannot be in the future." },
    ]);
    assert.equal(await ports.drafts.draft(grace.id, formId), undefined);
    const right = await desk.checkStep(grace, PANEL, "individual", formId, place, child);
    assert.deepEqual(right.problems, []);
    // Only what the step asked is kept: the child's name is asked in the first step.
    const kept = await ports.drafts.draft(grace.id, formId);
    assert.equal(kept?.answers["strategyMeetingDate"], "2026-11-12");
    assert.equal(kept?.answers["subjectName"], undefined);
  });

  it("a draft nobody sends is forgotten after a fortnight", async () => {
    const ports = fakePorts("2026-11-24T12:00:00Z");
    const desk = referralDesk(ports);
    const formId = randomUUID();
    await desk.checkStep(
      grace,
      PANEL,
      "individual",
      formId,
      { step: "subject", page: 0 },
      mertonChild("Ada Invented"),
    );
    assert.equal((await ports.drafts.draft(grace.id, formId))?.answers["subjectName"], "Ada Invented");
    ports.clock.set("2026-12-08T12:00:00Z");
    assert.equal(await forgetUnsentDrafts(ports), 0, "kept for fourteen days");
    ports.clock.set("2026-12-09T12:00:00Z");
    assert.equal(await forgetUnsentDrafts(ports), 1);
    assert.equal(await ports.drafts.draft(grace.id, formId), undefined);
  });
});
