import type { TransactionAction } from "@azure/data-tables";
import { StoredAudit } from "../../application/ports/casework.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// The audit entries of reads (every view of a subject's details, every list shown) are most of
// the audit trail and change nothing, so they need no transaction with the casework: they go to
// a table of their own, one partition per area and month, and never make the area's casework
// partition grow. The audit entry of a change commits with the change, in the area's partition.

const auditTrailPartition = (areaId: string, at: string): string => `${keyOf(areaId)}|${at.slice(0, 7)}`;

export function auditTrailRecords(tables: TableFactory) {
  const store = new EntityStore(tables(TABLES.auditTrail), StoredAudit, (a) => ({
    partitionKey: auditTrailPartition(a.areaId, a.at),
    rowKey: `${a.at}|${a.id}`,
  }));
  return {
    store,
    /** Appends entries, a transaction per month's partition and hundred entries (the table's limit). */
    async append(entries: StoredAudit[]): Promise<void> {
      const byPartition = new Map<string, TransactionAction[]>();
      for (const entry of entries) {
        const pk = store.keys(entry).partitionKey;
        byPartition.set(pk, [...(byPartition.get(pk) ?? []), store.createAction(entry, entry.actorId)]);
      }
      await Promise.all(
        [...byPartition.values()].flatMap((actions) =>
          Array.from({ length: Math.ceil(actions.length / 100) }, (_, i) =>
            store.client.submitTransaction(actions.slice(i * 100, i * 100 + 100)),
          ),
        ),
      );
    },
  };
}
