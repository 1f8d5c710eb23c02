import express, { type NextFunction, type Request, type Response } from "express";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { z } from "zod";

// A strict local stand-in for the Microsoft Graph calendar endpoints the product uses. Graph itself
// cannot be reached from here, so this holds events in memory and refuses what Graph refuses:
// unknown properties, missing start or end, unknown time zones, a recurrence range that does not
// start on the event's date, relative patterns without their days or index. It pages instances as
// Graph does, and it can be told to answer with throttling or server errors.

export interface GraphFault {
  status: 429 | 500 | 502 | 503 | 504;
  retryAfterSeconds?: number;
  /** Carry out the request, then answer with the fault, as a gateway timing out after commit does. */
  afterCommit?: boolean;
  /** Only requests with this method meet the fault. */
  method?: "GET" | "POST" | "PATCH" | "DELETE";
}

export interface SentMessage {
  to: string;
  kind: "invitation" | "update" | "cancellation";
  eventId: string;
  subject: string;
  /** For an update or cancellation of one occurrence, its original local date. */
  occurrence?: string;
}

/** Whose tokens are accepted: an identity provider's issuer and its published (or given) keys. */
export type GraphTrust = { issuer: string; audience?: string } & (
  { jwksUri: string } | { jwks: JSONWebKeySet }
);

const WINDOWS_ZONES: Record<string, string> = {
  "GMT Standard Time": "Europe/London",
  UTC: "UTC",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Eastern Standard Time": "America/New_York",
  "Pacific Standard Time": "America/Los_Angeles",
};
const GRAPH_AUDIENCE = "https://graph.microsoft.com";
const PAGE_SIZE = 10;

class GraphRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

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
const NewEvent = z.strictObject(EventFields);
const EventChange = z.strictObject(EventFields).partial();
type NewEvent = z.infer<typeof NewEvent>;
const Cancel = z.strictObject({ comment: z.string().max(2000).optional() });

interface StoredEvent extends NewEvent {
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

function zoneOf(timeZone: string): string {
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

const toDateTime = (v: z.infer<typeof DateTimeTimeZone>): DateTime =>
  DateTime.fromISO(v.dateTime, { zone: zoneOf(v.timeZone) });

function refuseBody(issues: z.core.$ZodIssue[]): never {
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

function checkTimes(start: z.infer<typeof DateTimeTimeZone>, end: z.infer<typeof DateTimeTimeZone>): void {
  if (toDateTime(end) < toDateTime(start)) {
    throw new GraphRefusal(400, "ErrorInvalidRequest", "The end time of the event is before its start time.");
  }
}

function checkRecurrence(recurrence: Recurrence, start: z.infer<typeof DateTimeTimeZone>): void {
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
function patternDates(recurrence: Recurrence, until: string): string[] {
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

const occurrenceId = (masterId: string, date: string): string =>
  Buffer.from(JSON.stringify([masterId, date])).toString("base64url");
function parseOccurrenceId(id: string): [string, string] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(id, "base64url").toString());
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string"))
      return [parsed[0] as string, parsed[1] as string];
  } catch {
    return undefined;
  }
  return undefined;
}

function formatIn(dt: DateTime, timeZone: string): { dateTime: string; timeZone: string } {
  return { dateTime: dt.setZone(zoneOf(timeZone)).toFormat("yyyy-MM-dd'T'HH:mm:ss'.0000000'"), timeZone };
}

export async function startGraphServer(
  options: { trust?: GraphTrust; unlicensed?: string[]; port?: number } = {},
) {
  let trust = options.trust;
  let keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet> | undefined;
  const unlicensed = new Set(options.unlicensed ?? []);
  const events = new Map<string, StoredEvent>();
  const faults: GraphFault[] = [];
  const sent: SentMessage[] = [];
  const requests: { method: string; path: string; status: number }[] = [];

  const notify = (event: StoredEvent, kind: SentMessage["kind"], occurrence?: string): void => {
    for (const a of event.attendees ?? []) {
      sent.push({
        to: a.emailAddress.address,
        kind,
        eventId: event.id,
        subject: event.subject ?? "",
        ...(occurrence ? { occurrence } : {}),
      });
    }
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "1mb" }));
  app.use((req, res, next) => {
    res.once("finish", () => requests.push({ method: req.method, path: req.path, status: res.statusCode }));
    next();
  });

