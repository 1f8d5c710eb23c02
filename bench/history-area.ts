import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../bot/src/adapters/config-files/catalogue-files.js";
import type { Casework, StoredAudit } from "../bot/src/application/ports/casework.js";
import type { Action } from "../bot/src/domain/actions/action.js";
import type { Referral } from "../bot/src/domain/referrals/referral.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { referralDraftTables } from "../bot/src/adapters/tables/referral-draft-tables.js";
import { documentRecords } from "../bot/src/adapters/tables/document-records.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { repositories, seedCatalogue } from "../bot/src/adapters/tables/repositories.js";
import { tableFactory, type TableFactory } from "../bot/src/adapters/tables/storage.js";
import { agendaRecords } from "../bot/src/adapters/tables/agenda-records.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../bot/src/adapters/tables/meeting-room-records.js";
import { minutesRecords } from "../bot/src/adapters/tables/minutes-records.js";
import { reminderDeliveries } from "../bot/src/adapters/tables/reminder-deliveries.js";
import { roundTripCounter } from "../scripts/lib/round-trips.js";
import { demoActor } from "./bench-support.js";
import { peopleDesk } from "../bot/src/application/people/people-desk.js";
import { DEMO_ADMINISTRATORS } from "../bot/src/seed/demo-people.js";

// A second area configured exactly as Merton (Kingsmead, invented), so that one run can measure
// the same operations on a fresh area and on an area holding ten years of history, side by side
// in one store. Its people are Merton's demo people with ids and addresses of their own.

export const HISTORY_AREA = "kingsmead";
export const HISTORY_PANEL = "kingsmead-pre-mace";

const asKingsmead = (text: string): string =>
  text
    .replace(/merton/g, "kingsmead")
    .replace(/Merton/g, "Kingsmead")
    .replace(/"MER"/g, '"KMD"')
    .replace(/\bmer-/g, "kmd-")
    .replace(/00000000-0000-4000-8000-/g, "00000000-0000-4000-9000-");

/** The panel catalogue with Kingsmead beside the real areas. */
export function catalogueWithHistoryArea(): ReturnType<typeof loadCatalogue> {
  const dir = mkdtempSync(path.join(tmpdir(), "mace-bench-areas-"));
  for (const file of ["havering", "lambeth", "merton", "wandsworth"])
    writeFileSync(path.join(dir, `${file}.json`), readFileSync(`bot/config/areas/${file}.json`, "utf8"));
  // Staffordshire grades risk on its own scale, so it reads Kingsmead's levels as it reads Merton's.
  const staffordshire = JSON.parse(readFileSync("bot/config/areas/staffordshire.json", "utf8"));
  const fromOthers = staffordshire.area.riskFromOtherAreas;
  fromOthers[HISTORY_AREA] = fromOthers.merton;
  writeFileSync(path.join(dir, "staffordshire.json"), JSON.stringify(staffordshire));
  writeFileSync(
    path.join(dir, `${HISTORY_AREA}.json`),
    // Kingsmead's panels keep Merton's agenda templates.
    asKingsmead(readFileSync("bot/config/areas/merton.json", "utf8")).replace(
      /"agendaTemplateId": "kingsmead-/g,
      '"agendaTemplateId": "merton-',
    ),
  );
  return loadCatalogue(dir, "bot/config/agenda-templates");
}

/** Kingsmead's people, as an import file, and the id its administrator has. */
export const historyPeople = {
  csv: () => asKingsmead(readFileSync("bot/src/seed/people/merton.csv", "utf8")),
  id: (mertonId: string) => asKingsmead(mertonId),
};

/** The catalogue with Kingsmead in storage, and Kingsmead's people imported (twice changes nothing). */
export async function seedHistoryArea(catalogue: ReturnType<typeof loadCatalogue>, tables: TableFactory) {
  await seedCatalogue(repositories(tables), catalogue);
  const adminId = historyPeople.id(DEMO_ADMINISTRATORS.get("merton")?.[0] ?? "");
  const people = peopleDesk({
    catalogue,
    directory: directoryTables(tables),
    casework: caseworkTables(tables),
    now: () => new Date(),
    administrators: new Map([...DEMO_ADMINISTRATORS, [HISTORY_AREA, [adminId]]]),
  });
  await people.applyImport(
    { id: adminId, name: "Bench import" },
    HISTORY_AREA,
    historyPeople.csv(),
    undefined,
  );
}

export const FRESH = { areaId: "merton", panelId: "merton-pre-mace" };
export const OLD = { areaId: HISTORY_AREA, panelId: HISTORY_PANEL };
export type BenchArea = typeof FRESH;

/**
 * What a side-by-side part works with: the catalogue with Kingsmead seeded, tables to write its
 * history through and counted tables to measure with, the ports the product's desks take, and
 * each demo person as they are in either area.
 */
