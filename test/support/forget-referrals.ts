import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";

/**
 * Removes a suite's Merton referrals and the notices they owe from the shared Azurite: dozens of
 * new referrals would crowd other suites' coordinators' lists, and their notices the delivery.
 * The referrals' list copies go with them, and the match keys they are found by while waiting.
 */
export async function forgetMertonReferrals(referralIds: Iterable<string>): Promise<void> {
  const ours = new Set(referralIds);
  const { connectionString } = await azurite();
  const table = tableFactory({ kind: "connection-string", connectionString })(TABLES.areaRecords);
  const filter = `PartitionKey eq 'merton' and (RowKey ge 'notice|' and RowKey lt 'notice}' or RowKey ge 'referral' and RowKey lt 'referram' or RowKey ge 'match|' and RowKey lt 'match}')`;
  for await (const e of table.listEntities({ queryOptions: { filter } }))
    if (ours.has(String(e["referralId"] ?? e["id"])))
      await table.deleteEntity(String(e.partitionKey), String(e.rowKey));
}
