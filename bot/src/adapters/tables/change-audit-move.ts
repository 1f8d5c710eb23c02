import type { StoredAudit } from "../../application/ports/casework.js";
import { areaRecords } from "./area-records.js";
import { auditTrailRecords } from "./audit-trail-records.js";
import { isStatus, keyOf } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The audit entry of a change commits in the area's casework partition, in the change's own
// transaction, so no change is ever stored unaudited. Left there, those entries would make the
// partition every step writes to grow with each change for as long as the record is kept; so
// they move, on the service's beat, to the audit trail's monthly partitions beside the entries of
// reads. A move copies, then deletes: an entry is always in one place or both, never neither,
// and whoever reads the audit counts an id once (`onceEach`).

/** Entries moved at a time: one transaction deletes them from the casework partition. */
const AT_A_TIME = 100;

/** Each entry once, by id, oldest first: a moved entry can be seen in both places for a moment. */
export function onceEach<T extends { id: string; at: string }>(entries: T[]): T[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Moves every audit entry of a change from the area's casework partition to the audit trail;
 * what is already moved is not read again, so a second run finds nothing. Any number of
 * instances may move at once: a copy is written over itself, and a row another instance deleted
 * first is read again, not moved twice. Returns how many this run moved.
 */
export async function moveChangeAudits(
  tables: TableFactory,
  areaId: string,
  progress: (moved: number) => void = () => undefined,
): Promise<number> {
  const records = areaRecords(tables);
  const trail = auditTrailRecords(tables);
  let moved = 0;
  for (;;) {
    const { values } = await records.audit.listPage(keyOf(areaId), "audit|", AT_A_TIME);
    if (!values.length) return moved;
    const entries: StoredAudit[] = values.map((v) => v.value);
    await trail.copy(entries);
    try {
      await records.transact(entries.map((e) => records.audit.deleteAction(e)));
      moved += entries.length;
      progress(moved);
    } catch (e) {
      // Another instance moved some of them first: what is left is read again.
      if (!isStatus(e, 404)) throw e;
    }
  }
}
