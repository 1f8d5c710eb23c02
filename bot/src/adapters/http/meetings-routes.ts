import { Router, type Request } from "express";
import type { Logger } from "pino";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { MeetingScheduler } from "../../application/scheduling/meeting-scheduler.js";
import { meetingsCalendar, seriesCalendar } from "../calendar/ics.js";
import { CalendarProblem } from "../../application/ports/teams-calendar.js";
import type { CalendarAccess } from "../graph/calendar-access.js";
import { signedIn } from "./authenticate.js";
import {
  CancelMeeting,
  MeetingId,
  MeetingRange,
  MoveMeeting,
  type MeetingChangeResponse,
  type MeetingsResponse,
  type ScheduleResponse,
} from "./contract/index.js";
import { HttpProblem } from "./errors.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";
import type { Directory } from "../../application/ports/directory.js";

const CALENDAR_STATUS: Record<CalendarProblem["kind"], number> = {
  "sign-in": 403,
  "no-access": 403,
  "no-teams-licence": 409,
  "no-mailbox": 409,
  busy: 503,
  unavailable: 502,
  rejected: 502,
  "not-found": 404,
};

/** Calendar errors become problems written for the coordinator; Graph's own words go to the log. */
const plainly =
  (log: Logger) =>
  async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof CalendarProblem) {
        log.warn({ kind: e.kind, detail: e.detail }, "calendar request failed");
        throw new HttpProblem(CALENDAR_STATUS[e.kind], `calendar-${e.kind}`, e.message);
      }
      throw e;
    }
  };

export function meetingsRoutes(deps: {
  catalogue: Catalogue;
  directory: Directory;
  scheduler: MeetingScheduler;
  calendarAccess: CalendarAccess | undefined;
  log: Logger;
}): Router {
  const { catalogue, scheduler } = deps;
  const router = Router();

  const panelFor = panelAccess(catalogue, deps.directory);
  const calendarCall = plainly(deps.log);

  const calendarFor = (req: Request) => {
    if (!deps.calendarAccess) {
      throw new HttpProblem(
        409,
        "calendar-not-connected",
        "MACE panels is not connected to Microsoft 365 calendars here. Download the calendar file instead and import it into Outlook.",
      );
    }
    const user = signedIn(req);
    return deps.calendarAccess({ id: user.id, name: user.name, token: req.accessToken ?? "" });
  };

  // The meetings between two dates: in Teams calendars (with join links) or as the rule plans them.
  router.get(
    "/panels/:panelId/meetings",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const { from, to } = MeetingRange.parse(req.query);
      const [listed, series] = await Promise.all([
        scheduler.meetingsBetween(panel.id, from, to),
        scheduler.seriesOf(panel.id),
      ]);
      res.json({
        panelId: panel.id,
        timeZone: panel.schedule.timeZone,
        calendar: {
          connected: Boolean(deps.calendarAccess),
          series: series?.value.seriesId
            ? {
                organiser: series.value.organiserName,
                from: series.value.from,
                to: series.value.to,
                scheduledAt: series.value.scheduledAt,
              }
            : null,
        },
        // Presenters join for their own slot only, through the link in their slot invitation.
        meetings: role === "presenter" ? listed.map((m) => ({ ...m, joinUrl: null })) : listed,
      } satisfies MeetingsResponse);
    }),
  );

  // The same meetings as an iCalendar file, for partnerships without Microsoft Graph: the rule
  // with every move and cancellation, under the series' one identity, so a second import of any
  // range updates the first.
  router.get(
    "/panels/:panelId/calendar.ics",
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const { from, to } = MeetingRange.parse(req.query);
      const file = await scheduler.calendarFile(panel.id, from, to);
      const text = file.series
        ? seriesCalendar(file.series, { title: file.title, description: panel.name })
        : meetingsCalendar(
            file.title,
            file.meetings.map((m) => ({
              ...m,
              summary: file.title,
              description: m.note ? `${panel.name}\n${m.note}` : panel.name,
            })),
          );
      res
        .type("text/calendar; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="${panel.id}-${from}-to-${to}.ics"`)
        .send(text);
    }),
  );

  router.post(
    "/panels/:panelId/schedule",
    route(async (req, res) => {
      const panel = (await panelFor(req, "coordinators")).panel;
      const range = MeetingRange.parse(req.body);
      const calendar = calendarFor(req);
      const result = await calendarCall(() => scheduler.schedule(signedIn(req), panel.id, range, calendar));
      res.status(result.outcome === "created" ? 201 : 200).json(result satisfies ScheduleResponse);
    }),
  );

  router.post(
    "/panels/:panelId/meetings/:meetingId/move",
    route(async (req, res) => {
      const panel = (await panelFor(req, "coordinators")).panel;
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const version = versionOf(req, "meetings");
      const change = MoveMeeting.parse(req.body);
      const calendar = calendarFor(req);
      const meeting = await calendarCall(() =>
        scheduler.move(signedIn(req), panel.id, meetingId, change, version, calendar),
      );
      res.json({ meeting } satisfies MeetingChangeResponse);
    }),
  );

  router.post(
    "/panels/:panelId/meetings/:meetingId/cancel",
    route(async (req, res) => {
      const panel = (await panelFor(req, "coordinators")).panel;
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const version = versionOf(req, "meetings");
      const { reason } = CancelMeeting.parse(req.body);
      const calendar = calendarFor(req);
      const meeting = await calendarCall(() =>
        scheduler.cancel(signedIn(req), panel.id, meetingId, reason, version, calendar),
      );
      res.json({ meeting } satisfies MeetingChangeResponse);
    }),
  );

  return router;
}
