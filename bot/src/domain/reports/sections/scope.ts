import type { Agency, Area, Panel } from "../../catalogue/panel.js";
import type { Counts, Month, MonthFigures } from "../month-figures.js";
import type { PopulationBaseline } from "../population-baseline.js";
import type { Period } from "../report.js";
import { sumCounts } from "../statistics.js";

// What a section builder reads: the panels a report covers and their figures for the period's months.

export interface Scope {
  area: Area;
  agencies: Agency[];
  /** The one panel of a panel's report, or all the area's panels. */
  panels: Panel[];
  period: Period;
  months: Month[];
  /** The figures of those panels for those months: a month not yet worked out has none. */
  figures: MonthFigures[];
  baseline: PopulationBaseline | null;
}

/** A set of counts summed over the period's months and panels. */
export const summed = (scope: Scope, pick: (f: MonthFigures) => Counts): Counts =>
  sumCounts(scope.figures.map(pick));

/** A count summed over the period's months and panels. */
export const added = (scope: Scope, pick: (f: MonthFigures) => number): number =>
  scope.figures.reduce((a, f) => a + pick(f), 0);

/** Each panel's last month worked out in the period: where its cohort stood at the end. */
export function lastMonths(scope: Scope): MonthFigures[] {
  const last = new Map<string, MonthFigures>();
  for (const f of scope.figures) {
    const seen = last.get(f.panelId);
    if (!seen || seen.month < f.month) last.set(f.panelId, f);
  }
  return [...last.values()];
}

export const agencyName = (scope: Scope, id: string): string =>
  scope.agencies.find((a) => a.id === id)?.name ?? "An agency no longer listed";