export async function sideBySide(connection: string) {
  const catalogue = catalogueWithHistoryArea();
  const plain = tableFactory({ kind: "connection-string", connectionString: connection });
  const trips = roundTripCounter();
  const counted = tableFactory({ kind: "connection-string", connectionString: connection }, trips.options);
  await seedHistoryArea(catalogue, plain);
  const ports = (tables: TableFactory) => ({
    catalogue,
    casework: caseworkTables(tables),
    directory: directoryTables(tables),
    drafts: referralDraftTables(tables),
    meetings: meetingRecords(tables),
    agendas: agendaRecords(tables),
    room: meetingRoomRecords(tables),
    deliveries: reminderDeliveries(tables),
    documents: documentRecords(tables),
    minutesRecord: minutesRecords(tables),
    now: () => new Date(),
    onNotices: () => undefined,
    administrators: new Map<string, string[]>(),
  });
  const actor = (areaId: string, name: string) => {
    const merton = demoActor(name);
    return areaId === FRESH.areaId ? merton : { id: historyPeople.id(merton.id), name };
  };
  return { catalogue, plain, trips, counted, ports, actor };
}

export interface History {
  referrals: number;
  actions: number;
  auditEntries: number;
}

const YEARS = 10;
const startOf = Date.UTC(2016, 0, 4, 9);
const spread = (i: number, n: number) =>
  new Date(startOf + Math.floor((i / n) * YEARS * 365 * 86_400_000)).toISOString();

/**
 * Ten years of a panel's record, written through the casework port as the product writes it:
 * closed referrals (half accepted, half declined) with the audit entries of their changes; done
 * actions with theirs; and the audit entries of the reads between, in the audit trail.
 */
export async function writeHistory(
  casework: Casework,
  templates: { referral: Referral; action: Action },
  counts: History,
  progress: (message: string) => void,
): Promise<void> {
  const change = (at: string, action: string, referralId: string | null, reference: string): StoredAudit => ({
    id: randomUUID(),
    at,
    areaId: HISTORY_AREA,
    panelId: HISTORY_PANEL,
    actorId: templates.referral.submitted.by,
    action: action as StoredAudit["action"],
    subjectId: null,
    referralId,
    reference,
    via: "history",
  });
  const year = (at: string) => at.slice(0, 4);
  let changes = 0;
  // A transaction holds at most 100 rows: ten records, each with its copies and two audit entries.
  const batch = 10;
  for (let i = 0; i < counts.referrals; i += batch) {
    const unit = casework.unit(HISTORY_AREA, "history");
    for (let n = i; n < Math.min(i + batch, counts.referrals); n++) {
      const at = spread(n, counts.referrals);
      const reference = `KMD-${year(at)}-${String(n + 1).padStart(4, "0")}`;
      const r: Referral = {
        ...templates.referral,
        id: randomUUID(),
        reference,
        submitted: { ...templates.referral.submitted, at },
        status: n % 2 ? "accepted" : "declined",
        possibleDuplicates: [],
        linkedSubjectId: null,
      };
      unit.createReferral(r);
      unit.audit(change(at, "referral.created", r.id, reference));
      unit.audit(change(at, n % 2 ? "referral.accepted" : "referral.declined", r.id, reference));
      changes += 2;
    }
    await unit.commit();
    if ((i + batch) % 1000 === 0) progress(`  ${i + batch}/${counts.referrals} closed referrals stored`);
  }
  for (let i = 0; i < counts.actions; i += batch) {
    const unit = casework.unit(HISTORY_AREA, "history");
    for (let n = i; n < Math.min(i + batch, counts.actions); n++) {
      const at = spread(n, counts.actions);
      const a: Action = {
        ...templates.action,
        id: randomUUID(),
        reference: `KMD-A-${year(at)}-${String(n + 1).padStart(5, "0")}`,
        meetingId: at.slice(0, 10),
        dueDate: at.slice(0, 10),
        status: "done",
        created: { ...templates.action.created, at },
        completed: { ...templates.action.created, at, note: "" },
      };
      unit.createAction(a);
      unit.audit(change(at, "action.created", null, a.reference));
      unit.audit(change(at, "action.completed", null, a.reference));
      changes += 2;
    }
    await unit.commit();
    if ((i + batch) % 5000 === 0) progress(`  ${i + batch}/${counts.actions} done actions stored`);
  }
  const reads = counts.auditEntries - changes;
  for (let i = 0; i < reads; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, reads - i) }, (_, n) => ({
      ...change(spread(i + n, reads), "referral.viewed", null, "KMD-2016-0001"),
    }));
    await casework.appendAudit(HISTORY_AREA, batch);
    if ((i + 1000) % 50_000 === 0) progress(`  ${i + 1000}/${reads} audit entries of reads stored`);
  }
  progress(
    `  history: ${counts.referrals} closed referrals, ${counts.actions} done actions, ${changes} audit entries of changes and ${reads} of reads`,
  );
}
