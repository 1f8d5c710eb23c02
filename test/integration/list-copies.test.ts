import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { Casework } from "../../bot/src/application/ports/casework.js";
import type { Action } from "../../bot/src/domain/actions/action.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";

// The action log's lists in Azurite: open actions, then done ones a page at a time, each one
// contiguous key range whatever the panel's history. An area of its own keeps other suites out.
describe("A panel's action log, stored in Azurite", () => {
  const AREA = `paging-${randomUUID().slice(0, 8)}`;
  const PANEL = `${AREA}-panel`;
  const trips = roundTripCounter();
  let casework: Casework;

  const action = (n: number, done: boolean): Action => ({
    id: randomUUID(),
    reference: `PAG-A-2026-${String(n).padStart(4, "0")}`,
    areaId: AREA,
    panelId: PANEL,
    meetingId: "2026-03-05",
    subjectId: null,
    caseReference: null,
    title: `Action ${n}`,
    text: "An invented action.",
    ownerId: "owner",
    ownerName: "Hannah Reyes",
    ownerAgencyId: "mer-health",
    dueDate: `2026-04-${String((n % 28) + 1).padStart(2, "0")}`,
    status: done ? "done" : "open",
    created: { by: "coordinator", byName: "Priya Okafor", at: "2026-03-05T12:00:00.000Z" },
    completed: done
      ? {
          by: "owner",
          byName: "Hannah Reyes",
          at: new Date(Date.UTC(2026, 3, 1, 9, n)).toISOString(),
          note: "",
        }
      : null,
    updates: [],
  });

  before(async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString }, trips.options);
    await ensureTables(tables);
    casework = caseworkTables(tables);
    for (let i = 0; i < 60; i += 20) {
      const unit = casework.unit(AREA, "test");
      for (let n = i; n < i + 20; n++) unit.createAction(action(n, n >= 10));
      await unit.commit();
    }
  });

  it("lists the 10 open actions by due date and the 50 done ones in pages of 20, newest first, none twice", async () => {
    const open = await casework.openActions(AREA, PANEL);
    assert.equal(open.length, 10);
    const dues = open.map((a) => a.value.dueDate);
    assert.deepEqual(dues, [...dues].sort());

    const first = await casework.doneActions(AREA, PANEL, 20);
    const last = (p: typeof first) => {
      const a = p.values.at(-1)?.value;
      return a && { at: a.completed?.at ?? "", id: a.id };
    };
    const second = await casework.doneActions(AREA, PANEL, 20, last(first));
    const third = await casework.doneActions(AREA, PANEL, 20, last(second));
    assert.deepEqual(
      [first, second, third].map((p) => [p.values.length, p.more]),
      [
        [20, true],
        [20, true],
        [10, false],
      ],
    );
    const references = [first, second, third].flatMap((p) => p.values.map((a) => a.value.reference));
    assert.equal(new Set(references).size, 50);
    assert.equal(references[0], "PAG-A-2026-0059", "the most recently completed first");
    assert.equal(references.at(-1), "PAG-A-2026-0010");
  });

  it("an action marked done leaves the open list and heads the done list, in one transaction", async () => {
    const [soonest] = await casework.openActions(AREA, PANEL);
    assert.ok(soonest);
    const held = await casework.action(AREA, PANEL, soonest.value.id);
    assert.ok(held);
    assert.equal(held.etag, soonest.etag, "a record and its copy have one version");
    const unit = casework.unit(AREA, "Hannah Reyes");
    unit.replaceAction(
      {
        ...held.value,
        status: "done",
        completed: { by: "owner", byName: "Hannah Reyes", at: "2026-05-01T10:00:00.000Z", note: "Sent." },
      },
      held,
    );
    const before = trips.count();
    await unit.commit();
    assert.equal(trips.count() - before, 1);
    assert.equal((await casework.openActions(AREA, PANEL)).length, 9);
    const done = await casework.doneActions(AREA, PANEL, 1);
    assert.equal(done.values[0]?.value.reference, held.value.reference);

    // A change made from a list's copy, not the record, is refused before anything is sent.
    const unitFromCopy = casework.unit(AREA, "Hannah Reyes");
    const [copy] = await casework.openActions(AREA, PANEL);
    assert.ok(copy);
    assert.throws(
      () => unitFromCopy.replaceAction({ ...copy.value, title: "Changed" }, copy),
      /read it by its key/,
    );
  });

  it("reads every list as one key range, never a scan", () => {
    assert.deepEqual(trips.requests().map(scanIn).filter(Boolean), []);
  });
});
