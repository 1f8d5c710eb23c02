import { DateTime } from "luxon";

// Calendar dates as the product uses them: YYYY-MM-DD, in UK (Europe/London) terms.

/** The UK calendar date at a moment. */
export const localDay = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: "Europe/London" }).toISODate() ?? "";

/** The date `days` after `isoDate` (before it, when negative). */
export const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The hour of the day in the UK at a moment. */
export const localHour = (at: Date): number => DateTime.fromJSDate(at, { zone: "Europe/London" }).hour;

/** "21 January 2027". */
export const dayInWords = (isoDate: string): string =>
  DateTime.fromISO(isoDate, { zone: "Europe/London" }).toFormat("d LLLL yyyy");
