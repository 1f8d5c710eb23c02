import { Router } from "express";
import { z } from "zod";
import type { AgendaDesk } from "../../application/agenda/agenda-desk.js";
import type { MeetingScheduler } from "../../application/scheduling/meeting-scheduler.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import type { CalendarAccess } from "../graph/calendar-access.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { AgendaChoice } from "../../domain/agenda/due-cases.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import { HttpProblem } from "./errors.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";

const MeetingId = z.iso.date("use the meeting's date as YYYY-MM-DD");
const SubjectId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const MoveToMeeting = z.strictObject({ meetingId: MeetingId });
/** The version sent before the agenda's first change. */
const NO_DRAFT = "none";

async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw e;
  }
}

export function agendaRoutes(deps: {
  catalogue: Catalogue;
  repos: Repositories;
  agendaDesk: AgendaDesk;
  room: MeetingRoom;
  scheduler: MeetingScheduler;
  calendarAccess: CalendarAccess | undefined;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.repos);

  router.get(
    "/panels/:panelId/meetings/:meetingId/agenda",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const actor = signedIn(req);
      const namesHidden = await deps.room.namesHiddenFor(actor, panel.id, meetingId);
      const view = await plainly(() =>
        deps.agendaDesk.view(actor, role, panel.id, meetingId, "tab agenda", namesHidden),
      );
      res.json({ ...view, version: view.version ?? NO_DRAFT });
    }),
  );

  router.put(
    "/panels/:panelId/meetings/:meetingId/agenda/cases/:subjectId",
    route(async (req, res) => {
      const { panel } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const version = versionOf(req, "agenda");
      const choice = AgendaChoice.parse(req.body);
      const actor = signedIn(req);
      await plainly(() =>
        deps.agendaDesk.choose(
          actor,
          panel.id,
          meetingId,
          subjectId,
          choice,
          version === NO_DRAFT ? null : version,
        ),
      );
      const view = await deps.agendaDesk.view(actor, "coordinator", panel.id, meetingId, "tab agenda");
      res.json({ ...view, version: view.version ?? NO_DRAFT });
    }),
  );

  router.put(
    "/panels/:panelId/meetings/:meetingId/agenda/cases/:subjectId/meeting",
    route(async (req, res) => {
      const { panel } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const version = versionOf(req, "agenda");
      const { meetingId: targetId } = MoveToMeeting.parse(req.body);
      const actor = signedIn(req);
      await plainly(() =>
        deps.agendaDesk.moveToMeeting(
          actor,
          panel.id,
          meetingId,
          subjectId,
          targetId,
          version === NO_DRAFT ? null : version,
        ),
      );
      const view = await deps.agendaDesk.view(actor, "coordinator", panel.id, meetingId, "tab agenda");
      res.json({ ...view, version: view.version ?? NO_DRAFT });
    }),
  );

  // Freezes the agenda as a version and invites each presenter to their own slot.
  router.post(
    "/panels/:panelId/meetings/:meetingId/agenda/publish",
    route(async (req, res) => {
      const { panel } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const version = versionOf(req, "agenda");
      const actor = signedIn(req);
      const calendar = deps.calendarAccess?.({
        id: actor.id,
        name: actor.name,
        token: req.accessToken ?? "",
      });
      const result = await plainly(() =>
        deps.agendaDesk.publish(
          actor,
          panel.id,
          meetingId,
          version === NO_DRAFT ? null : version,
          calendar ? { scheduler: deps.scheduler, calendar } : undefined,
        ),
      );
      res.status(201).json(result);
    }),
  );

  return router;
}
