import { agendaRecords } from "../bot/src/adapters/tables/agenda-records.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../bot/src/adapters/tables/meeting-room-records.js";
import { reportFigureTables } from "../bot/src/adapters/tables/report-figure-tables.js";
import type { TableFactory } from "../bot/src/adapters/tables/storage.js";
import {
  loadPopulationBaselines,
  populationBaselines,
} from "../bot/src/adapters/population/population-baselines.js";
import { figuresDesk } from "../bot/src/application/reports/figures-desk.js";
import { reportDesk } from "../bot/src/application/reports/report-desk.js";
import type { Catalogue } from "../bot/src/domain/catalogue/catalogue.js";
import { addMonths, monthOfDay } from "../bot/src/domain/reports/calendar-months.js";
import type { MonthFigures } from "../bot/src/domain/reports/month-figures.js";
import { localDay } from "../bot/src/domain/schedule/dates.js";
import { median } from "./bench-support.js";
import { measured } from "./history-costs.js";
import { FRESH, OLD, sideBySide, type BenchArea } from "./history-area.js";

// The report page does not grow with the area's history: a year's report, read as the Reports
// page reads it (the analyst's access, the year's months of figures in one key range, the audit
// entry of the view), on Merton (fresh: its first year of figures) and on Kingsmead holding ten
// years, 120 months of each of its panels, alternately in one store. Both years hold the same
// figures, so only the history behind them differs. The goal is the round trips (the same in
// both); the time ratio is reported beside them.

const RUNS = Number(process.env["BENCH_REPORT_RUNS"] ?? 30);
const YEARS_OF_FIGURES = 10;

const figuresOn = (catalogue: Catalogue, tables: TableFactory) =>
  figuresDesk({
    catalogue,
    casework: caseworkTables(tables),
    meetings: meetingRecords(tables),
    agendas: agendaRecords(tables),
    room: meetingRoomRecords(tables),
    figures: reportFigureTables(tables),
    now: () => new Date(),
  });

/** A panel's past month, shaped as the product works them out, with counts that vary by month. */
function pastMonth(template: MonthFigures, panelId: string, month: string, i: number): MonthFigures {
  return {
    ...template,
    areaId: panelId.startsWith(OLD.areaId) ? OLD.areaId : FRESH.areaId,
    panelId,
    month,
    referrals: {
      ...template.referrals,
      received: 3 + (i % 7),
      byKind: { individual: 2 + (i % 5), group: 1 + (i % 2) },
      byOutcome: { ...template.referrals.byOutcome, accepted: 2 + (i % 4), declined: 1 },
      daysToFirstDiscussion: { [String(7 + (i % 21))]: 2 + (i % 4) },
    },
    cohort: { ...template.cohort, opened: 2 + (i % 4), openAtEnd: 20 + (i % 9) },
  };
}

export async function reportCosts(connection: string, scans: string[]): Promise<void> {
  const { catalogue, plain, trips, counted, actor } = await sideBySide(connection);
  const month = monthOfDay(localDay(new Date()));
  // This month's figures of the fresh area, worked out from its record, shape every month written.
  const worked = await figuresOn(catalogue, plain).workOutMonth(FRESH.areaId, month);
  const template = worked.find((f) => f.panelId === FRESH.panelId);
  if (!template) throw new Error("Merton pre-MACE has no figures for this month");
  const store = reportFigureTables(plain);
  const write = async (areaId: string, months: number) => {
    const panels = [...catalogue.panels.values()].filter((p) => p.areaId === areaId);
    for (let i = 0; i < months; i++)
      await Promise.all(panels.map((p) => store.save(pastMonth(template, p.id, addMonths(month, -i), i))));
    return (await store.monthsOf(areaId, addMonths(month, 1 - months), month)).length;
  };
  console.log(
    `\nReport page (Kingsmead, configured as Merton): storing ten years of figures, ${YEARS_OF_FIGURES * 12} months of each panel…`,
  );
  const fresh = await write(FRESH.areaId, 12);
  const old = await write(OLD.areaId, YEARS_OF_FIGURES * 12);
  console.log(`  rows of figures: Merton ${fresh} (a year), Kingsmead ${old} (ten years)`);

  const reports = reportDesk({
    catalogue,
    directory: directoryTables(counted),
    administrators: new Map(),
    figures: reportFigureTables(counted),
    baselines: populationBaselines(counted, loadPopulationBaselines("bot/config/population", catalogue)),
    casework: caseworkTables(counted),
    now: () => new Date(),
    suppressBelow: 5,
    workOutMonth: figuresOn(catalogue, counted).workOutMonth,
  });
  const analyst = (area: BenchArea) => actor(area.areaId, "Farah Lindqvist");
  const operations: [string, (area: BenchArea) => Promise<unknown>][] = [
    [
      "the area's report for a year, referrals",
      (a) => reports.view(analyst(a), a.areaId, { period: "year", section: "referrals" }, "bench"),
    ],
    [
      "the panel's report for a year, cohort",
      (a) =>
        reports.view(
          analyst(a),
          a.areaId,
          { period: "year", panelId: a.panelId, section: "cohort" },
          "bench",
        ),
    ],
  ];
  console.log(`\nFresh area against ten years of figures (medians of ${RUNS}, alternating)`);
  for (const [name, run] of operations) {
    const cost = { fresh: [] as number[], old: [] as number[] };
    const shape = { fresh: "", old: "" };
    for (let i = 0; i < RUNS; i++)
      for (const [which, area] of [
        ["fresh", FRESH],
        ["old", OLD],
      ] as const) {
        const m = await measured(trips, () => run(area), scans, `report page, ${name}`);
        cost[which].push(m.ms);
        shape[which] = `${m.requests} requests, ${m.sequential} one after another`;
      }
    const ratio = median(cost.old) / median(cost.fresh);
    const met = shape.fresh === shape.old;
    console.log(
      `  ${name}: fresh ${shape.fresh}; with ten years ${shape.old} (goal: the same) — ${met ? "goal met" : "goal missed"}; time ${ratio.toFixed(2)}x the fresh area's`,
    );
    if (!met) process.exitCode = 1;
  }
}
