import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";
import type { CalendarSeries } from "../../application/scheduling/calendar-file.js";

// iCalendar files, for partnerships without Microsoft Graph: the series as one event with an
// RRULE (moved occurrences as overrides, skipped ones as exceptions), and single events.
// Times go to ical-generator as Luxon values: it writes a JavaScript Date in the machine's own
// zone, which on a UTC server puts summer meetings an hour early.

const BYDAY = {
  monday: ICalWeekday.MO,
  tuesday: ICalWeekday.TU,
  wednesday: ICalWeekday.WE,
  thursday: ICalWeekday.TH,
  friday: ICalWeekday.FR,
  saturday: ICalWeekday.SA,
  sunday: ICalWeekday.SU,
};
const POSITION = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

const at = (date: string, time: string): DateTime =>
  DateTime.fromISO(`${date}T${time}`, { zone: "Europe/London" });

const calendarFor = (name: string) =>
  ical({
    name,
    prodId: { company: "MACE panels", product: "panel schedule", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // With the VTIMEZONE written out, clients that do not know IANA names (Outlook) read BST/GMT right.
    timezone: { name: "Europe/London", generator: getVtimezoneComponent },
  });

/**
 * RFC 5545 wants DTSTAMP, and UNTIL beside a DTSTART with a TZID, in UTC; ical-generator writes
 * them in the calendar's zone. Rewrite those two from London time to UTC.
 */
function withUtcStamps(text: string): string {
  const toUtc = (local: string): string =>
    DateTime.fromFormat(local, "yyyyLLdd'T'HHmmss", { zone: "Europe/London" })
      .toUTC()
      .toFormat("yyyyLLdd'T'HHmmss'Z'");
  return text
    .replace(/^DTSTAMP:(\d{8}T\d{6})$/gm, (_m, local: string) => `DTSTAMP:${toUtc(local)}`)
    .replace(/;UNTIL=(\d{8}T\d{6})(?=[;\r\n])/g, (_m, local: string) => `;UNTIL=${toUtc(local)}`);
}

/**
 * The series as one event under its stable UID: the rule, its cancelled meetings as exceptions
 * (EXDATE), and each moved meeting as an override of the date the rule gives (RECURRENCE-ID).
 */
export function seriesCalendar(
  series: CalendarSeries,
  details: { title: string; description: string },
): string {
  const { plan } = series;
  const calendar = calendarFor(details.title);
  const start = at(plan.startDate, plan.startTime);
  const p = plan.pattern;
  const excluded = [...plan.skipped, ...series.cancelled].sort();
  calendar.createEvent({
    id: series.uid,
    start,
    end: start.plus({ minutes: plan.durationMinutes }),
    timezone: plan.timeZone,
    summary: details.title,
    description: details.description,
    repeating: {
      freq: p.type === "relativeMonthly" ? ICalEventRepeatingFreq.MONTHLY : ICalEventRepeatingFreq.WEEKLY,
      interval: p.interval,
      byDay: [BYDAY[p.daysOfWeek[0]]],
      ...(p.type === "relativeMonthly" ? { bySetPos: [POSITION[p.index]] } : {}),
      until: at(plan.endDate, plan.startTime),
      ...(excluded.length ? { exclude: excluded.map((d) => at(d, plan.startTime)) } : {}),
    },
  });
  for (const move of series.moved) {
    const original = at(move.original, plan.startTime);
    calendar.createEvent({
      id: series.uid,
      recurrenceId: original,
      start: DateTime.fromISO(move.start, { setZone: true }),
      end: DateTime.fromISO(move.end, { setZone: true }),
      timezone: plan.timeZone,
      summary: details.title,
      description: `${details.description}\nMoved from ${original.toFormat("cccc d LLLL")}${move.note ? `: ${move.note}` : "."}`,
    });
  }
  return withUtcStamps(calendar.toString());
}

/** Single events: meetings that follow other panels, or a presenter's own slot. */
export function meetingsCalendar(
  title: string,
  meetings: { uid: string; start: string; end: string; summary: string; description: string }[],
): string {
  const calendar = calendarFor(title);
  for (const m of meetings) {
    calendar.createEvent({
      id: m.uid,
      start: DateTime.fromISO(m.start, { setZone: true }),
      end: DateTime.fromISO(m.end, { setZone: true }),
      timezone: "Europe/London",
      summary: m.summary,
      description: m.description,
    });
  }
  return withUtcStamps(calendar.toString());
}
