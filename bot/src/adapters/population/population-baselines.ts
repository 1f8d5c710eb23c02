import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { PopulationBaselines } from "../../application/ports/population-baselines.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  baselineChildren,
  baselineProblems,
  PopulationBaseline,
} from "../../domain/reports/population-baseline.js";
import { EntityStore, keyOf } from "../tables/entity-store.js";
import { TABLES, type TableFactory } from "../tables/storage.js";

// Each area's child population by ethnic group. Configured beside the catalogue: `<areaId>.csv`
// (columns ethnicity,children, by the form's values) and `<areaId>.json` (its source, its year and
// whether it is invented, as the demonstration areas' are); a wrong file stops start-up naming it.
// The figures an analyst loads in the product are kept with the area's report figures, in a row
// of their own beside its months, and read in place of the configured ones.

const Described = z.strictObject({
  source: z.string().min(2).max(300),
  invented: z.boolean(),
  year: z.number().int(),
});

/** The configured baselines by area; an area with no CSV has none. */
export function loadPopulationBaselines(dir: string, catalogue: Catalogue): Map<string, PopulationBaseline> {
  const found = new Map<string, PopulationBaseline>();
  if (!existsSync(dir)) return found;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()) {
    const areaId = file.slice(0, -".csv".length);
    const where = path.join(dir, file);
    const fail = (why: string) => new Error(`${where}: ${why}`);
    if (!catalogue.areas.some((a) => a.id === areaId)) throw fail(`no area "${areaId}" is configured`);
    const rows: string[][] = parse(readFileSync(where, "utf8"), {
      bom: true,
      relax_column_count: true,
      trim: true,
    });
    const problems = baselineProblems(rows);
    if (problems.length) throw fail(problems.join(" "));
    const described = path.join(dir, `${areaId}.json`);
    if (!existsSync(described))
      throw fail(`${areaId}.json beside it must say its source, year and whether it is invented`);
    const about = Described.safeParse(JSON.parse(readFileSync(described, "utf8")));
    if (!about.success)
      throw new Error(
        `${described}: ${about.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const baseline = PopulationBaseline.safeParse({
      areaId,
      ...about.data,
      children: baselineChildren(rows),
    });
    if (!baseline.success)
      throw new Error(
        `${described}: ${baseline.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    found.set(areaId, baseline.data);
  }
  return found;
}

/** The row an area's loaded baseline is kept in: after every month's rows (`YYYY-MM|…`). */
const BASELINE_ROW = "population-baseline";

export function populationBaselines(
  tables: TableFactory,
  configured: Map<string, PopulationBaseline>,
): PopulationBaselines {
  const store = new EntityStore(tables(TABLES.reportFigures), PopulationBaseline, (b) => ({
    partitionKey: keyOf(b.areaId),
    rowKey: BASELINE_ROW,
  }));
  return {
    async baselineOf(areaId) {
      const loaded = await store.get(keyOf(areaId), BASELINE_ROW);
      return loaded?.value ?? configured.get(areaId) ?? null;
    },
    replace: (baseline, by) => store.upsert(baseline, by),
  };
}
