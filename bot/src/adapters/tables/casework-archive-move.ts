import type { TableTransactionResponse, TransactionAction } from "@azure/data-tables";
import type { Versioned } from "../../application/ports/versioned.js";
import { areaRecords } from "./area-records.js";
import { caseworkArchive, forgetRows, keptLiveSince, type Kept } from "./casework-archive.js";
import { isStatus, keyOf } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The move of finished casework from the area's live partition to the archive (casework-archive.ts),
// by the holder of the area's lease (live-partition-moves.ts). For each batch of records:
// 1. each record's own row is touched on the version it was read at, so a move holding an older
//    read, or a record changed or removed since, stops before anything of it is written;
// 2. its rows are copied to the archive as read;
// 3. in one live transaction, its copies go and its own row is touched again, on the version step
//    1 gave it, so a record changed in between keeps every copy;
// 4. its own row goes, on the version step 3 gave it.
// A record whose step 3 or 4 fails stays live (or stays removed) and the archive forgets what
// step 2 wrote of it: the move leaves nothing behind that no live row or list vouches for.

/** Rows moved at a time: a transaction holds at most 100. */
const ROWS_AT_A_TIME = 100;
/** Own rows read at a time while looking for records to move. */
const READ_AT_A_TIME = 500;

type Record_ = Record<string, unknown> & { id: string };

/** A record on its way: as read, and the versions steps 1 and 2 gave its own rows. */
interface Moving<T> {
  read: Versioned<T>;
  touched: string;
  archived: string;
}

/** Storage refused a step because a row changed or went since it was read. */
const refused = (e: unknown): boolean => isStatus(e, 412) || isStatus(e, 404);

/** The copies of a record, each once. */
const copiesOf = <T extends Record_>(kind: Kept<T>, v: T) => [...new Set(kind.copiesOf(v))];

/** Where each record's first row is among a transaction's answers: Azurite names them only by place. */
const firstPlaces = (rows: TransactionAction[][]): number[] =>
  rows.map((_, n) => rows.slice(0, n).reduce((sum, r) => sum + r.length, 0));

const versionAt = (res: TableTransactionResponse, place: number | undefined): string => {
  const etag = res.subResponses[place ?? -1]?.etag;
  if (!etag) throw new Error("Storage gave no version for a row the move wrote.");
  return etag;
};

/**
 * What step 2 wrote of a record goes, unless something has written its archived row since. A live
 * row still at the revision read was only touched, by a move (a change writes a new revision):
 * the record is in both places, which the next move settles, and another move may be counting on
 * the archived copy. A record gone from the live partition went by retention, which marked it, or
 * by another move that copied it first, and the copy is then the record's only place.
 */
async function unmove<T extends Record_>(kind: Kept<T>, m: Moving<T>): Promise<number> {
  const { partitionKey, rowKey } = kind.kept.keys(m.read.value);
  const live = await kind.live.get(partitionKey, rowKey);
  if (live?.etag === m.read.etag) return 0;
  if (!live && !(await kind.removals.removed(partitionKey, rowKey))) return 0;
  try {
    await kind.kept.client.deleteEntity(partitionKey, rowKey, { etag: m.archived });
  } catch (e) {
    if (isStatus(e, 412)) return 0;
    if (!isStatus(e, 404)) throw e;
  }
  await forgetRows(kind.kept, kind.copiesOf, m.read.value, { copiesOnly: true });
  return 0;
}

/** Step 4 for one record: its own row goes on the version step 3 gave it. */
async function forgetLive<T extends Record_>(kind: Kept<T>, m: Moving<T>, etag: string): Promise<number> {
  const { partitionKey, rowKey } = kind.live.keys(m.read.value);
  try {
    await kind.live.client.deleteEntity(partitionKey, rowKey, { etag });
    return 1;
  } catch (e) {
    if (!refused(e)) throw e;
    return unmove(kind, m);
  }
}

/**
 * Steps 3 and 4 for one record whose batch was refused. A move that stopped halfway left some of
 * its copies deleted: only those still there go, with the touch guarding the record as before.
 */
async function settleAlone<T extends Record_>(kind: Kept<T>, m: Moving<T>): Promise<number> {
  const { partitionKey } = kind.live.keys(m.read.value);
  const left = await Promise.all(
    copiesOf(kind, m.read.value).map((k) =>
      kind.live.client.getEntity(partitionKey, k, { queryOptions: { select: ["RowKey"] } }).then(
        () => k,
        (e: unknown) => {
          if (isStatus(e, 404)) return undefined;
          throw e;
        },
      ),
    ),
  );
  let res;
  try {
    res = await kind.live.client.submitTransaction([
      kind.live.touchAction(m.read.value, m.touched),
      ...left.flatMap((k) => (k ? [kind.live.deleteCopyAction(m.read.value, k)] : [])),
    ]);
  } catch (e) {
    if (!refused(e)) throw e;
    return unmove(kind, m);
  }
  return forgetLive(kind, m, versionAt(res, 0));
}

