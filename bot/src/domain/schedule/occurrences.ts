import { DateTime } from "luxon";
import rrule, { type Weekday as RRuleWeekday } from "rrule";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { Cadence, Panel, Weekday } from "../catalogue/panel.js";
import { isBankHoliday, nextWorkingDay } from "./bank-holidays.js";
import { addDays, localDay } from "./dates.js";

/** One meeting that a panel's cadence produces, in Europe/London wall-clock time. */
export interface Occurrence {
  panelId: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** ISO 8601 with the UTC offset in force that day (BST or GMT). */
  start: string;
  end: string;
}

// rrule ships CommonJS to Node: its named exports come through the default export.
const { RRule } = rrule;

const RRULE_DAYS: Record<Weekday, RRuleWeekday> = {
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
  sunday: RRule.SU,
};

// rrule works on "floating" dates: local calendar dates carried as UTC midnights.
const toFloating = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);
const fromFloating = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The rule, started at its last meeting period on or before `from` rather than at its first: rrule
 * walks every period from its start, so a rule begun years ago would cost more every year.
 */
function ruleFor(
  cadence: Exclude<Cadence, { kind: "days-before-panels" }>,
  from: string,
): InstanceType<typeof RRule> {
  if (cadence.kind === "monthly-nth-weekday") {
    const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    const first = monthOf(cadence.firstMonth);
    const elapsed = Math.max(0, monthOf(from) - first);
    const start = first + elapsed - (elapsed % cadence.intervalMonths);
    const month = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}`;
    return new RRule({
      freq: RRule.MONTHLY,
      interval: cadence.intervalMonths,
      byweekday: [RRULE_DAYS[cadence.weekday].nth(cadence.nth)],
      dtstart: toFloating(`${month}-01`),
    });
  }
  const period = cadence.weeks * 7;
  const elapsed = Math.max(0, Math.floor((Date.parse(from) - Date.parse(cadence.firstDate)) / 86_400_000));
  const start = addDays(cadence.firstDate, elapsed - (elapsed % period));
  return new RRule({ freq: RRule.WEEKLY, interval: cadence.weeks, dtstart: toFloating(start) });
}

// A date moved off a bank holiday lands at most this many days later (Christmas and New Year).
const LONGEST_MOVE_DAYS = 7;

/** The rule's dates with the panel's bank holiday policy applied: moved, skipped or kept. */
// The dates a rule gives and each meeting's times depend only on the panel's configuration, which
// does not change while the service runs: they are worked out once per panel and range, and kept
// (frozen, at most a few thousand per panel) instead of being worked out again on every request.
const remembered = new WeakMap<object, Map<string, unknown>>();
function remember<T>(panel: object, key: string, make: () => T): T {
  let kept = remembered.get(panel);
  if (!kept) remembered.set(panel, (kept = new Map()));
  if (kept.has(key)) return kept.get(key) as T;
  const value = Object.freeze(make());
  if (kept.size >= 4000) kept.clear();
  kept.set(key, value);
  return value;
}

function localDatesBetween(catalogue: Catalogue, panel: Panel, from: string, to: string): readonly string[] {
  return remember(panel, `dates|${from}|${to}`, () => workOutLocalDates(catalogue, panel, from, to));
}

function workOutLocalDates(catalogue: Catalogue, panel: Panel, from: string, to: string): string[] {
  const policy = panel.schedule.bankHolidayPolicy;
  const dates = ruleDatesBetween(
    catalogue,
    panel,
    policy === "next-working-day" ? addDays(from, -LONGEST_MOVE_DAYS) : from,
    to,
  );
  const kept =
    policy === "keep"
      ? dates
      : policy === "skip"
        ? dates.filter((d) => !isBankHoliday(d))
        : dates.map((d) => (isBankHoliday(d) ? nextWorkingDay(d) : d));
  return [...new Set(kept)].filter((d) => d >= from && d <= to).sort();
}

/** The dates the cadence alone gives, before the bank holiday policy. */
export function ruleDatesBetween(catalogue: Catalogue, panel: Panel, from: string, to: string): string[] {
  const cadence = panel.schedule.cadence;
  if (cadence.kind === "days-before-panels") {
    const dates = new Set<string>();
    for (const targetId of cadence.panelIds) {
      const target = catalogue.panels.get(targetId);
      if (!target) continue;
      const shifted = localDatesBetween(
        catalogue,
        target,
        addDays(from, cadence.daysBefore),
        addDays(to, cadence.daysBefore),
      );
      for (const d of shifted) dates.add(addDays(d, -cadence.daysBefore));
    }
    return [...dates].sort();
  }
  return ruleFor(cadence, from).between(toFloating(from), toFloating(to), true).map(fromFloating);
}

export function occurrenceOn(panel: Panel & { id: string }, date: string): Occurrence {
  return remember(panel, `on|${date}`, () => workOutOccurrence(panel, date));
}

function workOutOccurrence(panel: Panel & { id: string }, date: string): Occurrence {
  const start = DateTime.fromISO(`${date}T${panel.schedule.startTime}`, { zone: panel.schedule.timeZone });
  const end = start.plus({ minutes: panel.schedule.durationMinutes });
  return {
    panelId: panel.id,
    date,
    start: start.toISO({ suppressMilliseconds: true }) ?? "",
    end: end.toISO({ suppressMilliseconds: true }) ?? "",
  };
}

/** The meetings a panel's rule produces with local dates from `from` to `to` inclusive (YYYY-MM-DD). */
export function occurrencesBetween(
  catalogue: Catalogue,
  panelId: string,
  from: string,
  to: string,
): Occurrence[] {
  const panel = catalogue.panels.get(panelId);
  if (!panel) throw new Error(`Unknown panel "${panelId}"`);
  return localDatesBetween(catalogue, panel, from, to).map((date) => occurrenceOn(panel, date));
}

/** The next `count` meetings that have not yet ended at `now`. */
export function nextOccurrences(
  catalogue: Catalogue,
  panelId: string,
  now: Date,
  count: number,
): Occurrence[] {
  const today = localDay(now);
  const panel = catalogue.panels.get(panelId);
  if (!panel) throw new Error(`Unknown panel "${panelId}"`);
  const found: Occurrence[] = [];
  // Look ahead a year at a time; every cadence in the catalogue sits at least once a quarter.
  // Only the dates are worked out for the whole year: times, with their UK offset, for those kept.
  for (let window = 0; window < 3 && found.length < count; window++) {
    const from = addDays(today, window * 366);
    for (const date of localDatesBetween(catalogue, panel, from, addDays(from, 365))) {
      if (found.length === count) break;
      const o = occurrenceOn(panel, date);
      if (new Date(o.end) > now) found.push(o);
    }
  }
  return found;
}
