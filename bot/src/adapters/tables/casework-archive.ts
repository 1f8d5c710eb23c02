import type { TransactionAction } from "@azure/data-tables";
import { finishedAt, type Action } from "../../domain/actions/action.js";
import { decidedAt, type Referral } from "../../domain/referrals/referral.js";
import type { Page } from "../../application/ports/stored-records.js";
import { ConcurrencyConflict, type Versioned } from "../../application/ports/versioned.js";
import type { AreaRecords } from "./area-records.js";
import { actionCopies, inKeyOrder, referralCopies } from "./casework-copies.js";
import { isStatus, keyOf, type EntityStore } from "./entity-store.js";
import { removalMarkers, type RemovalMarkers } from "./removal-markers.js";
import { TABLES, type TableFactory } from "./storage.js";

// Finished casework (a referral settled, an action done or closed as not possible) stays in the
// area's live partition for KEPT_LIVE_DAYS, then moves with every copy its lists read to the same
// keys in the area's partition of CaseworkArchive (casework-archive-move.ts). The partition every
// step writes to then holds what is in use, not the years behind it. A record is in one place or
// both, never neither; where both hold it, the live row is the newer and is the one read.

export const KEPT_LIVE_DAYS = 90;

const DAY_MS = 86_400_000;

/** The move takes what finished before this moment. */
export const keptLiveSince = (now: Date): string =>
  new Date(now.getTime() - KEPT_LIVE_DAYS * DAY_MS).toISOString();

/**
 * Readers look in the archive for whatever finished before this moment: a day later than the
 * move's, so an instance whose clock runs a little behind another's still finds all it moved.
 */
export const archivedBefore = (now: Date): string =>
  new Date(now.getTime() - (KEPT_LIVE_DAYS - 1) * DAY_MS).toISOString();

/**
 * A record's kind as stored in both places. `movable` holds for records finished before `since`;
 * it implies the moment each newest-first list orders the record by (`listedAt`) is before it too.
 */
export interface Kept<T extends Record<string, unknown> & { id: string }> {
  live: EntityStore<T>;
  kept: EntityStore<T>;
  /** Where retention removed a record of the kind, in the archive's partition. */
  removals: RemovalMarkers;
  copiesOf: (v: T) => string[];
  movable: (v: T, since: string) => boolean;
}

/** Every row of a record in one table, deleted together; rows already gone are no failure. */
export async function forgetRows<T extends Record<string, unknown> & { id: string }>(
  store: EntityStore<T>,
  copiesOf: (v: T) => string[],
  v: T,
  { copiesOnly = false } = {},
): Promise<void> {
  const rows = [
    ...(copiesOnly ? [] : [store.deleteAction(v)]),
    ...[...new Set(copiesOf(v))].map((k) => store.deleteCopyAction(v, k)),
  ];
  if (!rows.length) return;
  try {
    await store.client.submitTransaction(rows);
  } catch (e) {
    if (!isStatus(e, 404)) throw e;
    for (const [, row] of rows)
      await store.client.deleteEntity(row.partitionKey, row.rowKey).catch((err: unknown) => {
        if (!isStatus(err, 404)) throw err;
      });
  }
}

