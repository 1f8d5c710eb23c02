import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { auditTrailRecords } from "../../bot/src/adapters/tables/audit-trail-records.js";
import { moveChangeAudits } from "../../bot/src/adapters/tables/change-audit-move.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { PEOPLE } from "../support/people.js";
import { referralDeskOver } from "../support/referral-desk-over.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

// The audit entry of a change commits with the change in the area's casework partition, then
// moves to the audit trail, so that partition holds only the entries not yet moved.
describe("The audit entries of changes", () => {
  const PANEL = "merton-pre-mace";
  const ids: string[] = [];
  let service: TestService;
  // The service's start seeds the demo people the referral is made by; it runs no move itself.
  before(async () => (service = await startTestService()));
  after(async () => {
    await forgetMertonReferrals(ids);
    await service.close();
  });

  const grace = { id: PEOPLE.mertonSocialWorker.id, name: "Grace Mensah" };
  /** A child Grace refers, and the audit entries about the referral still in the area's partition. */
  const referred = async (name: string) => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    const { desk, casework } = referralDeskOver(tables);
    const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild(name));
    assert.ok(sent.ok);
    ids.push(sent.referral.id);
    const live = async () =>
      (await areaRecords(tables).audit.listRange(keyOf("merton"), "audit|"))
        .map((a) => a.value)
        .filter((a) => a.referralId === sent.referral.id);
    return { tables, casework, referralId: sent.referral.id, live };
  };

  it("leave the area's casework for the audit trail, once, and the subject access export still finds each one once", async () => {
    const { tables, casework, referralId, live } = await referred("Ola Moveaudit");
    const created = await live();
    assert.deepEqual(
      created.map((a) => a.action),
      ["referral.created"],
      "committed with the referral, in the area's partition",
    );

    const reported: number[] = [];
    const moved = await moveChangeAudits(tables, "merton", (n) => reported.push(n));
    assert.ok(moved >= 1, `moved ${moved}`);
    assert.equal(reported.at(-1), moved, "progress counts up to what was moved");
    assert.deepEqual(await live(), [], "nothing of it is left in the area's partition");
    assert.equal(await moveChangeAudits(tables, "merton"), 0, "a second run finds nothing to move");

    const day = created[0]?.at ?? "";
    const about = { subjectId: "none", referralIds: [referralId], references: [] };
    const found = await casework.auditAbout("merton", about, day, day);
    assert.deepEqual(
      found.map((a) => [a.id, a.action, a.via]),
      created.map((a) => [a.id, a.action, a.via]),
      "the export reads it from the audit trail now",
    );
  });

  it("are counted once while a move has copied them but not yet removed them", async () => {
    const { tables, casework, referralId, live } = await referred("Ola Halfmoved");
    const entries = await live();
    // A move that stopped between its copy and its delete leaves the entry in both places.
    await auditTrailRecords(tables).copy(entries);
    const at = entries[0]?.at ?? "";
    const about = { subjectId: "none", referralIds: [referralId], references: [] };
    const found = await casework.auditAbout("merton", about, at, at);
    assert.deepEqual(
      found.map((a) => a.id),
      entries.map((a) => a.id),
    );
    // The next move writes the copy over itself and removes the original.
    await moveChangeAudits(tables, "merton");
    const after = await casework.auditAbout("merton", about, at, at);
    assert.deepEqual(
      after.map((a) => a.id),
      entries.map((a) => a.id),
    );
  });

  it("are moved by the service at its start, and no change of the record is lost on the way", async () => {
    const { tables, referralId, live } = await referred("Ola Startmove");
    const [entry] = await live();
    assert.ok(entry, "the change's entry is in the area's partition before the service starts");

    const moving = await startTestService({}, { partitionMovesOnTimer: true });
    try {
      for (let waited = 0; (await live()).length && waited < 10_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(await live(), [], "moved at start-up");
      const inTrail = await auditTrailRecords(tables).between(
        "merton",
        entry.at,
        entry.at,
        (e) => e.id === entry.id,
      );
      assert.deepEqual(
        inTrail.map((e) => [e.action, e.referralId]),
        [["referral.created", referralId]],
      );
      assert.ok(
        moving.logLines.some((l) => l.includes("audit entries of changes moved to the trail")),
        "the move says what it did in the log",
      );
    } finally {
      await moving.close();
    }
  });
});
