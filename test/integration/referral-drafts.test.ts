import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { referralDraftTables } from "../../bot/src/adapters/tables/referral-draft-tables.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { ReferralDraft } from "../../bot/src/domain/referrals/referral-draft.js";
import { azurite } from "../support/azurite.js";

// Referral drafts in table storage: read back as saved, replaced as the practitioner goes on, and
// forgotten in one key range once their fortnight is up, whoever's they are.

const draft = (personId: string, keptUntil: string, answers: Record<string, string>): ReferralDraft => ({
  formId: randomUUID(),
  personId,
  panelId: "merton-pre-mace",
  kind: "group",
  answers,
  savedAt: "2026-11-24T12:00:00.000Z",
  keptUntil,
});

describe("Referral drafts in Azure Tables (Azurite)", () => {
  it("keeps each practitioner's answers, group members' keys included, and forgets those past their day", async () => {
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    await ensureTables(tables);
    const drafts = referralDraftTables(tables);
    // Other suites' drafts share the store: forget them first, so the counts are this test's.
    await drafts.forgetOlder("2031-01-01");
    const grace = draft("grace-id", "2031-12-08", {
      groupName: "Peer group",
      "member9.name": "Invented Member I",
    });
    const owen = draft("owen-id", "2031-12-20", { subjectName: "Invented Child" });
    await drafts.save(grace);
    await drafts.save(owen);
    assert.deepEqual(await drafts.draft("grace-id", grace.formId), grace);
    assert.equal(await drafts.draft("owen-id", grace.formId), undefined, "only its own person's");

    // Going on a day later moves the day it is kept until.
    const later = {
      ...grace,
      answers: { ...grace.answers, natureOfHarm: "Exploited" },
      keptUntil: "2031-12-09",
    };
    await drafts.save(later);
    assert.equal(await drafts.forgetOlder("2031-12-09"), 0, "the earlier day no longer forgets it");
    assert.equal(await drafts.forgetOlder("2031-12-10"), 1);
    assert.equal(await drafts.draft("grace-id", grace.formId), undefined);
    assert.deepEqual(await drafts.draft("owen-id", owen.formId), owen);

    await drafts.forget("owen-id", owen.formId);
    assert.equal(await drafts.draft("owen-id", owen.formId), undefined);
    assert.equal(await drafts.forgetOlder("2032-01-01"), 0, "nothing left behind to forget");
  });
});
