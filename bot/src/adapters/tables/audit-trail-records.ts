import type { TransactionAction } from "@azure/data-tables";
import { StoredAudit } from "../../application/ports/casework.js";
import { EntityStore, keyOf, rangeFilter } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// The audit entries of reads (every view of a subject's details, every list shown) are most of
// the audit trail and change nothing, so they need no transaction with the casework: they go to
// a table of their own, one partition per area and month, and never make the area's casework
// partition grow. The audit entry of a change commits with the change, in the area's partition,
// and later moves here (change-audit-move.ts).

const auditTrailPartition = (areaId: string, at: string): string => `${keyOf(areaId)}|${at.slice(0, 7)}`;

/** Each month from the one `from` falls in to the one `to` falls in, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const last = to.slice(0, 7);
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); ; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 7);
    if (month > last) return months;
    months.push(month);
  }
}

// Months read together: a year's partitions at a time keeps a long export to a few waits.
const MONTHS_TOGETHER = 12;

export function auditTrailRecords(tables: TableFactory) {
  const store = new EntityStore(tables(TABLES.auditTrail), StoredAudit, (a) => ({
    partitionKey: auditTrailPartition(a.areaId, a.at),
    rowKey: `${a.at}|${a.id}`,
  }));
  const write = async (rows: [partitionKey: string, action: TransactionAction][]): Promise<void> => {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const [pk, action] of rows) byPartition.set(pk, [...(byPartition.get(pk) ?? []), action]);
    await Promise.all(
      [...byPartition.values()].flatMap((actions) =>
        Array.from({ length: Math.ceil(actions.length / 100) }, (_, i) =>
          store.client.submitTransaction(actions.slice(i * 100, i * 100 + 100)),
        ),
      ),
    );
  };
  return {
    store,
    /** Appends entries, a transaction per month's partition and hundred entries (the table's limit). */
    append: (entries: StoredAudit[]) =>
      write(entries.map((e) => [store.keys(e).partitionKey, store.createAction(e, e.actorId)])),
    /** Entries moved here from elsewhere, each written over any earlier copy of itself. */
    copy: (entries: StoredAudit[]) =>
      write(entries.map((e) => [store.keys(e).partitionKey, store.upsertAction(e, e.actorId)])),

    /**
     * The entries from `from` to `to` that `keep` takes, oldest first: every month of the period
     * read whole (its entries are filtered here, not by storage), a year's months at a time. For a
     * subject access export only.
     */
    async between(
      areaId: string,
      from: string,
      to: string,
      keep: (entry: StoredAudit) => boolean,
    ): Promise<StoredAudit[]> {
      const months = monthsBetween(from, to);
      const kept: StoredAudit[] = [];
      for (let i = 0; i < months.length; i += MONTHS_TOGETHER) {
        const read = await Promise.all(
          months.slice(i, i + MONTHS_TOGETHER).map(async (month) => {
            // Rows are keyed by their moment: the period's own rows are one range of the month's.
            const filter = rangeFilter(`${keyOf(areaId)}|${month}`, from, undefined, `${to}~`);
            const found: StoredAudit[] = [];
            for await (const entity of store.client.listEntities({ queryOptions: { filter } })) {
              const entry = store.fromEntity(entity).value;
              if (keep(entry)) found.push(entry);
            }
            return found;
          }),
        );
        kept.push(...read.flat());
      }
      return kept;
    },
  };
}
