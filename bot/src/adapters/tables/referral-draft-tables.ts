import type { TableClient } from "@azure/data-tables";
import { z } from "zod";
import type { ReferralDrafts } from "../../application/ports/referral-drafts.js";
import { ReferralDraft } from "../../domain/referrals/referral-draft.js";
import { EntityStore, isStatus, keyOf, rangeFilter } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Referral drafts, one partition per practitioner and one row per form. Beside them, in one
// partition ordered by the day each is kept until, a row per draft, so forgetting the old ones is
// one key range and never a search of everyone's drafts. The day's row is written before the draft
// and removed after it, so no draft is ever without the row that forgets it.

const KEPT = "kept-until";
const Kept = z.strictObject({ keptUntil: z.iso.date(), personId: z.string().max(64), formId: z.uuid() });
type Kept = z.infer<typeof Kept>;
const keptRow = (k: Kept) => `${k.keptUntil}|${keyOf(k.personId)}|${k.formId}`;

export function referralDraftTables(tables: TableFactory): ReferralDrafts {
  const drafts = new EntityStore(tables(TABLES.referralDrafts), ReferralDraft, (d) => ({
    partitionKey: keyOf(d.personId),
    rowKey: d.formId,
  }));
  const kept = new EntityStore(tables(TABLES.referralDrafts), Kept, (k) => ({
    partitionKey: KEPT,
    rowKey: keptRow(k),
  }));
  const remove = async (client: TableClient, partitionKey: string, rowKey: string) => {
    try {
      await client.deleteEntity(partitionKey, rowKey);
    } catch (e) {
      if (!isStatus(e, 404)) throw e;
    }
  };
  /** Forgets the draft a day's row names, unless it was saved again since and is kept longer. */
  const forgetDraft = async (k: Kept) => {
    const draft = await drafts.get(keyOf(k.personId), k.formId);
    if (!draft || draft.value.keptUntil <= k.keptUntil)
      await remove(drafts.client, keyOf(k.personId), k.formId);
    await remove(kept.client, KEPT, keptRow(k));
  };

  return {
    async draft(personId, formId) {
      const found = await drafts.get(keyOf(personId), formId);
      return found?.value;
    },
    async save(d) {
      const before = await drafts.get(keyOf(d.personId), d.formId);
      await kept.upsert({ keptUntil: d.keptUntil, personId: d.personId, formId: d.formId }, d.personId);
      await drafts.upsert(d, d.personId);
      if (before && before.value.keptUntil !== d.keptUntil)
        await remove(kept.client, KEPT, keptRow(before.value));
    },
    async forget(personId, formId) {
      const found = await drafts.get(keyOf(personId), formId);
      if (!found) return;
      await remove(drafts.client, keyOf(personId), formId);
      await remove(kept.client, KEPT, keptRow(found.value));
    },
    async forgetOlder(day) {
      let forgotten = 0;
      const filter = rangeFilter(KEPT, "", undefined, `${day}|`);
      for await (const entity of kept.client.listEntities({ queryOptions: { filter } })) {
        await forgetDraft(kept.fromEntity(entity).value);
        forgotten++;
      }
      return forgotten;
    },
  };
}
