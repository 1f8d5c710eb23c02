import { DateTime } from "luxon";
import { z } from "zod";
import {
  CalendarProblem,
  type CalendarOccurrence,
  type Invitee,
  type SeriesRequest,
  type SlotInvite,
  type TeamsCalendar,
} from "../../application/ports/teams-calendar.js";
import { GraphConnection, type GraphConnectionOptions, type GraphFailure } from "./graph-client.js";

// The organiser's calendar through Microsoft Graph, over the shared connection (graph-client.ts):
// the same base URL, token and retry handler as every Graph call.

/** Graph writes UK wall-clock times in this zone (DESIGN.md §3). */
const GRAPH_ZONE = "GMT Standard Time";
const LONDON = "Europe/London";

const GraphDateTime = z.object({ dateTime: z.string(), timeZone: z.string() });
const OnlineMeeting = z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional();
const CreatedEvent = z.object({ id: z.string().min(1), onlineMeeting: OnlineMeeting });
const InstancePage = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      originalStart: z.string().nullable().optional(),
      start: GraphDateTime,
      end: GraphDateTime,
      isCancelled: z.boolean().optional(),
      onlineMeeting: OnlineMeeting,
    }),
  ),
  "@odata.nextLink": z.string().optional(),
});

/** "2026-12-03T09:30:00+00:00" → Graph's local date-time in UK time. */
function graphTime(iso: string): { dateTime: string; timeZone: string } {
  return {
    dateTime: DateTime.fromISO(iso, { setZone: true }).setZone(LONDON).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    timeZone: GRAPH_ZONE,
  };
}