export function caseworkArchive(tables: TableFactory, records: AreaRecords) {
  const client = tables(TABLES.caseworkArchive);
  const removals = removalMarkers(client);
  const referrals: Kept<Referral> = {
    live: records.referrals,
    kept: records.referrals.in(client),
    removals,
    copiesOf: referralCopies,
    // A referral is listed by when it was made, which is never after it was settled.
    movable: (r, since) => (decidedAt(r) ?? since) < since,
  };
  const actions: Kept<Action> = {
    live: records.actions,
    kept: records.actions.in(client),
    removals,
    copiesOf: actionCopies,
    // A recent meeting's actions are then all live: its list reads one place.
    movable: (a, since) => a.status !== "open" && finishedAt(a) < since && a.meetingId < since.slice(0, 10),
  };
  /** Values read from the archive: a change to one brings it back to the live partition. */
  const fromArchive = new WeakSet<object>();
  const marked = <T>(read: Versioned<T>): Versioned<T> => (fromArchive.add(read), read);
  /** Each record once, the first read of it kept: reads list the live rows first. */
  const onceById = <T extends { id: string }>(reads: Versioned<T>[]): Versioned<T>[] => {
    const seen = new Set<string>();
    return reads.filter((r) => !seen.has(r.value.id) && Boolean(seen.add(r.value.id)));
  };

  return {
    referrals,
    actions,
    isArchived: (read: object): boolean => fromArchive.has(read),

    /** A record by key: its live row, or else the archive's. */
    async get<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      areaId: string,
      rowKey: string,
    ): Promise<Versioned<T> | undefined> {
      const live = await kind.live.get(keyOf(areaId), rowKey);
      if (live) return live;
      const kept = await kind.kept.get(keyOf(areaId), rowKey);
      return kept && marked(kept);
    },

    /** A whole range (or its keys from `prefix` up to `end`) read from both places together, each record once. */
    async range<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      areaId: string,
      prefix: string,
      end?: string,
    ): Promise<Versioned<T>[]> {
      const read = (store: EntityStore<T>) =>
        end ? store.listBetween(keyOf(areaId), prefix, end) : store.listRange(keyOf(areaId), prefix);
      const [live, kept] = await Promise.all([read(kind.live), read(kind.kept)]);
      return onceById([...live, ...kept.map(marked)]);
    },

    /**
     * A page of a newest-first list. Archived records were listed before `archivedBefore`, so a
     * live page with more after it that reaches no further back than that is the whole page, in
     * one request; otherwise the archive's page after the same key is read too, and the two merged.
     */
    async page<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      areaId: string,
      list: { prefix: string; placeOf: (v: T) => string; listedAt: (v: T) => string },
      size: number,
      afterKey: string | undefined,
      now = new Date(),
    ): Promise<Page<T>> {
      const pk = keyOf(areaId);
      const live = await kind.live.listPage(pk, list.prefix, size, afterKey);
      const last = live.values.at(-1)?.value;
      if (live.more && last && list.listedAt(last) >= archivedBefore(now)) return live;
      const kept = await kind.kept.listPage(pk, list.prefix, size, afterKey);
      const merged = onceById([...live.values, ...kept.values.map(marked)]).sort((a, b) =>
        inKeyOrder(list.placeOf(a.value), list.placeOf(b.value)),
      );
      return {
        values: merged.slice(0, size),
        more: live.more || kept.more || merged.length > size,
      };
    },

    /**
     * A change to an archived record first claims its archived row, on the version read: touched,
     * it takes a new version, so a second change from the same read, a move that wrote a newer
     * version there or retention's removal since is refused as a conflict before anything commits.
     * A value read from a list, with no row version, cannot be changed. The claim runs at commit
     * and gives the row's new version.
     */
    claimOf<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      read: Versioned<T>,
    ): () => Promise<string> {
      const etag = kind.kept.storageEtag(read);
      if (!etag)
        throw new Error(
          `An archived ${kind.kept.table} record read from a list was changed: read it by its key first.`,
        );
      return async () => {
        try {
          const res = await kind.kept.client.updateEntity(kind.kept.keys(read.value), "Merge", { etag });
          if (!res.etag) throw new Error(`Storage gave no version for a claimed ${kind.kept.table} row.`);
          return res.etag;
        } catch (e) {
          if (isStatus(e, 412) || isStatus(e, 404)) throw new ConcurrencyConflict(kind.kept.table, undefined);
          throw e;
        }
      };
    },

    /**
     * Once a change brought an archived record back live, its rows in the archive go: its own row
     * on the version the change's claim gave it, or, if a rival change from the same read claimed
     * it since (and lost the live write), on the version that gave. If a move has since written a
     * newer revision there, that stays, and only the copies the older one had and it has not go.
     */
    async forgetArchived<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      read: Versioned<T>,
      etag: string,
    ): Promise<void> {
      const { partitionKey, rowKey } = kind.kept.keys(read.value);
      const forgotten = (on: string) =>
        kind.kept.client.deleteEntity(partitionKey, rowKey, { etag: on }).then(
          () => true,
          (e: unknown) => {
            if (isStatus(e, 404)) return true;
            if (isStatus(e, 412)) return false;
            throw e;
          },
        );
      if (!(await forgotten(etag))) {
        const now = await kind.kept.get(partitionKey, rowKey);
        const touched = now && now.etag === read.etag ? kind.kept.storageEtag(now) : undefined;
        if (now && !(touched && (await forgotten(touched)))) {
          const newer = new Set(kind.copiesOf(now.value));
          const older = (v: T) => kind.copiesOf(v).filter((k) => !newer.has(k));
          return forgetRows(kind.kept, older, read.value, { copiesOnly: true });
        }
      }
      await forgetRows(kind.kept, kind.copiesOf, read.value, { copiesOnly: true });
    },

    /**
     * Retention's removal of a record wherever it is. The archive's rows go first, straight away,
     * so a unit that then fails leaves less of the record, never an archived copy nobody can find;
     * the live rows are returned for the unit's own transaction. The live row is read before the
     * archive's: a move copies before it deletes, so a record gone from the live partition by then
     * is already in the archive, and one the move takes later fails the unit's delete. The marker
     * left first tells a move that finds the record gone that its copy must go too.
     */
    async removal<T extends Record<string, unknown> & { id: string }>(
      kind: Kept<T>,
      v: T,
    ): Promise<TransactionAction[]> {
      const { partitionKey, rowKey } = kind.live.keys(v);
      await kind.removals.mark(partitionKey, rowKey, new Date());
      const live = await kind.live.get(partitionKey, rowKey);
      const kept = await kind.kept.get(partitionKey, rowKey);
      if (kept) await forgetRows(kind.kept, kind.copiesOf, kept.value);
      if (!live) return [];
      return [
        kind.live.deleteAction(live.value),
        ...[...new Set(kind.copiesOf(live.value))].map((k) => kind.live.deleteCopyAction(live.value, k)),
      ];
    },
  };
}
export type CaseworkArchive = ReturnType<typeof caseworkArchive>;
