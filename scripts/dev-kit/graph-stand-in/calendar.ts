import type { Express, Request } from "express";
import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import {
  Cancel,
  checkRecurrence,
  checkTimes,
  EventChange,
  formatIn,
  NewEvent,
  occurrenceId,
  parseOccurrenceId,
  patternDates,
  prefer,
  present,
  refuseBody,
  toDateTime,
  zoneOf,
  type StoredEvent,
} from "./calendar-rules.js";
import type { chatsStandIn } from "./chats.js";
import { GraphRefusal, handle, type Authenticate } from "./shared.js";

// The calendar endpoints the product uses: events in memory, one owner's mailbox each, with the
// messages Exchange would send to attendees. Instances are paged as Graph pages them.

export interface SentMessage {
  to: string;
  kind: "invitation" | "update" | "cancellation";
  eventId: string;
  subject: string;
  /** For an update or cancellation of one occurrence, its original local date. */
  occurrence?: string;
}

const PAGE_SIZE = 10;

/**
 * A new online meeting's join link. Teams issues two kinds: the long meetup-join link, which names
 * the meeting's chat, and the short `/meet/<number>?p=<passcode>` link, which names no chat.
 */
function joinLinkOf(eventId: string, short: boolean): string {
  if (!short) return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${eventId}%40thread.v2/0`;
  // Thirteen digits from the event's id (hex, 48 bits at most), as Teams' meeting numbers run.
  const number = String(parseInt(eventId.slice(0, 12), 16) % 1e13).padStart(13, "2");
  return `https://teams.microsoft.com/meet/${number}?p=${eventId.slice(12, 22)}`;
}

export function calendarStandIn(
  app: Express,
  authenticate: Authenticate,
  chats: Pick<ReturnType<typeof chatsStandIn>, "open">,
  unlicensedAtStart: string[],
  shortLinksAtStart: string[],
) {
  const unlicensed = new Set(unlicensedAtStart);
  // Series whose subject holds one of these (a panel's name) are given short join links.
  const shortLinksFor = new Set(shortLinksAtStart);
  // Teams makes the online meeting's chat with its join link.
  const joinUrlFor = (event: { id: string; owner: string; subject?: string | null }): string => {
    const subject = event.subject ?? "";
    const joinUrl = joinLinkOf(
      event.id,
      [...shortLinksFor].some((s) => subject.includes(s)),
    );
    chats.open({ joinUrl, eventId: event.id, organiser: event.owner, subject });
    return joinUrl;
  };
  const events = new Map<string, StoredEvent>();
  const sent: SentMessage[] = [];

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

  // A user (delegated) may reach their own calendar; an app with the Calendars.ReadWrite role may
  // reach any mailbox it is allowed.
  const mailbox = async (req: Request): Promise<string> => {
    const who = await authenticate(req);
    const app = who.roles.includes("Calendars.ReadWrite");
    if (!app && !who.scopes.includes("Calendars.ReadWrite")) {
      throw new GraphRefusal(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    const asked = req.params["user"];
    const user = asked === undefined ? who.oid : asked;
    if (!user)
      throw new GraphRefusal(400, "BadRequest", "/me is only valid with a delegated authentication flow.");
    if (!app && user !== who.oid) {
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
      joinUrl: online && !unlicensed.has(owner) ? joinUrlFor({ id, owner, subject: body.subject }) : null,
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
    event.joinUrl = online && !unlicensed.has(owner) ? (event.joinUrl ?? joinUrlFor(event)) : null;
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

  return {
    sent,
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
    /** Series made from now on whose subject holds `subject` (a panel's name) get short join links. */
    issueShortJoinLinks(subject: string): void {
      shortLinksFor.add(subject);
    },
    events(owner?: string) {
      return [...events.values()]
        .filter((e) => !owner || e.owner === owner)
        .map((e) => present(e, "GMT Standard Time"));
    },
    reset(): void {
      events.clear();
      sent.length = 0;
    },
  };
}
