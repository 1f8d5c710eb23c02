import { DECISION_LABELS } from "../../decisions/decision.js";
import type { MonthFigures } from "../month-figures.js";
import { monthLabel } from "../period.js";
import type { Cell, ReportSection, ReportTable } from "../report.js";
import { sumCounts, totalOf } from "../statistics.js";
import { added, lastMonths, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable, type Category } from "./tables.js";

// The cohort over time (002 volume of cases): cases opened and closed month by month, why they
// closed, and their risk on entry against their risk at the end of the period.

const CLOSING: Category[] = (["remove", "transfer", "escalate"] as const).map((k) => ({
  key: k,
  label: DECISION_LABELS[k],
}));

const MOVEMENT: Category[] = [
  { key: "up", label: "Risk went up" },
  { key: "same", label: "Risk stayed the same" },
  { key: "down", label: "Risk went down" },
  { key: "not-known", label: "Not known" },
];

export const riskLevels = (scope: Scope): Category[] => [
  ...scope.area.riskScale.levels.map((l) => ({ key: l.id, label: l.label })),
  { key: "not-recorded", label: "Not recorded" },
];

function byMonth(scope: Scope): ReportTable {
  const rows = scope.months.map((month) => {
    const of: MonthFigures[] = scope.figures.filter((f) => f.month === month);
    const row: Record<string, Cell> = {
      month: monthLabel(month),
      opened: null,
      closed: null,
      openAtEnd: null,
    };
    if (of.length === 0) return row;
    row.opened = of.reduce((a, f) => a + f.cohort.opened, 0);
    row.closed = totalOf(sumCounts(of.map((f) => f.cohort.closedByReason)));
    row.openAtEnd = of.reduce((a, f) => a + f.cohort.openAtEnd, 0);
    return row;
  });
  const blank = rows.some((r) => r.opened === null);
  return {
    id: "cohort-by-month",
    caption: "Cases opened, closed and open at the end of each month",
    columns: [
      { key: "month", label: "Month", kind: "label" },
      { key: "opened", label: "Opened", kind: "count" },
      { key: "closed", label: "Closed", kind: "count" },
      { key: "openAtEnd", label: "Open at the end of the month", kind: "count" },
    ],
    rows,
    hasTotal: false,
    notes: blank ? ["A month left blank has not been worked out yet."] : [],
  };
}

export function cohortSection(scope: Scope): ReportSection {
  const months = byMonth(scope);
  const closedByReason = summed(scope, (f) => f.cohort.closedByReason);
  const closed = countTable({
    id: "cohort-closed-by-reason",
    caption: "Cases closed by the decision that closed them",
    category: { key: "reason", label: "Decision" },
    categories: categoriesOf(CLOSING, closedByReason),
    values: [{ key: "cases", label: "Cases closed", counts: closedByReason }],
  });
  const last = lastMonths(scope);
  const atEntry = summed(scope, (f) => f.cohort.riskAtEntry);
  const atEnd = sumCounts(last.map((f) => f.cohort.riskAtEnd));
  const risk = countTable({
    id: "cohort-risk",
    caption: "Risk of cases on entry and at the end of the period",
    category: { key: "level", label: "Risk level" },
    categories: categoriesOf(riskLevels(scope), atEntry, atEnd),
    values: [
      { key: "atEntry", label: "Cases opened in the period, at entry", counts: atEntry },
      { key: "atEnd", label: "Cases open at the end", counts: atEnd },
    ],
  });
  const movementCounts = sumCounts(last.map((f) => f.cohort.movement));
  const movement = countTable({
    id: "cohort-movement",
    caption: "Cases open at the end of the period: risk then against risk on entry",
    category: { key: "movement", label: "Movement" },
    categories: categoriesOf(MOVEMENT, movementCounts),
    values: [{ key: "cases", label: "Cases", counts: movementCounts, withShare: true }],
  });

  const opened = added(scope, (f) => f.cohort.opened);
  const openAtEnd = last.reduce((a, f) => a + f.cohort.openAtEnd, 0);
  const summary = [`${opened} cases opened and ${totalOf(closedByReason)} closed in the period.`];
  if (last.length > 0) summary.push(`${openAtEnd} cases open at the end of the period.`);
  return {
    id: "cohort",
    title: "The cohort",
    summary,
    tables: [months, closed, risk, movement],
    charts: [
      chartOf(months, "line", ["opened", "closed", "openAtEnd"]),
      chartOf(closed, "bar", ["cases"]),
      chartOf(risk, "bar", ["atEntry", "atEnd"]),
      chartOf(movement, "bar", ["cases"]),
    ],
  };
}
