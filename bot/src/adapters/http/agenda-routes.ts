import { Router } from "express";
import type { AgendaDesk, AgendaView } from "../../application/agenda/agenda-desk.js";
import type { MeetingScheduler } from "../../application/scheduling/meeting-scheduler.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import type { CalendarAccess } from "../graph/calendar-access.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import {
  AgendaChoice,
  AgendaMeetingId as MeetingId,
  AgendaSubjectId as SubjectId,
  MoveToMeeting,
  NO_DRAFT,
  ThemeChange,
  type AgendaResponse,
  type PublishResponse,
  type ThemeChangeResponse,
} from "./contract/index.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";
import { agendaPdf } from "../documents/agenda-pdf.js";
import { attachment } from "./attachment.js";
import type { Directory } from "../../application/ports/directory.js";

/** An agenda without a draft yet goes out with NO_DRAFT as its version, for the tab to send back. */
const answer = (view: AgendaView): AgendaResponse => ({ ...view, version: view.version ?? NO_DRAFT });
const draftVersion = (version: string): string | null => (version === NO_DRAFT ? null : version);

export function agendaRoutes(deps: {
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  agendaDesk: AgendaDesk;
  room: MeetingRoom;
  scheduler: MeetingScheduler;
  calendarAccess: CalendarAccess | undefined;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);

  router.get(
    "/panels/:panelId/meetings/:meetingId/agenda",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const actor = signedIn(req);
      const namesHidden = await deps.room.namesHiddenFor(actor, panel.id, meetingId);
      const view = await deps.agendaDesk.view(actor, role, panel.id, meetingId, "tab agenda", namesHidden);
      res.json(answer(view));
    }),
  );

  // The agenda as the person sees it in the tab, as a PDF to print or circulate: Teams' frames
  // print unreliably. The same view, audited as the agenda's read is.
  router.get(
    "/panels/:panelId/meetings/:meetingId/agenda.pdf",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const actor = signedIn(req);
      const namesHidden = await deps.room.namesHiddenFor(actor, panel.id, meetingId);
      const view = await deps.agendaDesk.view(actor, role, panel.id, meetingId, "agenda PDF", namesHidden);
      const areaName = deps.catalogue.areas.find((a) => a.id === panel.areaId)?.name ?? panel.areaId;
      res
        .type("application/pdf")
        .set("Content-Disposition", attachment(`${panel.id}-${meetingId}-agenda.pdf`))
        .send(await agendaPdf(view, { areaName, panelName: panel.name }));
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
      await deps.agendaDesk.choose(actor, panel.id, meetingId, subjectId, choice, draftVersion(version));
      const view = await deps.agendaDesk.view(actor, "coordinator", panel.id, meetingId, "tab agenda");
      res.json(answer(view));
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
      await deps.agendaDesk.moveToMeeting(
        actor,
        panel.id,
        meetingId,
        subjectId,
        targetId,
        draftVersion(version),
      );
      const view = await deps.agendaDesk.view(actor, "coordinator", panel.id, meetingId, "tab agenda");
      res.json(answer(view));
    }),
  );

  // A case's theme, on the case's version: it moves to the section that takes the theme.
  router.put(
    "/panels/:panelId/cases/:subjectId/theme",
    route(async (req, res) => {
      const version = versionOf(req, "agenda");
      const { theme } = ThemeChange.parse(req.body);
      const changed = await deps.agendaDesk.changeTheme(
        signedIn(req),
        req.params["panelId"],
        req.params["subjectId"],
        theme,
        version,
        "tab agenda",
      );
      res.json(changed satisfies ThemeChangeResponse);
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
      const result = await deps.agendaDesk.publish(
        actor,
        panel.id,
        meetingId,
        draftVersion(version),
        calendar ? { scheduler: deps.scheduler, calendar } : undefined,
      );
      res.status(201).json(result satisfies PublishResponse);
    }),
  );

  return router;
}
