import { existsSync } from "node:fs";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { migrateCaseworkLayout } from "../../bot/src/adapters/tables/layout-migration.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { CatalogueError } from "../../bot/src/domain/catalogue/catalogue.js";
import { loadSettings, SettingsError } from "../../bot/src/settings.js";
import { localServiceEnv } from "./processes.js";

// What the commands run over one area or all of them (`npm run retention`, `npm run report-figures`)
// share: the service's settings (on this machine, `npm start`'s Azurite unless told otherwise), the
// areas named, table storage with casework stored earlier given its list copies, and Ctrl-C.

export async function openAreas(areaId: string | undefined, fail: (message: string, code?: number) => never) {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const local =
    process.env["APP_ENV"] !== "azure"
      ? localServiceEnv({ service: 3978, azurite: 10002, azuriteBlob: 10000 })
      : {};
  let settings;
  let catalogue;
  try {
    settings = loadSettings({ ...local, ...process.env });
    catalogue = loadCatalogue(settings.catalogueDir);
  } catch (e) {
    fail(e instanceof SettingsError || e instanceof CatalogueError ? e.message : String(e), 1);
  }
  const areaIds = areaId ? [areaId] : catalogue.areas.map((a) => a.id);
  const unknown = areaIds.find((id) => !catalogue.areas.some((a) => a.id === id));
  if (unknown) fail(`There is no area "${unknown}". Areas: ${catalogue.areas.map((a) => a.id).join(", ")}.`);

  const tables = tableFactory(settings.storage);
  try {
    await ensureTables(tables);
  } catch (e) {
    fail(
      `Table storage did not answer (${(e as Error).message}). On this machine, start it with npm start.`,
      1,
    );
  }
  // Both read or delete records' list copies, so casework stored before them is given them first.
  await migrateCaseworkLayout(
    tables,
    areaIds,
    (message) => console.error(message),
    (areaId) => [...catalogue.panels.values()].filter((p) => p.areaId === areaId).map((p) => p.id),
  );
  return { settings, catalogue, areaIds, tables };
}

/** Ctrl-C stops after the unit of work under way (a subject, a month); twice stops at once. */
export function stopOnCtrlC(unit: string): AbortSignal {
  const stop = new AbortController();
  process.on("SIGINT", () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    console.error(`\nStopping after the ${unit} under way… (Ctrl-C again stops at once)`);
  });
  return stop.signal;
}