  // Faults are met before anything else, as a gateway in front of Graph would answer.
  app.use((req, res, next) => {
    const index = faults.findIndex((f) => !f.method || f.method === req.method);
    const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
    if (!fault) return next();
    const answer = (): void => {
      if (fault.retryAfterSeconds !== undefined) res.set("Retry-After", String(fault.retryAfterSeconds));
      res.status(fault.status).json({
        error: {
          code: fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable",
          message: fault.status === 429 ? "Too many requests." : "The service is temporarily unavailable.",
        },
      });
    };
    if (!fault.afterCommit) return answer();
    const realJson = res.json.bind(res);
    const realEnd = res.end.bind(res);
    res.json = () => {
      res.json = realJson;
      answer();
      return res;
    };
    res.end = (() => {
      res.end = realEnd;
      answer();
      return res;
    }) as typeof res.end;
    next();
  });

  // Who is calling: a user (delegated) may reach their own calendar; an app with the
  // Calendars.ReadWrite role may reach any mailbox it is allowed.
  const caller = async (req: Request): Promise<{ userId?: string; app: boolean }> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    if (!match?.[1] || !trust) {
      throw new GraphRefusal(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    keys ??= "jwks" in trust ? createLocalJWKSet(trust.jwks) : createRemoteJWKSet(new URL(trust.jwksUri));
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer: trust.issuer,
        audience: trust.audience ?? GRAPH_AUDIENCE,
      });
      const roles = Array.isArray(payload["roles"]) ? (payload["roles"] as string[]) : [];
      const scp = typeof payload["scp"] === "string" ? payload["scp"] : "";
      if (roles.includes("Calendars.ReadWrite")) return { app: true };
      if (!scp.split(" ").includes("Calendars.ReadWrite")) {
        throw new GraphRefusal(
          403,
          "ErrorAccessDenied",
          "Access is denied. Check credentials and try again.",
        );
      }
      return { userId: String(payload["oid"]), app: false };
    } catch (e) {
      if (e instanceof GraphRefusal) throw e;
      throw new GraphRefusal(
        401,
        "InvalidAuthenticationToken",
        `Access token validation failure: ${(e as Error).message}`,
      );
    }
  };

  const mailbox = async (req: Request): Promise<string> => {
    const who = await caller(req);
    const asked = req.params["user"];
    const user = asked === undefined ? who.userId : asked;
    if (!user)
      throw new GraphRefusal(400, "BadRequest", "/me is only valid with a delegated authentication flow.");
    if (!who.app && user !== who.userId) {
      throw new GraphRefusal(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    return user;
  };

  const find = (owner: string, id: string): { event: StoredEvent; occurrence?: string } => {
    const direct = events.get(id);
    if (direct && direct.owner === owner) return { event: direct };
    const parts = parseOccurrenceId(id);
    const master = parts ? events.get(parts[0]) : undefined;
    if (parts && master && master.owner === owner && master.recurrence) {
      const dates = patternDates(master.recurrence, parts[1]);
      if (dates.includes(parts[1]) && !master.cancelled.has(parts[1]))
        return { event: master, occurrence: parts[1] };
    }
    throw new GraphRefusal(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  };

  const prefer = (req: Request): string => {
    const m = /outlook\.timezone="([^"]+)"/.exec(req.get("prefer") ?? "");
    return m?.[1] ?? "UTC";
  };

  const present = (event: StoredEvent, timeZone: string) => ({
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

  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction): void => {
      fn(req, res).catch(next);
    };

  const createEvent = handle(async (req, res) => {
    const owner = await mailbox(req);
    const parsed = NewEvent.safeParse(req.body);
    if (!parsed.success) refuseBody(parsed.error.issues);
    const body = parsed.data;
    checkTimes(body.start, body.end);
    if (body.recurrence) checkRecurrence(body.recurrence, body.start);
    const existing = body.transactionId
      ? [...events.values()].find((e) => e.owner === owner && e.transactionId === body.transactionId)
      : undefined;
    if (existing) {
      res.status(201).json(present(existing, prefer(req)));
      return;
    }
    const id = randomUUID().replace(/-/g, "");
    const online = body.isOnlineMeeting === true && body.onlineMeetingProvider === "teamsForBusiness";
    const event: StoredEvent = {
      ...body,
      id,
      owner,
      iCalUId: `040000008200E00074C5B7101A82E008${id}`,
      createdDateTime: new Date().toISOString(),
      joinUrl:
        online && !unlicensed.has(owner)
          ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0`
          : null,
      exceptions: new Map(),
      cancelled: new Set(),
    };
    events.set(id, event);
    notify(event, "invitation");
    res.status(201).json(present(event, prefer(req)));
  });

  const getEvent = handle(async (req, res) => {
    const owner = await mailbox(req);
    const { event } = find(owner, String(req.params["id"]));
    res.json(present(event, prefer(req)));
  });

  const listInstances = handle(async (req, res) => {
    const owner = await mailbox(req);
    const { event, occurrence } = find(owner, String(req.params["id"]));
    if (occurrence || !event.recurrence) {
      throw new GraphRefusal(400, "ErrorInvalidRequest", "Instances can only be listed for a series master.");
    }
    const startText = req.query["startDateTime"] ?? req.query["StartDateTime"];
    const endText = req.query["endDateTime"] ?? req.query["EndDateTime"];
    if (typeof startText !== "string" || typeof endText !== "string") {
      throw new GraphRefusal(
        400,
        "ErrorInvalidParameter",
        "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
      );
    }
    const windowStart = DateTime.fromISO(startText, { zone: "UTC" });
    const windowEnd = DateTime.fromISO(endText, { zone: "UTC" });
    if (!windowStart.isValid || !windowEnd.isValid) {
      throw new GraphRefusal(
        400,
        "ErrorInvalidParameter",
        "StartDateTime or EndDateTime is not a valid date.",
      );
    }
    const zone = zoneOf(event.start.timeZone);
    const firstStart = toDateTime(event.start);
    const length = toDateTime(event.end).diff(firstStart);
    const timeZone = prefer(req);
    const instances = patternDates(event.recurrence, windowEnd.setZone(zone).plus({ days: 1 }).toISODate()!)
      .filter((date) => !event.cancelled.has(date))
      .map((date) => {
        const moved = event.exceptions.get(date);
        const start = moved
          ? toDateTime(moved.start)
          : DateTime.fromISO(`${date}T${firstStart.toFormat("HH:mm:ss")}`, { zone });
        const end = moved ? toDateTime(moved.end) : start.plus(length);
        return { date, start, end, moved: Boolean(moved) };
      })
      .filter((o) => o.end > windowStart && o.start < windowEnd)
      .map((o) => ({
        id: occurrenceId(event.id, o.date),
        seriesMasterId: event.id,
        type: o.moved ? "exception" : "occurrence",
        subject: event.subject ?? "",
        originalStart: DateTime.fromISO(`${o.date}T${firstStart.toFormat("HH:mm:ss")}`, { zone })
          .toUTC()
          .toISO(),
        start: formatIn(o.start, timeZone),
        end: formatIn(o.end, timeZone),
        isCancelled: false,
        isOnlineMeeting: event.isOnlineMeeting ?? false,
        onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
      }));
    const skip = Number(req.query["$skip"] ?? 0);
    const page = instances.slice(skip, skip + PAGE_SIZE);
    const more = skip + PAGE_SIZE < instances.length;
    const base = `${req.protocol}://${req.get("host")}${req.baseUrl}${req.path}`;
    res.json({
      value: page,
      ...(more
        ? {
            "@odata.nextLink": `${base}?startDateTime=${encodeURIComponent(startText)}&endDateTime=${encodeURIComponent(endText)}&$skip=${skip + PAGE_SIZE}`,
          }
        : {}),
    });
  });

  const updateEvent = handle(async (req, res) => {
    const owner = await mailbox(req);
    const { event, occurrence } = find(owner, String(req.params["id"]));
    const parsed = EventChange.safeParse(req.body);
    if (!parsed.success) refuseBody(parsed.error.issues);
    const change = parsed.data;
    if (occurrence) {
      const unsupported = Object.keys(change).filter((k) => !["start", "end", "subject", "body"].includes(k));
      if (unsupported.length) {
        throw new GraphRefusal(
          400,
          "ErrorInvalidRequest",
          `An occurrence cannot change ${unsupported.join(", ")}; change the series instead.`,
        );
      }
      const zone = zoneOf(event.start.timeZone);
      const firstStart = toDateTime(event.start);
      const current = event.exceptions.get(occurrence) ?? {
        start: formatIn(
          DateTime.fromISO(`${occurrence}T${firstStart.toFormat("HH:mm:ss")}`, { zone }),
          event.start.timeZone,
        ),
        end: formatIn(
          DateTime.fromISO(`${occurrence}T${firstStart.toFormat("HH:mm:ss")}`, { zone }).plus(
            toDateTime(event.end).diff(firstStart),
          ),
          event.start.timeZone,
        ),
      };
      const next = { start: change.start ?? current.start, end: change.end ?? current.end };
      checkTimes(next.start, next.end);
      // Exchange keeps a series in order: an occurrence may not reach the day of its neighbours.
      const dayOf = (date: string) => {
        const moved = event.exceptions.get(date);
        return moved ? toDateTime(moved.start).toISODate() : date;
      };
      const dates = patternDates(event.recurrence!, "9999-12-31").filter((d) => !event.cancelled.has(d));
      const position = dates.indexOf(occurrence);
      const newDay = toDateTime(next.start).toISODate() ?? "";
      const previous = position > 0 ? dayOf(dates[position - 1]!) : undefined;
      const following =
        position >= 0 && position < dates.length - 1 ? dayOf(dates[position + 1]!) : undefined;
      if ((previous && newDay <= previous) || (following && newDay >= following)) {
        throw new GraphRefusal(
          400,
          "ErrorOccurrenceCrossingBoundary",
          "Modified occurrence is crossing or overlapping adjacent occurrence.",
        );
      }
      event.exceptions.set(occurrence, next);
      notify(event, "update", occurrence);
      res.json({
        id: req.params["id"],
        seriesMasterId: event.id,
        type: "exception",
        start: formatIn(toDateTime(next.start), prefer(req)),
        end: formatIn(toDateTime(next.end), prefer(req)),
      });
      return;
    }
    const merged = { ...event, ...change };
    checkTimes(merged.start, merged.end);
    if (merged.recurrence) checkRecurrence(merged.recurrence, merged.start);
    Object.assign(event, change);
    const online = event.isOnlineMeeting === true && event.onlineMeetingProvider === "teamsForBusiness";
    event.joinUrl =
      online && !unlicensed.has(owner)
        ? (event.joinUrl ??
          `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${event.id}%40thread.v2/0`)
        : null;
    // A new pattern drops the old one's exceptions, as Outlook does.
    if (change.recurrence || change.start) {
      event.exceptions.clear();
      event.cancelled.clear();
    }
    notify(event, "update");
    res.json(present(event, prefer(req)));
  });

  const cancelEvent = handle(async (req, res) => {
    const owner = await mailbox(req);
    const { event, occurrence } = find(owner, String(req.params["id"]));
    const parsed = Cancel.safeParse(req.body ?? {});
    if (!parsed.success) refuseBody(parsed.error.issues);
    if (occurrence) {
      event.cancelled.add(occurrence);
      notify(event, "cancellation", occurrence);
    } else {
      // Cancelling a meeting removes it from the organiser's calendar, as Outlook does.
      events.delete(event.id);
      notify(event, "cancellation");
    }
    res.status(202).end();
  });

  const deleteEvent = handle(async (req, res) => {
    const owner = await mailbox(req);
    const { event, occurrence } = find(owner, String(req.params["id"]));
    if (occurrence) event.cancelled.add(occurrence);
    else events.delete(event.id);
    notify(event, "cancellation", occurrence);
    res.status(204).end();
  });

  for (const prefix of ["/v1.0/me", "/v1.0/users/:user"]) {
    app.post(`${prefix}/events`, createEvent);
    app.post(`${prefix}/calendar/events`, createEvent);
    app.get(`${prefix}/events/:id`, getEvent);
    app.get(`${prefix}/events/:id/instances`, listInstances);
    app.patch(`${prefix}/events/:id`, updateEvent);
    app.post(`${prefix}/events/:id/cancel`, cancelEvent);
    app.delete(`${prefix}/events/:id`, deleteEvent);
  }
  app.use((req, _res, next) =>
    next(
      new GraphRefusal(
        400,
        "BadRequest",
        `Resource not found for the segment '${req.path.split("/").pop()}'.`,
      ),
    ),
  );
  app.use((e: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (e instanceof GraphRefusal) {
      res.status(e.status).json({ error: { code: e.code, message: e.message } });
      return;
    }
    if (e instanceof SyntaxError) {
      res
        .status(400)
        .json({ error: { code: "BadRequest", message: "Unable to read JSON request payload." } });
      return;
    }
    res.status(500).json({ error: { code: "InternalServerError", message: (e as Error).message } });
  });

  const server = app.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Whose tokens to accept: the identity provider that signs them. */
    trust(next: GraphTrust): void {
      trust = next;
      keys = undefined;
    },
    /** The next matching requests are answered with these faults, in order. */
    inject(...next: GraphFault[]): void {
      faults.push(...next);
    },
    /** An organiser cancels one occurrence in Outlook, outside the product. */
    cancelInOutlook(seriesId: string, date: string): void {
      const event = events.get(seriesId);
      if (!event) throw new Error(`no event ${seriesId}`);
      event.cancelled.add(date);
      notify(event, "cancellation", date);
    },
    unlicense(userId: string): void {
      unlicensed.add(userId);
    },
    events(owner?: string) {
      return [...events.values()]
        .filter((e) => !owner || e.owner === owner)
        .map((e) => present(e, "GMT Standard Time"));
    },
    sent,
    requests,
    reset(): void {
      events.clear();
      faults.length = 0;
      sent.length = 0;
      requests.length = 0;
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type GraphServer = Awaited<ReturnType<typeof startGraphServer>>;
