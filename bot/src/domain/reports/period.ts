import type { Month } from "./month-figures.js";
import type { Period, PeriodKind } from "./report.js";

// The periods a report covers, always whole calendar months: the panels meet in bi-monthly cycles
// (003), partnerships read quarters of the financial year (000 §15) and years (004's annual audit).

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A custom period longer than this is refused: a report reads one stored row per panel and month. */
export const LONGEST_PERIOD_MONTHS = 120;

interface YearMonth {
  year: number;
  month: number;
}

const ym = (text: string): YearMonth => ({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) });
const index = (m: YearMonth): number => m.year * 12 + (m.month - 1);
const fromIndex = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
const monthText = (m: YearMonth): Month => `${m.year}-${String(m.month).padStart(2, "0")}`;
const lastDay = (m: YearMonth): number => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** "October 2026". */
export const monthLabel = (month: string): string => {
  const m = ym(month);
  return `${MONTH_NAMES[m.month - 1]} ${m.year}`;
};

const WHOLE_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/;

/** What is wrong with a custom period, in words, or null when it can be reported. */
export function customPeriodProblem(from: string, to: string): string | null {
  if (!WHOLE_MONTH.test(from) || !WHOLE_MONTH.test(to))
    return "Give the period's first and last months as YYYY-MM, for example 2026-04 and 2026-09.";
  const months = index(ym(to)) - index(ym(from)) + 1;
  if (months < 1) return "The period ends before it starts: choose a last month on or after the first.";
  if (months > LONGEST_PERIOD_MONTHS)
    return `A report covers ${LONGEST_PERIOD_MONTHS / 12} years at most: choose a shorter period.`;
  return null;
}

function span(kind: PeriodKind, first: YearMonth, last: YearMonth, label: string): Period {
  const day = String(lastDay(last)).padStart(2, "0");
  return { kind, from: `${monthText(first)}-01`, to: `${monthText(last)}-${day}`, label };
}

const rangeLabel = (first: YearMonth, last: YearMonth): string =>
  index(first) === index(last)
    ? monthLabel(monthText(first))
    : `${monthLabel(monthText(first))} to ${monthLabel(monthText(last))}`;

/**
 * The period of a kind that contains `today` (an ISO date): the bi-monthly cycle (January and
 * February, March and April…), the quarter of the financial year starting in April, or the twelve
 * months ending with this one; a custom period runs from the first day of its first month to the
 * last day of its last.
 */
export function periodOf(kind: PeriodKind, today: string, custom?: { from: string; to: string }): Period {
  const now = ym(today);
  switch (kind) {
    case "cycle": {
      const first = { year: now.year, month: now.month - ((now.month - 1) % 2) };
      const last = { year: now.year, month: first.month + 1 };
      return span(kind, first, last, `${MONTH_NAMES[first.month - 1]} and ${monthLabel(monthText(last))}`);
    }
    case "quarter": {
      const startYear = now.month >= 4 ? now.year : now.year - 1;
      const quarter = Math.floor((index(now) - index({ year: startYear, month: 4 })) / 3) + 1;
      const first = fromIndex(index({ year: startYear, month: 4 }) + (quarter - 1) * 3);
      const last = fromIndex(index(first) + 2);
      const label = `Quarter ${quarter}, ${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
      return span(kind, first, last, label);
    }
    case "year": {
      const first = fromIndex(index(now) - 11);
      return span(kind, first, now, rangeLabel(first, now));
    }
    case "custom": {
      if (!custom) throw new Error("A custom period needs its first and last months.");
      const problem = customPeriodProblem(custom.from, custom.to);
      if (problem) throw new Error(problem);
      const first = ym(custom.from);
      const last = ym(custom.to);
      return span(kind, first, last, rangeLabel(first, last));
    }
  }
}

/** The months of a period, first to last. */
export function monthsIn(p: Period): Month[] {
  const months: Month[] = [];
  for (let i = index(ym(p.from)); i <= index(ym(p.to)); i++) months.push(monthText(fromIndex(i)));
  return months;
}
