import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { TableClient } from "@azure/data-tables";
import { ConcurrencyConflict } from "../../bot/src/application/ports/versioned.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { keyOf, rangeFilter } from "../../bot/src/adapters/tables/entity-store.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { withReview, type RegisterItem } from "../../bot/src/domain/strategic/register-item.js";
import { azurite } from "../support/azurite.js";

// A register entry reviewed at every strategic meeting for years keeps saving, against Azurite:
// each review is a row of its own beside the entry, written in the entry's transaction, and the
// entry comes back with all of them, oldest meeting first.

const PANEL = "invented-strategic";
const by = "00000000-0000-4000-8000-000000000301";
const stamp = (at: string) => ({ by, byName: "Wren Halloway", at });
// Forty monthly meetings from January 2027, each note as long as the form allows.
const MEETINGS = Array.from({ length: 40 }, (_, n) => {
  const month = new Date(Date.UTC(2027, n, 14));
  return month.toISOString().slice(0, 10);
});
const noteFor = (meetingId: string) =>
  `${`Reviewed at ${meetingId}. `.padEnd(1999, "Waiting lists still long. ")}.`;

describe("A register entry reviewed at forty strategic meetings (Azurite)", function () {
  this.timeout(60_000);
  const areaId = `reviews-${randomUUID().slice(0, 8)}`;
  let connectionString = "";
  let casework: ReturnType<typeof caseworkTables>;
  const entry: RegisterItem = {
    id: randomUUID(),
    reference: "INV-R-2027-0001",
    areaId,
    panelId: PANEL,
    kind: "blockage",
    title: "School places for excluded children",
    description: "Excluded children wait months for a place and are drawn into county lines.",
    raised: stamp("2027-01-02T10:00:00.000Z"),
    raisedFrom: { kind: "member" },
    ownerId: by,
    ownerName: "Wren Halloway",
    status: "open",
    outcome: null,
    reviews: [],
  };
  const read = async () => {
    const found = await casework.registerItem(areaId, PANEL, entry.id);
    assert.ok(found, "the entry is stored");
    return found;
  };
  const review = async (meetingId: string, note = noteFor(meetingId)) => {
    const before = await read();
    const unit = casework.unit(areaId, by);
    unit.putRegisterItem(
      withReview(before.value, { ...stamp(`${meetingId}T12:00:00.000Z`), meetingId, note }),
      before,
    );
    await unit.commit();
  };

  before(async () => {
    connectionString = (await azurite()).connectionString;
    const tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    casework = caseworkTables(tables);
    const unit = casework.unit(areaId, by);
    unit.putRegisterItem(entry, undefined);
    await unit.commit();
    for (const meetingId of MEETINGS) await review(meetingId);
  });

  it("comes back with all forty reviews of 2,000 characters, oldest meeting first", async () => {
    const found = await read();
    assert.equal(found.value.reviews.length, 40);
    assert.deepEqual(
      found.value.reviews.map((r) => r.meetingId),
      MEETINGS,
    );
    assert.ok(found.value.reviews.every((r) => r.note.length === 2000));
    assert.equal(found.value.reviews[39]?.note, noteFor(MEETINGS[39] ?? ""));
  });

  it("keeps each review in a row of its own, the entry's row holding none", async () => {
    const client = TableClient.fromConnectionString(connectionString, "AreaRecords", {
      allowInsecureConnection: true,
    });
    const rows: { rowKey?: string; reviews__json?: unknown; note?: unknown }[] = [];
    const filter = rangeFilter(keyOf(areaId), `register|${PANEL}|${entry.id}`);
    for await (const e of client.listEntities({ queryOptions: { filter } })) rows.push(e);
    assert.deepEqual(
      rows.map((r) => [r.rowKey, r.reviews__json]),
      [[`register|${PANEL}|${entry.id}`, "[]"]],
    );
    const reviewRows: { rowKey?: string; note?: unknown }[] = [];
    const reviewFilter = rangeFilter(keyOf(areaId), `register-review|${PANEL}|${entry.id}|`);
    for await (const e of client.listEntities({ queryOptions: { filter: reviewFilter } })) reviewRows.push(e);
    assert.deepEqual(
      reviewRows.map((r) => r.rowKey),
      MEETINGS.map((m) => `register-review|${PANEL}|${entry.id}|${m}`),
    );
  });

  it("shows them on the open list, and a second review at a meeting replaces that meeting's note", async () => {
    await review(MEETINGS[4] ?? "", "Places found for two of the three children since last month.");
    const [open] = await casework.openRegisterItems(areaId, PANEL);
    assert.equal(open?.value.reviews.length, 40);
    assert.equal(
      open?.value.reviews[4]?.note,
      "Places found for two of the three children since last month.",
    );
    assert.equal(open?.value.reviews[5]?.note, noteFor(MEETINGS[5] ?? ""));
  });

  it("refuses a review made on an older version, writing no review row", async () => {
    const stale = await read();
    await review("2030-06-13");
    const unit = casework.unit(areaId, by);
    unit.putRegisterItem(
      withReview(stale.value, {
        ...stamp("2030-07-11T12:00:00.000Z"),
        meetingId: "2030-07-11",
        note: "Too late.",
      }),
      stale,
    );
    await assert.rejects(unit.commit(), ConcurrencyConflict);
    const found = await read();
    assert.deepEqual(
      found.value.reviews.slice(-1).map((r) => r.meetingId),
      ["2030-06-13"],
    );
  });

  it("lists a closed entry with its reviews", async () => {
    const before = await read();
    const unit = casework.unit(areaId, by);
    unit.putRegisterItem(
      {
        ...before.value,
        status: "closed",
        outcome: { ...stamp("2030-08-01T12:00:00.000Z"), text: "The local authority opened a new unit." },
      },
      before,
    );
    await unit.commit();
    const page = await casework.closedRegisterItems(areaId, PANEL, 5);
    assert.equal(page.values[0]?.value.reviews.length, 41);
    assert.deepEqual(await casework.openRegisterItems(areaId, PANEL), []);
  });
});
