import { DateTime } from "luxon";
import type { Month } from "./month-figures.js";

// Calendar months in UK terms, as the figures run counts them: a referral made at 00:30 on
// 1 October, British Summer Time, belongs to October although it is still 30 September in UTC.

const ZONE = "Europe/London";

/** The month a UK calendar date (YYYY-MM-DD) falls in. */
export const monthOfDay = (day: string): Month => day.slice(0, 7);

/** The month `n` months after `month` (before it, when negative). */
export function addMonths(month: Month, n: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, inclusive, oldest first (none when `to` comes first). */
export function monthsFromTo(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

export const firstDayOf = (month: Month): string => `${month}-01`;

export const lastDayOf = (month: Month): string =>
  DateTime.fromISO(`${month}-01`, { zone: ZONE }).endOf("month").toISODate() ?? "";

/** The moment the month begins in the UK, as an ISO instant in UTC. */
export const monthStartsAt = (month: Month): string =>
  DateTime.fromISO(`${month}-01`, { zone: ZONE }).toUTC().toISO() ?? "";

/** The moment the next month begins: the end of `month`, exclusive. */
export const monthEndsAt = (month: Month): string => monthStartsAt(addMonths(month, 1));

/** Whole days from one date to a later one (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "October 2026", for progress and messages. */
export const monthName = (month: Month): string =>
  DateTime.fromISO(`${month}-01`, { zone: ZONE }).toFormat("LLLL yyyy");
