import type { Request } from "express";
import { DateTime } from "luxon";
import { z } from "zod";
import { GraphRefusal } from "./shared.js";

// The calendar's rules, as Exchange Online applies them: what an event may hold, the time zones it
// knows, and the dates a recurrence pattern gives.

const WINDOWS_ZONES: Record<string, string> = {
  "GMT Standard Time": "Europe/London",
  UTC: "UTC",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Eastern Standard Time": "America/New_York",
  "Pacific Standard Time": "America/Los_Angeles",
};

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/, "is not a date and time");
const DateTimeTimeZone = z.strictObject({ dateTime: LocalDateTime, timeZone: z.string() });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Recurrence = z.strictObject({
  pattern: z.strictObject({
    type: z.enum([
      "daily",
      "weekly",
      "absoluteMonthly",
      "relativeMonthly",
      "absoluteYearly",
      "relativeYearly",
    ]),
    interval: z.number().int().min(1).max(99),
    month: z.number().int().min(0).max(12).optional(),
    dayOfMonth: z.number().int().min(0).max(31).optional(),
    daysOfWeek: z.array(z.enum(WEEKDAYS)).optional(),
    firstDayOfWeek: z.enum(WEEKDAYS).optional(),
    index: z.enum(["first", "second", "third", "fourth", "last"]).optional(),
  }),
  range: z.strictObject({
    type: z.enum(["endDate", "noEnd", "numbered"]),
    startDate: IsoDate,
    endDate: IsoDate.optional(),
    recurrenceTimeZone: z.string().optional(),
    numberOfOccurrences: z.number().int().min(0).optional(),
  }),
});
type Recurrence = z.infer<typeof Recurrence>;
const Attendee = z.strictObject({
  emailAddress: z.strictObject({ address: z.email(), name: z.string().optional() }),
  type: z.enum(["required", "optional", "resource"]),
});
const EventFields = {
  subject: z.string().max(255).optional(),
  body: z.strictObject({ contentType: z.enum(["text", "html"]), content: z.string() }).optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  recurrence: Recurrence.nullable().optional(),
  attendees: z.array(Attendee).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z
    .enum(["teamsForBusiness", "skypeForBusiness", "skypeForConsumer", "unknown"])
    .optional(),
  location: z.strictObject({ displayName: z.string() }).optional(),
  transactionId: z.string().max(200).optional(),
  allowNewTimeProposals: z.boolean().optional(),
  isReminderOn: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().int().optional(),
  responseRequested: z.boolean().optional(),
  showAs: z.enum(["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"]).optional(),
  sensitivity: z.enum(["normal", "personal", "private", "confidential"]).optional(),
  importance: z.enum(["low", "normal", "high"]).optional(),
  categories: z.array(z.string()).optional(),
};
export const NewEvent = z.strictObject(EventFields);
export const EventChange = z.strictObject(EventFields).partial();
export type NewEvent = z.infer<typeof NewEvent>;
export const Cancel = z.strictObject({ comment: z.string().max(2000).optional() });

export interface StoredEvent extends NewEvent {
  id: string;
  owner: string;
  iCalUId: string;
  createdDateTime: string;
  joinUrl: string | null;
  /** Occurrences moved to another time, by original local date. */
  exceptions: Map<string, { start: z.infer<typeof DateTimeTimeZone>; end: z.infer<typeof DateTimeTimeZone> }>;
  /** Occurrences cancelled, by original local date. */
  cancelled: Set<string>;
}

export function zoneOf(timeZone: string): string {
  const zone = WINDOWS_ZONES[timeZone];
  if (!zone) {
    throw new GraphRefusal(
      400,
      "TimeZoneNotSupportedException",
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${timeZone}'.`,
    );
  }
  return zone;
}

export const toDateTime = (v: z.infer<typeof DateTimeTimeZone>): DateTime =>
  DateTime.fromISO(v.dateTime, { zone: zoneOf(v.timeZone) });

