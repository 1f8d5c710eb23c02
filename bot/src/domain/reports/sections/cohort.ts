import { DECISION_LABELS } from "../../decisions/decision.js";
import type { MonthFigures } from "../month-figures.js";
import { monthLabel } from "../period.js";
import { sumCounts, totalOf } from "../statistics.js";
import {
  columnSums,
  figure,
  said,
  type DraftCell,
  type DraftTable,
  type SectionDraft,
  type Sum,
} from "./draft.js";
import { added, lastMonths, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable, type Category } from "./tables.js";

// The cohort over time (002 volume of cases): cases opened and closed month by month, why they
// closed, and their risk on entry against their risk at the end of the period.

const OPENED = "cohort:opened";
const CLOSED = "cohort:closed";
const OPEN_AT_END = "cohort:open-at-end";
const ofMonth = (id: string, month: string) => `${id}/month:${month}`;

/** The decisions that take a case out of the cohort: an escalation keeps it open. */
const CLOSING: Category[] = (["remove", "transfer"] as const).map((k) => ({
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

function byMonth(scope: Scope): DraftTable {
  const rows = scope.months.map((month) => {
    const of: MonthFigures[] = scope.figures.filter((f) => f.month === month);
    const row: Record<string, DraftCell> = {
      month: monthLabel(month),
      opened: null,
      closed: null,
      openAtEnd: null,
    };
    if (of.length === 0) return row;
    row.opened = figure(
      ofMonth(OPENED, month),
      of.reduce((a, f) => a + f.cohort.opened, 0),
    );
    row.closed = figure(ofMonth(CLOSED, month), totalOf(sumCounts(of.map((f) => f.cohort.closedByReason))));
    row.openAtEnd = figure(
      ofMonth(OPEN_AT_END, month),
      of.reduce((a, f) => a + f.cohort.openAtEnd, 0),
    );
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

/**
 * The period's cases opened and closed are its months' added up; when every panel's last month is
 * the same, the cases open at the end are that month's.
 */
function sumsOverMonths(scope: Scope, last: MonthFigures[]): Sum[] {
  const worked = scope.months.filter((m) => scope.figures.some((f) => f.month === m));
  const sums = [OPENED, CLOSED].map((whole) => ({ whole, parts: worked.map((m) => ofMonth(whole, m)) }));
  const ends = [...new Set(last.map((f) => f.month))];
  if (ends.length === 1 && ends[0]) sums.push({ whole: OPEN_AT_END, parts: [ofMonth(OPEN_AT_END, ends[0])] });
  return sums;
}

export function cohortSection(scope: Scope): SectionDraft {
  const months = byMonth(scope);
  const closedByReason = summed(scope, (f) => f.cohort.closedByReason);
  const closed = countTable({
    id: "cohort-closed-by-reason",
    caption: "Cases closed by the decision that closed them",
    category: { key: "reason", label: "Decision" },
    by: "reason",
    categories: categoriesOf(CLOSING, closedByReason),
    values: [{ key: "cases", label: "Cases closed", figure: CLOSED, counts: closedByReason }],
  });
  const last = lastMonths(scope);
  const atEntry = summed(scope, (f) => f.cohort.riskAtEntry);
  const atEnd = sumCounts(last.map((f) => f.cohort.riskAtEnd));
  const risk = countTable({
    id: "cohort-risk",
    caption: "Risk of cases on entry and at the end of the period",
    category: { key: "level", label: "Risk level" },
    by: "level",
    categories: categoriesOf(riskLevels(scope), atEntry, atEnd),
    values: [
      { key: "atEntry", label: "Cases opened in the period, at entry", figure: OPENED, counts: atEntry },
      { key: "atEnd", label: "Cases open at the end", figure: OPEN_AT_END, counts: atEnd },
    ],
  });
  const movementCounts = sumCounts(last.map((f) => f.cohort.movement));
  const movement = countTable({
    id: "cohort-movement",
    caption: "Cases open at the end of the period: risk then against risk on entry",
    category: { key: "movement", label: "Movement" },
    by: "movement",
    categories: categoriesOf(MOVEMENT, movementCounts),
    values: [{ key: "cases", label: "Cases", figure: OPEN_AT_END, counts: movementCounts, withShare: true }],
  });

  const opened = added(scope, (f) => f.cohort.opened);
  const openAtEnd = last.reduce((a, f) => a + f.cohort.openAtEnd, 0);
  return {
    id: "cohort",
    title: "The cohort",
    tables: [months, closed, risk, movement],
    sums: [...[closed, risk, movement].flatMap(columnSums), ...sumsOverMonths(scope, last)],
    facts: [figure(OPENED, opened), figure(OPEN_AT_END, openAtEnd)],
    summary: (n) => [
      said`${n(OPENED)} cases opened and ${n(CLOSED)} closed in the period.`,
      last.length > 0 ? said`${n(OPEN_AT_END)} cases open at the end of the period.` : null,
    ],
    charts: [
      chartOf(months, "line", ["opened", "closed", "openAtEnd"]),
      chartOf(closed, "bar", ["cases"]),
      chartOf(risk, "bar", ["atEntry", "atEnd"]),
      chartOf(movement, "bar", ["cases"]),
    ],
  };
}