/** Graph's answer in GMT Standard Time (we ask for it with Prefer) → ISO 8601 with offset. */
function fromGraph(value: z.infer<typeof GraphDateTime>): string {
  const zone = value.timeZone === GRAPH_ZONE ? LONDON : "UTC";
  return DateTime.fromISO(value.dateTime, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}

const attendee = (a: Invitee) => ({
  emailAddress: { address: a.email, name: a.name },
  type: "required" as const,
});

function problemFrom(failure: GraphFailure, organiserName: string): CalendarProblem {
  switch (failure.kind) {
    case "no-consent":
      return new CalendarProblem(
        "sign-in",
        "Microsoft 365 did not give MACE panels access to the calendar. Close the tab, open it again and retry; if it happens again, ask your IT team to grant the app the Calendars.ReadWrite permission.",
        failure.detail,
      );
    case "no-token":
      return new CalendarProblem("sign-in", "Microsoft 365 gave no access token. Sign in again.");
    case "unexpected-answer":
      return new CalendarProblem(
        "rejected",
        "Microsoft 365 answered in a way MACE panels did not expect, so nothing more was changed. Tell your MACE panels administrator.",
        failure.detail,
      );
    case "unreachable":
      return new CalendarProblem(
        "unavailable",
        "Microsoft 365 could not be reached. Try again in a few minutes; trying again will not create a second series.",
      );
  }
  if (failure.code === "MailboxNotEnabledForRESTAPI" || failure.code === "ResourceNotFound") {
    return new CalendarProblem(
      "no-mailbox",
      `${organiserName} has no Exchange Online mailbox, so the meetings cannot be put in their calendar. Ask your IT team to give them one, or to set another organiser.`,
    );
  }
  switch (failure.kind) {
    case "sign-in":
      return new CalendarProblem(
        "sign-in",
        "Microsoft 365 did not accept the sign-in for the calendar. Close the tab, open it again and retry.",
        failure.detail,
      );
    case "no-access":
      return new CalendarProblem(
        "no-access",
        `Microsoft 365 refused access to ${organiserName}'s calendar. Only the organiser can change these meetings, unless your IT team has given MACE panels access to that mailbox.`,
      );
    case "not-found":
      return new CalendarProblem(
        "not-found",
        "That meeting is no longer in the organiser's calendar; it may have been deleted in Outlook. Schedule the panel again to put it back.",
      );
    case "busy":
      return new CalendarProblem(
        "busy",
        "Microsoft 365 is busy and asked MACE panels to slow down. Try again in a few minutes; trying again will not create a second series.",
      );
    case "unavailable":
      return new CalendarProblem(
        "unavailable",
        "Microsoft 365 did not answer. Try again in a few minutes; trying again will not create a second series.",
      );
    case "refused":
      return new CalendarProblem(
        "rejected",
        "Microsoft 365 refused the calendar change. Tell your MACE panels administrator, who can see the reason in the service's log.",
        failure.detail,
      );
  }
}

export interface GraphCalendarOptions extends GraphConnectionOptions {
  organiser: { id: string; name: string };
}

export class GraphCalendar implements TeamsCalendar {
  readonly organiser: { id: string; name: string };
  private readonly graph: GraphConnection;
  private readonly client: GraphConnection["client"];
  private readonly mailbox: string;

  constructor(options: GraphCalendarOptions) {
    this.organiser = options.organiser;
    this.graph = new GraphConnection(options);
    this.client = this.graph.client;
    this.mailbox = `/users/${encodeURIComponent(options.organiser.id)}`;
  }

  private call<T>(work: () => Promise<T>): Promise<T> {
    return this.graph.call(work, (failure) => problemFrom(failure, this.organiser.name));
  }

  private seriesBody(request: SeriesRequest) {
    const { plan } = request;
    const start = DateTime.fromISO(`${plan.startDate}T${plan.startTime}`, { zone: LONDON });
    const end = start.plus({ minutes: plan.durationMinutes });
    return {
      subject: request.subject,
      body: { contentType: "text" as const, content: request.body },
      start: graphTime(start.toISO() ?? ""),
      end: graphTime(end.toISO() ?? ""),
      recurrence: {
        pattern:
          plan.pattern.type === "relativeMonthly"
            ? {
                type: "relativeMonthly" as const,
                interval: plan.pattern.interval,
                daysOfWeek: plan.pattern.daysOfWeek,
                index: plan.pattern.index,
              }
            : {
                type: "weekly" as const,
                interval: plan.pattern.interval,
                daysOfWeek: plan.pattern.daysOfWeek,
                firstDayOfWeek: "monday" as const,
              },
        range: {
          type: "endDate" as const,
          startDate: plan.startDate,
          endDate: plan.endDate,
          recurrenceTimeZone: GRAPH_ZONE,
        },
      },
      attendees: request.attendees.map(attendee),
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness" as const,
      allowNewTimeProposals: false,
      responseRequested: true,
    };
  }

  async createSeries(request: SeriesRequest): Promise<{ seriesId: string; joinUrl: string | null }> {
    const created = await this.call(async () =>
      CreatedEvent.parse(
        await this.client
          .api(`${this.mailbox}/events`)
          .header("Prefer", `outlook.timezone="${GRAPH_ZONE}"`)
          .post({ ...this.seriesBody(request), transactionId: request.transactionId }),
      ),
    );
    return { seriesId: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? null };
  }

  async updateSeries(seriesId: string, request: SeriesRequest): Promise<{ joinUrl: string | null }> {
    const updated = await this.call(async () =>
      CreatedEvent.parse(
        await this.client
          .api(`${this.mailbox}/events/${encodeURIComponent(seriesId)}`)
          .header("Prefer", `outlook.timezone="${GRAPH_ZONE}"`)
          .patch(this.seriesBody(request)),
      ),
    );
    return { joinUrl: updated.onlineMeeting?.joinUrl ?? null };
  }

  async occurrences(seriesId: string, from: string, to: string): Promise<CalendarOccurrence[]> {
    const startDateTime = DateTime.fromISO(from, { zone: LONDON }).toUTC().toISO() ?? "";
    const endDateTime = DateTime.fromISO(to, { zone: LONDON }).plus({ days: 1 }).toUTC().toISO() ?? "";
    const found: CalendarOccurrence[] = [];
    let path: string | undefined =
      `${this.mailbox}/events/${encodeURIComponent(seriesId)}/instances?startDateTime=${encodeURIComponent(startDateTime)}&endDateTime=${encodeURIComponent(endDateTime)}&$select=id,start,end,originalStart,isCancelled,onlineMeeting`;
    // Graph pages instances (ten at a time by default); follow every next link.
    for (let pages = 0; path && pages < 100; pages++) {
      const current: string = path;
      const page = await this.call(async () =>
        InstancePage.parse(
          await this.client
            .api(this.graph.relative(current))
            .header("Prefer", `outlook.timezone="${GRAPH_ZONE}"`)
            .get(),
        ),
      );
      for (const item of page.value) {
        if (item.isCancelled) continue;
        const start = fromGraph(item.start);
        const original = item.originalStart
          ? DateTime.fromISO(item.originalStart, { zone: "UTC" }).setZone(LONDON).toISODate()
          : DateTime.fromISO(start, { setZone: true }).setZone(LONDON).toISODate();
        found.push({
          occurrenceId: item.id,
          originalDate: original ?? "",
          start,
          end: fromGraph(item.end),
          joinUrl: item.onlineMeeting?.joinUrl ?? null,
        });
      }
      path = page["@odata.nextLink"];
    }
    return found;
  }

  async moveOccurrence(occurrenceId: string, start: string, end: string): Promise<void> {
    await this.call(() =>
      this.client
        .api(`${this.mailbox}/events/${encodeURIComponent(occurrenceId)}`)
        .patch({ start: graphTime(start), end: graphTime(end) }),
    );
  }

  async cancelOccurrence(occurrenceId: string, comment: string): Promise<void> {
    await this.call(() =>
      this.client.api(`${this.mailbox}/events/${encodeURIComponent(occurrenceId)}/cancel`).post({ comment }),
    );
  }

  async withdrawSlotInvite(eventId: string, comment: string): Promise<void> {
    try {
      await this.cancelOccurrence(eventId, comment);
    } catch (e) {
      // Already gone from the organiser's calendar: there is nothing left to withdraw.
      if (e instanceof CalendarProblem && e.kind === "not-found") return;
      throw e;
    }
  }

  async inviteToSlot(invite: SlotInvite): Promise<{ eventId: string }> {
    const created = await this.call(async () =>
      CreatedEvent.parse(
        await this.client.api(`${this.mailbox}/events`).post({
          subject: invite.subject,
          body: { contentType: "text", content: invite.body },
          start: graphTime(invite.start),
          end: graphTime(invite.end),
          attendees: invite.attendees.map(attendee),
          location: { displayName: "Microsoft Teams meeting" },
          isOnlineMeeting: false,
          allowNewTimeProposals: false,
          transactionId: invite.transactionId,
        }),
      ),
    );
    return { eventId: created.id };
  }
}
