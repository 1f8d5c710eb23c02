import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { actionRow, areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { caseworkArchive } from "../../bot/src/adapters/tables/casework-archive.js";
import { actionCopies, referralCopies } from "../../bot/src/adapters/tables/casework-copies.js";
import { moveFinishedCasework } from "../../bot/src/adapters/tables/casework-archive-move.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableLeases } from "../../bot/src/adapters/tables/leases.js";
import { livePartitionMoves } from "../../bot/src/adapters/tables/live-partition-moves.js";
import { removalMarkers } from "../../bot/src/adapters/tables/removal-markers.js";
import {
  ensureTables,
  tableFactory,
  TABLES,
  type TableFactory,
} from "../../bot/src/adapters/tables/storage.js";
import type { Casework } from "../../bot/src/application/ports/casework.js";
import type { Action } from "../../bot/src/domain/actions/action.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";
import { azurite } from "../support/azurite.js";
import { finishedCasework, REFERRER } from "../support/finished-casework.js";

// The archive move meeting what else happens to the same records, in Azurite: a change or
// retention's removal landing in the middle of a move, another instance moving the same area, and
// changes made to archived records that someone else changed or removed first. Whatever the
// order, a record ends up in exactly one place as its latest version, or, once removed, nowhere.
describe("Finished casework moving while others change and remove it", () => {
  const AREA = `races-${randomUUID().slice(0, 8)}`;
  const PANEL = `${AREA}-panel`;
  const { referral, action } = finishedCasework(AREA, PANEL);
  let tables: TableFactory;
  let casework: Casework;
  let n = 0;

  /** Every row of a record, in the live partition and in the archive. */
  const rowsOf = async (id: string) => {
    const rows = async (name: typeof TABLES.areaRecords | typeof TABLES.caseworkArchive) => {
      const found: string[] = [];
      const filter = `PartitionKey eq '${keyOf(AREA)}'`;
      for await (const e of tables(name).listEntities({ queryOptions: { filter } }))
        if (e["id"] === id) found.push(String(e.rowKey));
      return found.length;
    };
    return { live: await rows(TABLES.areaRecords), archived: await rows(TABLES.caseworkArchive) };
  };
  const stored = async (r: Referral) => {
    const unit = casework.unit(AREA, "test");
    unit.createReferral(r);
    await unit.commit();
    return r;
  };
  const oldReferral = () => stored(referral(++n, 200 + n));
  /** How many rows a record has: its own and one per list copy. */
  const rowCount = (r: Referral) => 1 + new Set(referralCopies(r)).size;
  const removed = async (r: Referral) => {
    const unit = casework.unit(AREA, "retention");
    unit.removeReferral(r);
    await unit.commit();
  };
  const noted = async (r: Referral, note: string) => {
    const read = await casework.referral(AREA, PANEL, r.id);
    assert.ok(read);
    const next = { ...read.value, values: { note } };
    const unit = casework.unit(AREA, "coordinator");
    unit.replaceReferral(next, read);
    await unit.commit();
    return next;
  };
  const once = (step: () => Promise<void>) => {
    let ran = false;
    return async () => {
      if (ran) return;
      ran = true;
      await step();
    };
  };
  /**
   * The store with `step` run once around the archive's first call of `method`: before it (the
   * move's copy, with "submitTransaction") or after it (a change's claim, with "updateEntity").
   */
  const aroundArchive = (
    method: "submitTransaction" | "updateEntity",
    when: "before" | "after",
    step: () => Promise<void>,
  ): TableFactory => {
    const first = once(step);
    return (name) => {
      const client = tables(name);
      if (name !== TABLES.caseworkArchive) return client;
      return new Proxy(client, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (typeof value !== "function") return value;
          const call = (value as (...a: unknown[]) => Promise<unknown>).bind(target);
          if (prop !== method) return call;
          return async (...args: unknown[]) => {
            if (when === "before") await first();
            const result = await call(...args);
            if (when === "after") await first();
            return result;
          };
        },
      });
    };
  };
  const beforeArchiving = (step: () => Promise<void>) => aroundArchive("submitTransaction", "before", step);

  before(async () => {
    const { connectionString } = await azurite();
    tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    casework = caseworkTables(tables);
  });

  it("a record changed after the move read it stays live as changed, and the next move takes the change", async () => {
    const r = await oldReferral();
    let changed: Referral | undefined;
    const moved = await moveFinishedCasework(tables, AREA, new Date(), {
      keep: once(async () => void (changed = await noted(r, "Changed while the move was reading"))),
    });
    assert.equal(moved, 0, "the move's older read stops it before it writes anything");
    assert.deepEqual(await rowsOf(r.id), { live: rowCount(r), archived: 0 });
    assert.deepEqual((await casework.referral(AREA, PANEL, r.id))?.value, changed);

    assert.equal(await moveFinishedCasework(tables, AREA, new Date()), 1);
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: rowCount(r) });
    assert.deepEqual((await casework.referral(AREA, PANEL, r.id))?.value, changed, "the newer version");
  });

  it("a record changed while the move copies it stays live with every copy, and the archive forgets the copy", async () => {
    const r = await oldReferral();
    let changed: Referral | undefined;
    const moving = beforeArchiving(async () => void (changed = await noted(r, "Changed mid-move")));
    assert.equal(await moveFinishedCasework(moving, AREA, new Date()), 0);
    assert.deepEqual(await rowsOf(r.id), { live: rowCount(r), archived: 0 });
    const own = await casework.referralsBy(AREA, REFERRER, 50);
    assert.deepEqual(
      own.values.filter((v) => v.value.id === r.id).map((v) => v.value),
      [changed],
      "her own list shows it once, as changed",
    );
    assert.equal(await moveFinishedCasework(tables, AREA, new Date()), 1, "the next move takes the change");
    assert.deepEqual((await casework.referral(AREA, PANEL, r.id))?.value, changed);
  });

  it("retention removing a record while the move copies it leaves nothing of it in either place", async () => {
    const r = await oldReferral();
    const moving = beforeArchiving(() => removed(r));
    assert.equal(await moveFinishedCasework(moving, AREA, new Date()), 0);
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: 0 });
    assert.equal(await casework.referralById(AREA, r.id), undefined);
  });

  it("retention removing a record after the move read it leaves nothing of it either", async () => {
    const r = await oldReferral();
    assert.equal(await moveFinishedCasework(tables, AREA, new Date(), { keep: once(() => removed(r)) }), 0);
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: 0 });
  });

  it("a record another move finished while this one was copying it stays archived, whole", async () => {
    const r = await oldReferral();
    // This move has touched the record and stalls before its copy lands, long enough for another
    // instance to take the lease and move the record all the way; this copy then lands over that one.
    const moving = beforeArchiving(async () => void (await moveFinishedCasework(tables, AREA, new Date())));
    assert.equal(await moveFinishedCasework(moving, AREA, new Date()), 0);
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: rowCount(r) });
    assert.deepEqual((await casework.referral(AREA, PANEL, r.id))?.value, r);
    assert.equal(
      (await casework.referralsBy(AREA, REFERRER, 50)).values.filter((v) => v.value.id === r.id).length,
      1,
      "listed once",
    );
  });

  it("retention's marks of what it removed are forgotten by the move once a day old", async () => {
    const markers = removalMarkers(tables(TABLES.caseworkArchive));
    const [old, recent] = [`referral|${randomUUID()}`, `referral|${randomUUID()}`];
    await markers.mark(keyOf(AREA), old, new Date(Date.now() - 25 * 3_600_000));
    await markers.mark(keyOf(AREA), recent, new Date(Date.now() - 23 * 3_600_000));
    await moveFinishedCasework(tables, AREA, new Date());
    assert.equal(await markers.removed(keyOf(AREA), old), false);
    assert.equal(await markers.removed(keyOf(AREA), recent), true);
  });

  it("an area's move is one instance's at a time: another instance leaves it to the lease's holder", async () => {
    const r = await oldReferral();
    const logged: string[] = [];
    const log = {
      info: (_: object, m: string) => logged.push(m),
      error: (_: object, m: string) => logged.push(m),
    };
    const leases = tableLeases(tables);
    const name = `casework-move|${AREA}`;
    assert.ok(await leases.takeLease(name, "instance-a", new Date(), 60_000));
    await livePartitionMoves(tables, [AREA], log, { instance: "instance-b", leaseMs: 60_000 }).run();
    assert.ok(logged.includes("finished casework left to the instance moving it"));
    assert.deepEqual(await rowsOf(r.id), { live: rowCount(r), archived: 0 }, "instance b moved nothing");

    await leases.releaseLease(name, "instance-a");
    await livePartitionMoves(tables, [AREA], log, { instance: "instance-b", leaseMs: 60_000 }).run();
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: rowCount(r) });
    assert.equal(await leases.leaseHolder(name), undefined, "given up once the move is done");
  });

  it("a move that loses the lease between batches stops there", async () => {
    const r = await oldReferral();
    await assert.rejects(
      moveFinishedCasework(tables, AREA, new Date(), {
        keep: () => Promise.reject(new Error("another instance holds the area's lease")),
      }),
      /holds the area's lease/,
    );
    assert.deepEqual(await rowsOf(r.id), { live: rowCount(r), archived: 0 });
    assert.equal(await moveFinishedCasework(tables, AREA, new Date()), 1, "the next move takes it");
  });

  it("a move whose lease another instance took while it ran stops before deleting anything live", async () => {
    const r = await oldReferral();
    const leaseMs = 60_000;
    const name = `casework-move|${AREA}`;
    const leases = tableLeases(tables);
    let ahead = 0;
    // While its batch is copied, its clock reaches past half its lease and another instance,
    // finding the lease run out by its own, takes it.
    const moving = beforeArchiving(async () => {
      ahead = leaseMs * 0.6;
      assert.ok(await leases.takeLease(name, "instance-a", new Date(Date.now() + 2 * leaseMs), leaseMs));
    });
    const logged: string[] = [];
    const log = {
      info: (_: object, m: string) => logged.push(m),
      error: (o: object, m: string) => logged.push(`${m}: ${(o as { reason: string }).reason}`),
    };
    const now = () => new Date(Date.now() + ahead);
    await livePartitionMoves(moving, [AREA], log, { instance: "instance-b", leaseMs, now }).run();
    assert.ok(
      logged.includes(
        "finished casework not moved to the archive: another instance holds the area's lease for moving casework",
      ),
      logged.join("\n"),
    );
    assert.deepEqual(await rowsOf(r.id), { live: rowCount(r), archived: rowCount(r) }, "in both places");
    assert.deepEqual(
      (await casework.referralsBy(AREA, REFERRER, 50)).values.filter((v) => v.value.id === r.id).length,
      1,
      "and listed once",
    );
    assert.equal((await leases.leaseHolder(name))?.holder, "instance-a", "the new holder keeps its lease");

    await leases.releaseLease(name, "instance-a");
    assert.equal(await moveFinishedCasework(tables, AREA, new Date()), 1, "the next move finishes it");
    assert.deepEqual(await rowsOf(r.id), { live: 0, archived: rowCount(r) });
  });

  describe("a change to an archived record", () => {
    let a: Action;
    const reopen = (v: Action): Action => ({ ...v, status: "open", completed: null, title: "Reopened" });
    beforeEach(async () => {
      a = action(++n, 200 + n);
      const unit = casework.unit(AREA, "test");
      unit.createAction(a);
      await unit.commit();
      await moveFinishedCasework(tables, AREA, new Date());
      assert.deepEqual((await rowsOf(a.id)).live, 0);
    });

    it("is refused once retention has removed it, and nothing of it comes back", async () => {
      const read = await casework.action(AREA, PANEL, a.id);
      assert.ok(read);
      const retention = casework.unit(AREA, "retention");
      retention.removeAction(a);
      await retention.commit();
      const unit = casework.unit(AREA, "owner");
      unit.replaceAction(reopen(a), read);
      await assert.rejects(unit.commit(), { name: "ConcurrencyConflict" });
      assert.deepEqual(await rowsOf(a.id), { live: 0, archived: 0 });
    });

    it("is refused when the archived row changed since it was read, and the archived version stays", async () => {
      const read = await casework.action(AREA, PANEL, a.id);
      assert.ok(read);
      // A move writing a newer version over it gives the row a new version, as this does.
      await tables(TABLES.caseworkArchive).updateEntity(
        { partitionKey: keyOf(AREA), rowKey: actionRow(PANEL, a.id) },
        "Merge",
      );
      const unit = casework.unit(AREA, "owner");
      unit.replaceAction(reopen(a), read);
      await assert.rejects(unit.commit(), { name: "ConcurrencyConflict" });
      assert.deepEqual(await rowsOf(a.id), { live: 0, archived: 1 + new Set(actionCopies(a)).size });
      assert.deepEqual((await casework.action(AREA, PANEL, a.id))?.value, a);
    });

    it("is refused when the value was read from a list: it has to be read by its key", async () => {
      const page = await casework.doneActions(AREA, PANEL, 50);
      const listed = page.values.find((v) => v.value.id === a.id);
      assert.ok(listed, "listed as done, from the archive");
      const unit = casework.unit(AREA, "owner");
      assert.throws(() => unit.replaceAction(reopen(a), listed), /read it by its key first/);
    });

    it("made by two people at once: the first to store it wins, and nothing of it is left archived", async () => {
      // The second reads it just after the first claimed it and claims it in turn; the first then
      // stores its change, and the second's live write can only fail.
      const firstTables = aroundArchive("updateEntity", "after", async () => {
        const theirs = await casework.action(AREA, PANEL, a.id);
        assert.ok(theirs);
        const archive = caseworkArchive(tables, areaRecords(tables));
        await archive.claimOf(archive.actions, theirs)();
      });
      const first = caseworkTables(firstTables);
      const read = await first.action(AREA, PANEL, a.id);
      assert.ok(read);
      const unit = first.unit(AREA, "owner");
      unit.replaceAction(reopen(a), read);
      await unit.commit();
      assert.deepEqual(await rowsOf(a.id), {
        live: 1 + new Set(actionCopies(reopen(a))).size,
        archived: 0,
      });
      assert.deepEqual((await casework.action(AREA, PANEL, a.id))?.value, reopen(a));
      const done = await casework.doneActions(AREA, PANEL, 50);
      assert.ok(!done.values.some((d) => d.value.id === a.id), "no longer listed as done");
    });
  });

  it("a report period reaching into the archive lists its referrals newest first", async () => {
    const { day } = finishedCasework(AREA, PANEL);
    const recent = await stored(referral(++n, 5));
    const archived = await oldReferral();
    assert.ok((await moveFinishedCasework(tables, AREA, new Date())) >= 1);
    // Waiting all this time, so still live, and made before the archived one.
    const waiting = referral(++n, null);
    await stored({ ...waiting, submitted: { ...waiting.submitted, at: day(300) } });
    const made = await casework.referralsMade(AREA, PANEL, day(400), new Date().toISOString());
    const ours = new Set([recent.id, archived.id, waiting.id]);
    assert.deepEqual(
      made.filter((r) => ours.has(r.id)).map((r) => r.id),
      [recent.id, archived.id, waiting.id],
    );
    assert.deepEqual(
      made.map((r) => r.submitted.at),
      made.map((r) => r.submitted.at).sort((x, y) => (x < y ? 1 : x > y ? -1 : 0)),
    );
  });
});
