import { odata, type TableClient } from "@azure/data-tables";
import { z } from "zod";
import { isStatus } from "./entity-store.js";

// Where retention removes a finished record, it first leaves a marker beside the record's key in
// the area's partition of the archive. A move that then finds a record it is moving gone from the
// live partition can tell the two ways that happens: retention removed it (the move's copy must go
// too) or another move finished it after copying it first (the copy is the record's only place).
// A marker holds the key alone, no detail, and is forgotten after a day: far longer than a move
// can hold a read while it keeps its lease.

const PREFIX = "removed|";
const KEPT_MS = 86_400_000;
/** The key after every marker's. */
const AFTER = "removed}";

const Marker = z.object({ rowKey: z.string().startsWith(PREFIX), removedAt: z.iso.datetime() });

export function removalMarkers(client: TableClient) {
  return {
    /** Before a record's rows go: retention removed it at `at`. */
    async mark(partitionKey: string, rowKey: string, at: Date): Promise<void> {
      await client.upsertEntity(
        { partitionKey, rowKey: PREFIX + rowKey, removedAt: at.toISOString() },
        "Replace",
      );
    },

    /** Whether retention removed the record with this key in the last day. */
    async removed(partitionKey: string, rowKey: string): Promise<boolean> {
      try {
        await client.getEntity(partitionKey, PREFIX + rowKey, { queryOptions: { select: ["RowKey"] } });
        return true;
      } catch (e) {
        if (isStatus(e, 404)) return false;
        throw e;
      }
    },

    /**
     * Forgets the area's markers older than a day, in one key range; returns how many went. By the
     * machine's clock, as `mark` is given: a service run on another clock keeps its markers as long.
     */
    async forgetOld(partitionKey: string): Promise<number> {
      const before = new Date(Date.now() - KEPT_MS).toISOString();
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${PREFIX} and RowKey lt ${AFTER}`;
      const old: string[] = [];
      for await (const row of client.listEntities({
        queryOptions: { filter, select: ["RowKey", "removedAt"] },
      })) {
        const marker = Marker.safeParse(row);
        if (!marker.success) throw new Error(`The removal marker ${String(row.rowKey)} is not as stored.`);
        if (marker.data.removedAt < before) old.push(marker.data.rowKey);
      }
      await Promise.all(
        old.map((rowKey) =>
          client.deleteEntity(partitionKey, rowKey).catch((e: unknown) => {
            if (!isStatus(e, 404)) throw e;
          }),
        ),
      );
      return old.length;
    },
  };
}

export type RemovalMarkers = ReturnType<typeof removalMarkers>;