/** Step 1, in one transaction; a refusal is tried again record by record. Returns those touched. */
async function touch<T extends Record_>(kind: Kept<T>, batch: Versioned<T>[]): Promise<Moving<T>[]> {
  try {
    const res = await kind.live.client.submitTransaction(
      batch.map((r) => kind.live.touchAction(r.value, kind.live.storageEtag(r) ?? "")),
    );
    return batch.map((read, n) => ({ read, touched: versionAt(res, n), archived: "" }));
  } catch (e) {
    if (!refused(e)) throw e;
    if (batch.length === 1) return [];
    const touched: Moving<T>[] = [];
    for (const r of batch) touched.push(...(await touch(kind, [r])));
    return touched;
  }
}

async function moveBatch<T extends Record_>(
  kind: Kept<T>,
  batch: Versioned<T>[],
  keep: () => Promise<void>,
): Promise<number> {
  const moving = await touch(kind, batch);
  if (!moving.length) return 0;
  const archive = moving.map((m) => [
    kind.kept.movedAction(m.read),
    ...copiesOf(kind, m.read.value).map((k) => kind.kept.movedAction(m.read, k)),
  ]);
  const copied = await kind.kept.client.submitTransaction(archive.flat());
  firstPlaces(archive).forEach((place, n) => (moving[n]!.archived = versionAt(copied, place)));

  // The lease is checked again before anything live is deleted.
  await keep();
  const live = moving.map((m) => [
    kind.live.touchAction(m.read.value, m.touched),
    ...copiesOf(kind, m.read.value).map((k) => kind.live.deleteCopyAction(m.read.value, k)),
  ]);
  let settled;
  try {
    settled = await kind.live.client.submitTransaction(live.flat());
  } catch (e) {
    if (!refused(e)) throw e;
    let moved = 0;
    for (const m of moving) moved += await settleAlone(kind, m);
    return moved;
  }
  // Every record's step 4 is tried, whatever one's fails with: each has lost its live copies now.
  const places = firstPlaces(live);
  const outcomes = await Promise.allSettled(
    moving.map((m, n) => forgetLive(kind, m, versionAt(settled, places[n]))),
  );
  const failed = outcomes.find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
  return outcomes.reduce((sum, o) => sum + (o.status === "fulfilled" ? o.value : 0), 0);
}

async function moveKind<T extends Record_>(
  kind: Kept<T>,
  areaId: string,
  ownRows: string,
  since: string,
  hold: MoveHold,
): Promise<number> {
  let moved = 0;
  let after: string | undefined;
  const send = async (batch: Versioned<T>[]) => {
    await hold.keep();
    moved += await moveBatch(kind, batch, hold.keep);
    hold.progress(moved);
  };
  for (;;) {
    const page = await kind.live.listPage(keyOf(areaId), ownRows, READ_AT_A_TIME, after);
    let batch: Versioned<T>[] = [];
    let rows = 0;
    const movable = page.values.filter((r) => kind.live.storageEtag(r) && kind.movable(r.value, since));
    for (const read of movable) {
      const size = 1 + copiesOf(kind, read.value).length;
      if (rows + size > ROWS_AT_A_TIME) {
        await send(batch);
        [batch, rows] = [[], 0];
      }
      batch.push(read);
      rows += size;
    }
    if (batch.length) await send(batch);
    const last = page.values.at(-1);
    if (!page.more || !last) return moved;
    after = kind.live.keys(last.value).rowKey;
  }
}

/** What the move asks of its caller between batches. */
export interface MoveHold {
  /** Before each batch: throws to stop the move, as when the area's lease was lost. */
  keep: () => Promise<void>;
  progress: (moved: number) => void;
}

/**
 * Moves the area's referrals and actions finished before the live window to the archive; a second
 * run finds nothing more to move. Returns how many records this run moved. Only one move may run
 * in an area at a time: the caller holds its lease.
 */
export async function moveFinishedCasework(
  tables: TableFactory,
  areaId: string,
  now = new Date(),
  hold: Partial<MoveHold> = {},
): Promise<number> {
  const archive = caseworkArchive(tables, areaRecords(tables));
  const since = keptLiveSince(now);
  const { keep = () => Promise.resolve(), progress = () => undefined } = hold;
  const referrals = await moveKind(archive.referrals, areaId, "referral|", since, { keep, progress });
  const actions = await moveKind(archive.actions, areaId, "action|", since, {
    keep,
    progress: (n) => progress(referrals + n),
  });
  // Markers outlive any move that could still need them by far: a day.
  await archive.referrals.removals.forgetOld(keyOf(areaId));
  return referrals + actions;
}
