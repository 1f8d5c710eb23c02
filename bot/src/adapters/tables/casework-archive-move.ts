import type { Versioned } from "../../application/ports/versioned.js";
import { areaRecords } from "./area-records.js";
import { caseworkArchive, forgetRows, keptLiveSince, type Kept } from "./casework-archive.js";
import { isStatus, keyOf } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The move of finished casework from the area's live partition to the archive (casework-archive.ts),
// on the service's beat. For each batch of records: their rows are copied to the archive as read;
// then, in one live transaction, their copies go and each record's own row is touched on the
// version it was read at, so a record changed since fails the lot and nothing of it is deleted;
// then each own row goes on the version the touch gave it. A change that lands between the two
// fails the delete, and the record stays live with the copies its change wrote.

/** Rows moved at a time: a transaction holds at most 100. */
const ROWS_AT_A_TIME = 100;
/** Own rows read at a time while looking for records to move. */
const READ_AT_A_TIME = 500;

type Record_ = Record<string, unknown> & { id: string };

/** The copies of a record, each once. */
const copiesOf = <T extends Record_>(kind: Kept<T>, v: T) => [...new Set(kind.copiesOf(v))];

/**
 * A record whose move failed. One gone from the live partition was moved by someone else. One no
 * longer finished stays live and its archived copy is forgotten: no other move would write it
 * now. One changed but still finished is moved again later, over its copy. One unchanged lost
 * some copies when a move stopped halfway: the rest of its rows go, its own on the version read.
 */
async function failedMove<T extends Record_>(
  kind: Kept<T>,
  read: Versioned<T>,
  since: string,
): Promise<number> {
  const { partitionKey, rowKey } = kind.live.keys(read.value);
  const now = await kind.live.get(partitionKey, rowKey);
  if (!now) return 0;
  if (!kind.movable(now.value, since)) {
    await forgetRows(kind.kept, kind.copiesOf, read.value);
    return 0;
  }
  const etag = kind.live.storageEtag(read);
  if (!etag || kind.live.storageEtag(now) !== etag) return 0;
  await forgetRows(kind.live, kind.copiesOf, read.value, { copiesOnly: true });
  try {
    await kind.live.client.deleteEntity(partitionKey, rowKey, { etag });
    return 1;
  } catch (e) {
    if (isStatus(e, 412) || isStatus(e, 404)) return 0;
    throw e;
  }
}

async function moveBatch<T extends Record_>(
  kind: Kept<T>,
  batch: Versioned<T>[],
  since: string,
): Promise<number> {
  await kind.kept.client.submitTransaction(
    batch.flatMap((r) => [
      kind.kept.movedAction(r),
      ...copiesOf(kind, r.value).map((k) => kind.kept.movedAction(r, k)),
    ]),
  );
  // Each record's touch, then its copies' deletes: the touch's answer is found by its place.
  const rows = batch.map((r) => [
    kind.live.touchAction(r.value, kind.live.storageEtag(r) ?? ""),
    ...copiesOf(kind, r.value).map((k) => kind.live.deleteCopyAction(r.value, k)),
  ]);
  const places = rows.map((_, n) => rows.slice(0, n).reduce((sum, r) => sum + r.length, 0));
  let touched;
  try {
    touched = await kind.live.client.submitTransaction(rows.flat());
  } catch (e) {
    if (!isStatus(e, 412) && !isStatus(e, 404)) throw e;
    if (batch.length === 1) return failedMove(kind, batch[0]!, since);
    let moved = 0;
    for (const r of batch) moved += await moveBatch(kind, [r], since);
    return moved;
  }
  let moved = 0;
  for (const [n, r] of batch.entries()) {
    const { partitionKey, rowKey } = kind.live.keys(r.value);
    const etag = touched.subResponses[places[n] ?? -1]?.etag;
    try {
      if (!etag) throw new Error(`Storage gave no version for ${rowKey} after touching it.`);
      await kind.live.client.deleteEntity(partitionKey, rowKey, { etag });
      moved++;
    } catch (e) {
      if (!isStatus(e, 412) && !isStatus(e, 404)) throw e;
      moved += await failedMove(kind, r, since);
    }
  }
  return moved;
}

async function moveKind<T extends Record_>(
  kind: Kept<T>,
  areaId: string,
  ownRows: string,
  since: string,
  progress: (moved: number) => void,
): Promise<number> {
  let moved = 0;
  let after: string | undefined;
  for (;;) {
    const page = await kind.live.listPage(keyOf(areaId), ownRows, READ_AT_A_TIME, after);
    let batch: Versioned<T>[] = [];
    let rows = 0;
    const movable = page.values.filter((r) => kind.live.storageEtag(r) && kind.movable(r.value, since));
    for (const read of movable) {
      const size = 1 + copiesOf(kind, read.value).length;
      if (rows + size > ROWS_AT_A_TIME) {
        moved += await moveBatch(kind, batch, since);
        progress(moved);
        [batch, rows] = [[], 0];
      }
      batch.push(read);
      rows += size;
    }
    if (batch.length) moved += await moveBatch(kind, batch, since);
    progress(moved);
    const last = page.values.at(-1);
    if (!page.more || !last) return moved;
    after = kind.live.keys(last.value).rowKey;
  }
}

/**
 * Moves the area's referrals and actions finished before the live window to the archive; a second
 * run finds nothing more to move. Returns how many records this run moved.
 */
export async function moveFinishedCasework(
  tables: TableFactory,
  areaId: string,
  now = new Date(),
  progress: (moved: number) => void = () => undefined,
): Promise<number> {
  const archive = caseworkArchive(tables, areaRecords(tables));
  const since = keptLiveSince(now);
  const referrals = await moveKind(archive.referrals, areaId, "referral|", since, progress);
  const actions = await moveKind(archive.actions, areaId, "action|", since, (n) => progress(referrals + n));
  return referrals + actions;
}