export function refuseBody(issues: z.core.$ZodIssue[]): never {
  const unknown = issues.find((i) => i.code === "unrecognized_keys");
  if (unknown && unknown.code === "unrecognized_keys") {
    throw new GraphRefusal(
      400,
      "RequestBodyRead",
      `The property '${unknown.keys[0]}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  const first = issues[0];
  throw new GraphRefusal(
    400,
    "ErrorInvalidRequest",
    `Invalid request: ${first ? `${first.path.join(".")} ${first.message}` : "the body could not be read"}.`,
  );
}

export function checkTimes(
  start: z.infer<typeof DateTimeTimeZone>,
  end: z.infer<typeof DateTimeTimeZone>,
): void {
  if (toDateTime(end) < toDateTime(start)) {
    throw new GraphRefusal(400, "ErrorInvalidRequest", "The end time of the event is before its start time.");
  }
}

export function checkRecurrence(recurrence: Recurrence, start: z.infer<typeof DateTimeTimeZone>): void {
  const { pattern, range } = recurrence;
  if ((pattern.type === "relativeMonthly" || pattern.type === "weekly") && !pattern.daysOfWeek?.length) {
    throw new GraphRefusal(
      400,
      "ErrorPropertyValidationFailure",
      `The recurrence pattern of type '${pattern.type}' requires daysOfWeek.`,
    );
  }
  if (pattern.type === "relativeMonthly" && !pattern.index) {
    throw new GraphRefusal(
      400,
      "ErrorPropertyValidationFailure",
      "The recurrence pattern of type 'relativeMonthly' requires index.",
    );
  }
  if (pattern.type !== "relativeMonthly" && pattern.type !== "weekly") {
    throw new GraphRefusal(
      400,
      "ErrorInvalidRequest",
      `This local Graph stands in for the calendar calls the product makes; '${pattern.type}' is not one of them.`,
    );
  }
  if (range.startDate !== toDateTime(start).toISODate()) {
    throw new GraphRefusal(
      400,
      "ErrorInvalidRequest",
      "The start date of the recurrence range must be the same as the start date of the event.",
    );
  }
  if (range.type === "endDate" && (!range.endDate || range.endDate < range.startDate)) {
    throw new GraphRefusal(
      400,
      "ErrorInvalidRequest",
      "A recurrence range of type 'endDate' needs an endDate on or after its startDate.",
    );
  }
  if (range.type === "numbered" && !range.numberOfOccurrences) {
    throw new GraphRefusal(
      400,
      "ErrorInvalidRequest",
      "A numbered recurrence range needs numberOfOccurrences.",
    );
  }
  if (range.recurrenceTimeZone) zoneOf(range.recurrenceTimeZone);
}

/** Local dates of a series' occurrences, in order, up to `until`. */
export function patternDates(recurrence: Recurrence, until: string): string[] {
  const { pattern, range } = recurrence;
  const last = range.type === "endDate" && range.endDate && range.endDate < until ? range.endDate : until;
  const days = (pattern.daysOfWeek ?? [])
    .map((d) => (WEEKDAYS.indexOf(d) + 6) % 7) // luxon weekday - 1
    .sort();
  const dates: string[] = [];
  const begin = DateTime.fromISO(range.startDate, { zone: "UTC" });
  const limit = range.type === "numbered" ? (range.numberOfOccurrences ?? 0) : Infinity;
  if (pattern.type === "weekly") {
    const firstDay = (WEEKDAYS.indexOf(pattern.firstDayOfWeek ?? "sunday") + 6) % 7;
    let weekStart = begin.minus({ days: (begin.weekday - 1 - firstDay + 7) % 7 });
    while (weekStart.toISODate()! <= last && dates.length < limit) {
      for (let offset = 0; offset < 7; offset++) {
        const day = weekStart.plus({ days: offset });
        const iso = day.toISODate()!;
        if (days.includes(day.weekday - 1) && iso >= range.startDate && iso <= last && dates.length < limit)
          dates.push(iso);
      }
      weekStart = weekStart.plus({ weeks: pattern.interval });
    }
    return dates;
  }
  const nth = { first: 0, second: 1, third: 2, fourth: 3, last: -1 }[pattern.index ?? "first"];
  let month = begin.startOf("month");
  while (month.toISODate()! <= last && dates.length < limit) {
    const candidates: DateTime[] = [];
    for (let d = month; d.month === month.month; d = d.plus({ days: 1 })) {
      if (days.includes(d.weekday - 1)) candidates.push(d);
    }
    const chosen = nth === -1 ? candidates[candidates.length - 1] : candidates[nth];
    const iso = chosen?.toISODate();
    if (iso && iso >= range.startDate && iso <= last) dates.push(iso);
    month = month.plus({ months: pattern.interval });
  }
  return dates;
}

export const occurrenceId = (masterId: string, date: string): string =>
  Buffer.from(JSON.stringify([masterId, date])).toString("base64url");
export function parseOccurrenceId(id: string): [string, string] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(id, "base64url").toString());
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string"))
      return [parsed[0] as string, parsed[1] as string];
  } catch {
    return undefined;
  }
  return undefined;
}

export function formatIn(dt: DateTime, timeZone: string): { dateTime: string; timeZone: string } {
  return { dateTime: dt.setZone(zoneOf(timeZone)).toFormat("yyyy-MM-dd'T'HH:mm:ss'.0000000'"), timeZone };
}

/** The time zone a request asks answers in (Prefer: outlook.timezone), UTC by default. */
export const prefer = (req: Request): string => {
  const m = /outlook\.timezone="([^"]+)"/.exec(req.get("prefer") ?? "");
  return m?.[1] ?? "UTC";
};

/** An event as Graph answers with it. */
export const present = (event: StoredEvent, timeZone: string) => ({
  id: event.id,
  iCalUId: event.iCalUId,
  type: event.recurrence ? "seriesMaster" : "singleInstance",
  subject: event.subject ?? "",
  body: event.body ?? { contentType: "text", content: "" },
  start: formatIn(toDateTime(event.start), timeZone),
  end: formatIn(toDateTime(event.end), timeZone),
  recurrence: event.recurrence ?? null,
  attendees: (event.attendees ?? []).map((a) => ({
    ...a,
    status: { response: "none", time: "0001-01-01T00:00:00Z" },
  })),
  isOnlineMeeting: event.isOnlineMeeting ?? false,
  onlineMeetingProvider: event.onlineMeetingProvider ?? "unknown",
  onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
  isCancelled: false,
  transactionId: event.transactionId ?? null,
  createdDateTime: event.createdDateTime,
});
