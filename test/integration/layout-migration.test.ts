import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { areaRecords, referralRow } from "../../bot/src/adapters/tables/area-records.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { migrateCaseworkLayout } from "../../bot/src/adapters/tables/layout-migration.js";
import { minutesRecords } from "../../bot/src/adapters/tables/minutes-records.js";
import { ensureTables, tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { referralDeskOver } from "../support/referral-desk-over.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { newMertonPractitioner } from "../support/new-practitioner.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

/** The earlier layouts are about the area's partition alone: no meeting's notes are read for them. */
const noPanels = (): string[] => [];

// Casework written before the lists read copies of each record: no copies, no revisions.
describe("Casework stored in the earlier key layout", () => {
  const PANEL = "merton-pre-mace";
  const ids: string[] = [];
  let service: TestService;
  // The service's start seeds the demo people the referral is made by.
  before(async () => (service = await startTestService()));
  after(async () => {
    await forgetMertonReferrals(ids);
    await service.close();
  });

  it("is given its list copies once at start-up, with progress, and is listed and changed as before", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    const { desk } = referralDeskOver(tables, () => new Date("2026-11-16T10:00:00Z"));
    const sent = await desk.submit(
      { id: PEOPLE.mertonSocialWorker.id, name: "Grace Mensah" },
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Ola Oldlayout"),
    );
    assert.ok(sent.ok);
    ids.push(sent.referral.id);

    // Back to the earlier layout: the referral alone, with no revision, and the area not migrated.
    const client = tables(TABLES.areaRecords);
    const pk = keyOf("merton");
    for await (const e of client.listEntities({
      queryOptions: {
        filter: `PartitionKey eq 'merton' and RowKey ge 'referral-' and RowKey lt 'referral.'`,
      },
    }))
      if (e["id"] === sent.referral.id) await client.deleteEntity(pk, String(e.rowKey));
    const main = await client.getEntity<Record<string, unknown>>(pk, referralRow(PANEL, sent.referral.id));
    const {
      etag: _etag,
      timestamp: _timestamp,
      revision: _revision,
      ...old
    } = main as Record<string, unknown>;
    await client.upsertEntity({ ...old, partitionKey: pk, rowKey: String(main.rowKey) }, "Replace");
    await client.deleteEntity(pk, "layout|list-copies").catch(() => undefined);
    const priya = { id: PEOPLE.mertonCoordinator.id, name: "Priya Okafor" };
    const listed = async () =>
      (await desk.list(priya, PANEL, "test", { pageSize: 200 }, ["new"])).referrals.map((r) => r.value.id);
    assert.ok(!(await listed()).includes(sent.referral.id), "the earlier layout has no copy to list");

    const progress: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => progress.push(m), noPanels);
    assert.ok(
      progress.some((m) => /^merton: all \d+ referrals given their list copies$/.test(m)),
      progress.join("\n"),
    );
    assert.ok((await listed()).includes(sent.referral.id));
    const read = await areaRecords(tables).referrals.get(pk, referralRow(PANEL, sent.referral.id));
    assert.match(read?.etag ?? "", /^[0-9a-f-]{36}$/, "the version is now the record's revision");

    // It is a triage away from accepted, like any other referral, and the second run does nothing.
    const viewed = await desk.view(priya, PANEL, sent.referral.id, "test");
    await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "decline", reason: "Not exploitation" },
      viewed.etag,
      "test",
    );
    assert.ok(!(await listed()).includes(sent.referral.id));
    const again: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => again.push(m), noPanels);
    assert.deepEqual(again, []);
  });

  it("gives each referral made before referrals were kept under their referrer its copy once, so she sees it in her own", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const { desk } = referralDeskOver(tables, () => new Date("2026-11-16T10:00:00Z"));
    // A referrer of the test's own: a demo practitioner's list holds other suites' referrals too.
    const made = await newMertonPractitioner("Bea Beforehand-Worker");
    const worker = { id: made.id, name: made.displayName };
    const sent = await desk.submit(worker, PANEL, "individual", randomUUID(), mertonChild("Bea Beforehand"));
    assert.ok(sent.ok);
    ids.push(sent.referral.id);

    // Back to before the copy under the referrer: it alone goes, and the layout's marker.
    const client = tables(TABLES.areaRecords);
    const pk = keyOf("merton");
    const filter = `PartitionKey eq 'merton' and RowKey ge 'referral-by|' and RowKey lt 'referral-by}'`;
    for await (const e of client.listEntities({ queryOptions: { filter } }))
      if (e["id"] === sent.referral.id) await client.deleteEntity(pk, String(e.rowKey));
    await client.deleteEntity(pk, "layout|referral-by");
    const own = async () => (await desk.own(worker, "test")).referrals.map((r) => r.value.id);
    assert.ok(!(await own()).includes(sent.referral.id), "the earlier layout has no copy under her");

    const progress: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => progress.push(m), noPanels);
    assert.ok(
      progress.some((m) => /^merton: all \d+ referrals given their list copies$/.test(m)),
      progress.join("\n"),
    );
    assert.ok((await own()).includes(sent.referral.id));
    // Its version is the record's still: she can withdraw it from what her list shows.
    const [listed] = (await desk.own(worker, "test")).referrals.filter(
      (r) => r.value.id === sent.referral.id,
    );
    const withdrawn = await desk.withdraw(
      worker,
      PANEL,
      sent.referral.id,
      "Made in error",
      listed?.etag ?? "",
      "test",
    );
    assert.equal(withdrawn.status, "withdrawn");
    const again: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => again.push(m), noPanels);
    assert.deepEqual(again, []);
    await forgetPerson(made.id, "merton", PANEL);
  });

  it("gives subjects, cases and decisions stored before a subject's record was kept their copies, once", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const records = areaRecords(tables);
    const area = `older-${randomUUID().slice(0, 8)}`;
    const subjectId = randomUUID();
    const reference = "OLD-2025-0007";
    // Each written alone under its own key, with none of the copies the later layout reads.
    await records.subjects.insert(
      { id: subjectId, areaId: area, kind: "individual", reference, label: "Noor Oldfield", referralIds: [] },
      "test",
    );
    await records.cases.insert(
      {
        areaId: area,
        panelId: `${area}-panel`,
        subjectId,
        reference,
        placement: "victim",
        riskLevel: null,
        status: "open",
        openedAt: "2025-05-01T09:00:00.000Z",
        nextMeetingDate: "2025-06-05",
        referralIds: [],
      },
      "test",
    );
    await records.decisions.insert(
      {
        areaId: area,
        panelId: `${area}-panel`,
        meetingId: "2025-06-05",
        subjectId,
        reference,
        kind: "continue",
        reviewDate: "2025-07-03",
        returnTo: null,
        rationale: "",
        riskLevel: null,
        volt: { personsOfConcern: [], locations: [], groups: [], themes: [] },
        disruption: [],
        disruptionDetail: "",
        transferTo: null,
        recordedBy: "coordinator",
        recordedByName: "Priya Okafor",
        at: "2025-06-05T11:00:00.000Z",
      },
      "test",
    );
    const casework = caseworkTables(tables);
    assert.deepEqual(await casework.findSubjects(area, { by: "word", word: "oldfield" }, 5), []);
    assert.deepEqual(await casework.subjectCases(area, subjectId), []);

    const progress: string[] = [];
    await migrateCaseworkLayout(tables, [area], (m) => progress.push(m), noPanels);
    assert.ok(progress.includes(`${area}: all 1 subjects given their list copies`), progress.join("\n"));
    const found = await casework.findSubjects(area, { by: "word", word: "oldfield" }, 5);
    assert.deepEqual(
      found.map((f) => f.reference),
      [reference],
    );
    assert.deepEqual(
      (await casework.subjectCases(area, subjectId)).map((c) => c.reference),
      [reference],
    );
    assert.deepEqual(
      (await casework.casePage(area, `${area}-panel`, "open", 10)).values.map((c) => c.value.reference),
      [reference],
    );
    assert.deepEqual(
      (await casework.subjectDecisions(area, subjectId)).map((d) => d.meetingId),
      ["2025-06-05"],
    );
    const again: string[] = [];
    await migrateCaseworkLayout(tables, [area], (m) => again.push(m), noPanels);
    assert.deepEqual(again, []);
  });

  it("gives a referral already waiting its match keys once, so a second referral of the same child is flagged", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const { desk } = referralDeskOver(tables, () => new Date("2026-11-16T10:00:00Z"));
    const grace = { id: PEOPLE.mertonSocialWorker.id, name: "Grace Mensah" };
    const first = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild("Wren Waitingly"));
    assert.ok(first.ok);
    ids.push(first.referral.id);

    // Back to before waiting referrals held keys: no keys on the referral or its copies, no rows.
    const client = tables(TABLES.areaRecords);
    const pk = keyOf("merton");
    const filter = `PartitionKey eq 'merton' and RowKey ge 'match|' and RowKey lt 'match}'`;
    for await (const e of client.listEntities({ queryOptions: { filter } }))
      if (e["referralId"] === first.referral.id) await client.deleteEntity(pk, String(e.rowKey));
    const referralRows = `PartitionKey eq 'merton' and RowKey ge 'referral' and RowKey lt 'referral}'`;
    for await (const e of client.listEntities({ queryOptions: { filter: referralRows } }))
      if (e["id"] === first.referral.id) {
        const older = Object.fromEntries(
          Object.entries(e).filter(([k]) => !k.startsWith("pendingMatchKeys")),
        );
        await client.updateEntity({ ...older, partitionKey: pk, rowKey: String(e.rowKey) }, "Replace");
      }
    await client.deleteEntity(pk, "layout|pending-matches").catch(() => undefined);

    const progress: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => progress.push(m), noPanels);
    assert.ok(
      progress.some((m) => /^merton: \d+ waiting referrals given their match keys$/.test(m)),
      progress.join("\n"),
    );
    const second = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild("Wren Waitingly"));
    assert.ok(second.ok);
    ids.push(second.referral.id);
    assert.ok(
      second.referral.possibleDuplicates.some((d) => d.reference === first.referral.reference),
      JSON.stringify(second.referral.possibleDuplicates),
    );
    const again: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => again.push(m), noPanels);
    assert.deepEqual(again, []);
  });

  it("gives each case note taken before notes were kept under their subjects its copy, once", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    const casework = caseworkTables(tables);
    const subjectId = randomUUID();
    // A note as the earlier layout stored it: in its meeting's partition only.
    const note = {
      panelId: PANEL,
      meetingId: "2026-03-05",
      itemKey: `case:${subjectId}`,
      reference: "MER-2026-0977",
      text: "Seen with older boys near the market; school to share attendance.",
      recordedById: PEOPLE.mertonCoordinator.id,
      recordedByName: PEOPLE.mertonCoordinator.displayName,
      at: "2026-03-05T10:10:00.000Z",
      corrections: 0,
    };
    await minutesRecords(tables).saveNote(note, null, PEOPLE.mertonCoordinator.id);
    const fixedItem = { ...note, itemKey: "item:any-other-business", reference: null };
    await minutesRecords(tables).saveNote(fixedItem, null, PEOPLE.mertonCoordinator.id);
    await tables(TABLES.areaRecords)
      .deleteEntity("merton", "layout|case-notes")
      .catch(() => undefined);
    assert.deepEqual(await casework.subjectNotes("merton", subjectId), []);

    const catalogue = loadCatalogue("bot/config/areas");
    const panelsOf = (areaId: string) =>
      [...catalogue.panels.values()].filter((p) => p.areaId === areaId).map((p) => p.id);
    const progress: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => progress.push(m), panelsOf);
    assert.ok(
      progress.some((m) => /^merton: all \d+ case notes kept under their subjects$/.test(m)),
      progress.join("\n"),
    );
    assert.deepEqual(await casework.subjectNotes("merton", subjectId), [
      { ...note, areaId: "merton", subjectId },
    ]);

    const again: string[] = [];
    await migrateCaseworkLayout(tables, ["merton"], (m) => again.push(m), panelsOf);
    assert.deepEqual(again, []);
    // The note is one of a child this suite invented: it goes as retention would take it.
    const unit = casework.unit("merton", "test");
    unit.removeCaseNote({ ...note, areaId: "merton", subjectId });
    await unit.commit();
    assert.deepEqual(await casework.subjectNotes("merton", subjectId), []);
  });
});
