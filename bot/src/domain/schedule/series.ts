import type { Catalogue } from "../catalogue/catalogue.js";
import type { Panel, Weekday } from "../catalogue/panel.js";
import { isBankHoliday, nextWorkingDay } from "./bank-holidays.js";
import { ruleDatesBetween } from "./occurrences.js";

// A panel's meetings as one recurring series, the way calendars hold them: a pattern over a date
// range, plus the occurrences a bank holiday moved or removed. Microsoft Graph's
// patternedRecurrence and iCalendar's RRULE are both written from this.

export type SeriesPattern =
  | {
      type: "relativeMonthly";
      interval: number;
      daysOfWeek: [Weekday];
      index: "first" | "second" | "third" | "fourth" | "last";
    }
  | { type: "weekly"; interval: number; daysOfWeek: [Weekday] };

export interface SeriesPlan {
  panelId: string;
  pattern: SeriesPattern;
  /** The first and last dates the pattern gives in the range, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  startTime: string;
  durationMinutes: number;
  timeZone: "Europe/London";
  /** Occurrences moved off a bank holiday: the date the pattern gives, and the date it moved to. */
  moved: { original: string; date: string }[];
  /** Occurrences left out because they fall on a bank holiday. */
  skipped: string[];
}

const INDEX = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" } as const;
const WEEKDAYS: Weekday[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The series for a panel's meetings from `from` to `to`, or null for a panel whose dates follow
 * other panels (a thresholding meeting before each district panel): those are single meetings.
 */
export function seriesFor(catalogue: Catalogue, panel: Panel, from: string, to: string): SeriesPlan | null {
  const cadence = panel.schedule.cadence;
  if (cadence.kind === "days-before-panels") return null;
  const dates = ruleDatesBetween(catalogue, panel, from, to);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return null;
  const pattern: SeriesPattern =
    cadence.kind === "monthly-nth-weekday"
      ? {
          type: "relativeMonthly",
          interval: cadence.intervalMonths,
          daysOfWeek: [cadence.weekday],
          index: INDEX[cadence.nth],
        }
      : {
          type: "weekly",
          interval: cadence.weeks,
          daysOfWeek: [WEEKDAYS[new Date(`${cadence.firstDate}T00:00:00Z`).getUTCDay()] ?? "monday"],
        };
  const policy = panel.schedule.bankHolidayPolicy;
  const holidays = policy === "keep" ? [] : dates.filter(isBankHoliday);
  return {
    panelId: panel.id,
    pattern,
    startDate: first,
    endDate: last,
    startTime: panel.schedule.startTime,
    durationMinutes: panel.schedule.durationMinutes,
    timeZone: panel.schedule.timeZone,
    moved:
      policy === "next-working-day" ? holidays.map((d) => ({ original: d, date: nextWorkingDay(d) })) : [],
    skipped: policy === "skip" ? holidays : [],
  };
}
