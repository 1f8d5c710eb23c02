import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { auditTrailRecords } from "../../bot/src/adapters/tables/audit-trail-records.js";
import { keyOf, prefixEnd } from "../../bot/src/adapters/tables/entity-store.js";
import type { TableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { StoredAudit } from "../../bot/src/application/ports/casework.js";
import type { Versioned } from "../../bot/src/application/ports/versioned.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";

/**
 * Every audit entry of an area, oldest first: those of changes not yet moved, in the area's
 * casework partition, and the rest, in the audit trail's monthly partitions.
 */
export async function auditOfArea(tables: TableFactory, areaId: string): Promise<Versioned<StoredAudit>[]> {
  const changes = await areaRecords(tables).audit.listRange(keyOf(areaId), "audit|");
  const trail = auditTrailRecords(tables).store;
  const from = `${keyOf(areaId)}|`;
  const reads: Versioned<StoredAudit>[] = [];
  const filter = `PartitionKey ge '${from}' and PartitionKey lt '${prefixEnd(from)}'`;
  for await (const e of trail.client.listEntities({ queryOptions: { filter } }))
    reads.push(trail.fromEntity(e));
  // An entry of a change being moved to the trail is in both places for a moment: counted once.
  const byId = new Map([...changes, ...reads].map((e) => [e.value.id, e]));
  return [...byId.values()].sort((a, b) => a.value.at.localeCompare(b.value.at));
}

/** Where each audit entry of one referral says it was made, by action: "referral.created" → "bot: referral form". */
export async function viaOfReferral(areaId: string, referralId: unknown, action: string): Promise<string[]> {
  const tables = tableFactory({
    kind: "connection-string",
    connectionString: (await azurite()).connectionString,
  });
  return (await auditOfArea(tables, areaId))
    .filter((a) => a.value.referralId === referralId && a.value.action === action)
    .map((a) => a.value.via);
}
