import { holdMatchKeys, WAITING } from "../../application/referrals/pending-matches.js";
import { matchKeys } from "../../domain/referrals/duplicates.js";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import { areaRecords } from "./area-records.js";
import { caseworkTables } from "./casework-tables.js";
import { keyOf, rangeFilter } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// Referrals already waiting when waiting referrals began to hold match keys have none, so a second
// referral of the same child would not be flagged until the first is decided. Each is given its
// keys once, through the casework port as a submit gives them (the referral and its rows in one
// transaction); a marker row makes later starts do nothing.

const MARKER = "layout|pending-matches";

export async function holdWaitingMatchKeys(
  tables: TableFactory,
  areaId: string,
  progress: (message: string) => void,
): Promise<void> {
  const records = areaRecords(tables);
  const client = records.referrals.client;
  const pk = keyOf(areaId);
  try {
    await client.getEntity(pk, MARKER);
    return;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
  const casework = caseworkTables(tables);
  const waiting: { panelId: string; id: string }[] = [];
  const filter = rangeFilter(pk, "referral|");
  for await (const raw of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
    const { value } = records.referrals.fromEntity(raw);
    // A transfer is issued without match keys, as transfer-in.ts issues it.
    if (WAITING.includes(value.status) && !value.pendingMatchKeys && !value.transferredFrom)
      waiting.push(value);
  }
  for (const { panelId, id } of waiting) {
    const held = await casework.referral(areaId, panelId, id);
    if (!held) continue;
    const unit = casework.unit(areaId, "start-up");
    unit.replaceReferral(
      holdMatchKeys(unit, held.value, matchKeys(held.value.kind, held.value.values)),
      held,
    );
    try {
      await unit.commit();
    } catch (e) {
      // Decided meanwhile, through another instance: it waits no more, and needs no keys.
      if (!(e instanceof ConcurrencyConflict)) throw e;
    }
  }
  if (waiting.length) progress(`${areaId}: ${waiting.length} waiting referrals given their match keys`);
  await client.upsertEntity({ partitionKey: pk, rowKey: MARKER, at: new Date().toISOString() });
}
