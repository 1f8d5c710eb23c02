import type { Logger } from "pino";
import { blobContainer, ensureDocumentContainer } from "../adapters/blob/blob-documents.js";
import { agendaRecords } from "../adapters/tables/agenda-records.js";
import { caseworkTables } from "../adapters/tables/casework-tables.js";
import { directoryTables } from "../adapters/tables/directory-tables.js";
import { documentRecords } from "../adapters/tables/document-records.js";
import { migrateCaseworkLayout } from "../adapters/tables/layout-migration.js";
import { meetingRecords } from "../adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../adapters/tables/meeting-room-records.js";
import { minutesRecords } from "../adapters/tables/minutes-records.js";
import { referralDraftTables } from "../adapters/tables/referral-draft-tables.js";
import { reminderDeliveries } from "../adapters/tables/reminder-deliveries.js";
import { reportFigureTables } from "../adapters/tables/report-figure-tables.js";
import { repositories, seedCatalogue } from "../adapters/tables/repositories.js";
import { ensureTables, tableFactory } from "../adapters/tables/storage.js";
import { usedLinks } from "../adapters/tables/used-links.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { Settings } from "../settings.js";

// The service's storage, opened once at start-up: tables and the documents' container made if
// missing, an older casework layout moved to the current one, and the panel catalogue stored.

export async function openStorage(settings: Settings, catalogue: Catalogue, log: Logger) {
  const tables = tableFactory(settings.storage);
  await ensureTables(tables);
  const container = blobContainer(settings);
  await ensureDocumentContainer(container);
  await migrateCaseworkLayout(
    tables,
    catalogue.areas.map((a) => a.id),
    (message) => log.info(message),
    (areaId) => [...catalogue.panels.values()].filter((p) => p.areaId === areaId).map((p) => p.id),
  );
  const repos = repositories(tables);
  await seedCatalogue(repos, catalogue);
  return {
    tables,
    container,
    repos,
    directory: directoryTables(tables),
    casework: caseworkTables(tables),
    documents: documentRecords(tables),
    usedLinks: usedLinks(tables),
    drafts: referralDraftTables(tables),
    meetings: meetingRecords(tables),
    agendas: agendaRecords(tables),
    deliveries: reminderDeliveries(tables),
    room: meetingRoomRecords(tables),
    reportFigures: reportFigureTables(tables),
    minutesRecord: minutesRecords(tables),
  };
}

export type Storage = Awaited<ReturnType<typeof openStorage>>;
