import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { areaRecords, actionRow, referralRow } from "../../bot/src/adapters/tables/area-records.js";
import { actionCopies } from "../../bot/src/adapters/tables/casework-copies.js";
import { moveFinishedCasework } from "../../bot/src/adapters/tables/casework-archive-move.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import {
  ensureTables,
  tableFactory,
  TABLES,
  type TableFactory,
} from "../../bot/src/adapters/tables/storage.js";
import type { Casework } from "../../bot/src/application/ports/casework.js";
import type { Page, PagePosition } from "../../bot/src/application/ports/stored-records.js";
import type { Action } from "../../bot/src/domain/actions/action.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";
import { finishedCasework, REFERRER } from "../support/finished-casework.js";

// Finished casework moving from the area's live partition to the archive, in Azurite: what moved
// is still found by its key and in every list, once, newest first; a change brings a record back;
// retention removes it wherever it is. An area of its own keeps other suites out.
describe("Finished referrals and actions kept in the archive", () => {
  const AREA = `archive-${randomUUID().slice(0, 8)}`;
  const PANEL = `${AREA}-panel`;
  const trips = roundTripCounter();
  let tables: TableFactory;
  let casework: Casework;
  // Days before now: the reads judge what is archived by the clock.
  const { day, referral, action } = finishedCasework(AREA, PANEL);

  // Per kind: 6 settled 200+ days ago (to move), 4 settled 10 days ago and 2 still open (to stay).
  const oldReferrals = Array.from({ length: 6 }, (_, n) => referral(n, 200 + n));
  const recentReferrals = Array.from({ length: 4 }, (_, n) => referral(10 + n, 10 + n));
  const openReferrals = [referral(20, null), referral(21, null)];
  const oldActions = Array.from({ length: 6 }, (_, n) => action(n, 200 + n));
  const recentActions = Array.from({ length: 4 }, (_, n) => action(10 + n, 10 + n));
  const openActions = [action(20, null), action(21, null)];

  const liveRow = async (rowKey: string) =>
    areaRecords(tables)
      .referrals.client.getEntity(keyOf(AREA), rowKey)
      .then(
        () => true,
        () => false,
      );
  const archivedRow = async (rowKey: string) =>
    tables(TABLES.caseworkArchive)
      .getEntity(keyOf(AREA), rowKey)
      .then(
        () => true,
        () => false,
      );
  const everyPage = async <T>(
    read: (after?: PagePosition) => Promise<Page<T>>,
    position: (v: T) => PagePosition,
  ) => {
    const pages: Page<T>[] = [];
    let after: PagePosition | undefined;
    for (;;) {
      const page = await read(after);
      pages.push(page);
      const last = page.values.at(-1)?.value;
      if (!page.more || !last) return pages;
      after = position(last);
    }
  };

  before(async () => {
    const { connectionString } = await azurite();
    tables = tableFactory({ kind: "connection-string", connectionString }, trips.options);
    await ensureTables(tables);
    casework = caseworkTables(tables);
    const unit = casework.unit(AREA, "test");
    for (const r of [...oldReferrals, ...recentReferrals, ...openReferrals]) unit.createReferral(r);
    await unit.commit();
    const more = casework.unit(AREA, "test");
    for (const a of [...oldActions, ...recentActions, ...openActions]) more.createAction(a);
    await more.commit();
  });

  it("moves what finished more than 90 days ago with its copies, reports its progress, and moves nothing twice", async () => {
    const progress: number[] = [];
    const moved = await moveFinishedCasework(tables, AREA, new Date(day(0)), {
      progress: (n) => progress.push(n),
    });
    assert.equal(moved, 12, "the 6 old referrals and the 6 old actions");
    assert.equal(progress.at(-1), 12);
    assert.equal(await moveFinishedCasework(tables, AREA, new Date(day(0))), 0, "a second run finds nothing");

    const [old] = oldReferrals;
    assert.ok(old);
    assert.deepEqual(
      [await liveRow(referralRow(PANEL, old.id)), await archivedRow(referralRow(PANEL, old.id))],
      [false, true],
    );
    const [recent] = recentReferrals;
    assert.ok(recent);
    assert.equal(await liveRow(referralRow(PANEL, recent.id)), true, "settled ten days ago, it stays live");
    const live = await areaRecords(tables).actions.listRange(keyOf(AREA), "action-");
    assert.deepEqual(
      new Set(live.map((a) => a.value.reference)),
      new Set([...recentActions, ...openActions].map((a) => a.reference)),
      "no copy of a moved action is left in the live partition",
    );
  });

  it("finishes a move that stopped halfway, with the record copied and some of its live copies gone", async () => {
    const stopped = action(30, 300);
    const unit = casework.unit(AREA, "test");
    unit.createAction(stopped);
    await unit.commit();
    const live = areaRecords(tables).actions;
    const read = await live.get(keyOf(AREA), actionRow(PANEL, stopped.id));
    assert.ok(read);
    const kept = live.in(tables(TABLES.caseworkArchive));
    const copies = actionCopies(stopped);
    await kept.client.submitTransaction([
      kept.movedAction(read),
      ...copies.map((k) => kept.movedAction(read, k)),
    ]);
    await live.client.deleteEntity(keyOf(AREA), copies[0] ?? "");

    assert.equal(await moveFinishedCasework(tables, AREA, new Date(day(0))), 1);
    const left = (await live.listRange(keyOf(AREA), "action")).filter((a) => a.value.id === stopped.id);
    assert.deepEqual(left, [], "none of its rows is left live");
    assert.deepEqual((await casework.action(AREA, PANEL, stopped.id))?.value, stopped);
    oldActions.push(stopped);
  });

  it("finds a moved referral and action by their keys, as they were", async () => {
    const [r] = oldReferrals;
    const [a] = oldActions;
    assert.ok(r && a);
    assert.deepEqual((await casework.referral(AREA, PANEL, r.id))?.value, r);
    assert.deepEqual(await casework.referralById(AREA, r.id), r);
    const found = await casework.action(AREA, PANEL, a.id);
    assert.deepEqual(found?.value, a);
    assert.equal(found?.updatedBy, "test", "who changed it last moves with it");
  });

  it("pages the referral lists and the done actions across both places, newest first, each once", async () => {
    const position = (r: Referral) => ({ at: r.submitted.at, id: r.id });
    const reached = await everyPage(
      (after) => casework.referralPage(AREA, PANEL, "reached", 4, after),
      position,
    );
    const references = reached.flatMap((p) => p.values.map((v) => v.value.reference));
    const expected = [...openReferrals, ...recentReferrals, ...oldReferrals]
      .sort((x, y) => y.submitted.at.localeCompare(x.submitted.at))
      .map((r) => r.reference);
    assert.deepEqual(references, expected);
    assert.deepEqual(
      reached.map((p) => [p.values.length, p.more]),
      [
        [4, true],
        [4, true],
        [4, false],
      ],
    );
    const own = await everyPage((after) => casework.referralsBy(AREA, REFERRER, 5, after), position);
    assert.deepEqual(
      own.flatMap((p) => p.values.map((v) => v.value.reference)),
      expected,
    );

    const done = await everyPage(
      (after) => casework.doneActions(AREA, PANEL, 4, after),
      (a) => ({ at: a.completed?.at ?? "", id: a.id }),
    );
    assert.deepEqual(
      done.flatMap((p) => p.values.map((v) => v.value.reference)),
      [...recentActions, ...oldActions].map((a) => a.reference),
      "the most recently done first, from the live partition into the archive",
    );
    const [old] = oldActions;
    assert.ok(old);
    assert.deepEqual(
      (await casework.actionsAt(AREA, PANEL, old.meetingId)).map((a) => a.value.reference),
      [old.reference],
      "an old meeting's actions, from the archive",
    );
    assert.deepEqual(
      new Set((await casework.subjectActions(AREA, "subject-1")).map((a) => a.reference)),
      new Set([...oldActions, ...recentActions, ...openActions].map((a) => a.reference)),
      "a subject's actions, from both",
    );
  });

  it("reads a first page that the live partition fills with recent records in one request, and never scans", async () => {
    const before = trips.count();
    const page = await casework.doneActions(AREA, PANEL, 3);
    assert.deepEqual(
      page.values.map((v) => v.value.reference),
      recentActions.slice(0, 3).map((a) => a.reference),
    );
    assert.deepEqual(
      trips
        .requests()
        .slice(before)
        .map((r) => `${r.kind} of ${r.table}`),
      ["query of AreaRecords"],
    );
    assert.deepEqual(trips.requests().map(scanIn).filter(Boolean), []);
  });

  it("brings an archived action back live when it is changed, and its archived rows go", async () => {
    const [, a] = oldActions;
    assert.ok(a);
    const read = await casework.action(AREA, PANEL, a.id);
    assert.ok(read);
    const unit = casework.unit(AREA, "test");
    const reopened: Action = { ...a, status: "open", completed: null, dueDate: day(-14).slice(0, 10) };
    unit.replaceAction(reopened, read);
    await unit.commit();
    assert.deepEqual(
      [await liveRow(actionRow(PANEL, a.id)), await archivedRow(actionRow(PANEL, a.id))],
      [true, false],
    );
    assert.ok((await casework.openActions(AREA, PANEL)).some((o) => o.value.id === a.id));
    const done = await casework.doneActions(AREA, PANEL, 50);
    assert.ok(!done.values.some((d) => d.value.id === a.id), "no longer listed as done");

    const stale = casework.unit(AREA, "test");
    stale.replaceAction({ ...reopened, title: "A second edit on the archived version" }, read);
    await assert.rejects(stale.commit(), { name: "ConcurrencyConflict" });
  });

  it("lets retention remove an archived referral and action, with every copy, in both places", async () => {
    const [, r] = oldReferrals;
    const [, , a] = oldActions;
    assert.ok(r && a);
    const unit = casework.unit(AREA, "test");
    unit.removeReferral(r);
    unit.removeAction(a);
    await unit.commit();
    assert.equal(await casework.referral(AREA, PANEL, r.id), undefined);
    assert.equal(await casework.referralById(AREA, r.id), undefined);
    assert.equal(await casework.action(AREA, PANEL, a.id), undefined);
    const archived: string[] = [];
    for await (const e of tables(TABLES.caseworkArchive).listEntities({
      queryOptions: { filter: `PartitionKey eq '${keyOf(AREA)}'` },
    }))
      if (e["id"] === r.id || e["id"] === a.id) archived.push(String(e.rowKey));
    assert.deepEqual(archived, []);
  });
});
