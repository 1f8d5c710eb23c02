import type { ReportFigureStore } from "../../application/ports/report-figures.js";
import { MonthFigures, type Month } from "../../domain/reports/month-figures.js";
import { EntityStore, keyOf, prefixEnd } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Each panel's figures month by month in a table of their own: an area's months are one
// partition, keyed month first, so the months of any period are one contiguous key range
// whatever the area's history holds. A month worked out again replaces its row.

export const figureRow = (month: Month, panelId: string): string => `${month}|${keyOf(panelId)}`;

export function reportFigureTables(tables: TableFactory): ReportFigureStore {
  const store = new EntityStore(tables(TABLES.reportFigures), MonthFigures, (f) => ({
    partitionKey: keyOf(f.areaId),
    rowKey: figureRow(f.month, f.panelId),
  }));
  return {
    async monthsOf(areaId, from, to) {
      const found = await store.listBetween(keyOf(areaId), `${from}|`, prefixEnd(`${to}|`));
      return found.map((f) => f.value);
    },
    // The figures follow from the record: whichever instance writes last wrote the same, or newer.
    save: (f) => store.upsert(f, "figures run"),
  };
}
