import { Router } from "express";
import type { AgendaDesk } from "../../application/agenda/agenda-desk.js";
import type { Directory } from "../../application/ports/directory.js";
import type { MeetingScheduler } from "../../application/scheduling/meeting-scheduler.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { signedIn } from "./authenticate.js";
import {
  AgendaMeetingId as MeetingId,
  type MeetingOfChatResponse,
  type StageAgendaResponse,
} from "./contract/index.js";
import { panelAccess } from "./panel-access.js";
import { route } from "./route.js";

// The app inside a panel's Teams meeting: the side panel finds its panel and meeting from the
// meeting's chat alone (the service asks Teams which meeting it is); the stage shows the agenda by
// reference only, since everyone there sees it.

export function meetingChatRoutes(deps: {
  catalogue: Catalogue;
  directory: Directory;
  scheduler: MeetingScheduler;
  agendaDesk: AgendaDesk;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);

  router.get(
    "/meeting-chats/:chatId",
    route(async (req, res) => {
      // A malformed chat is no meeting the product scheduled: the application answers it as one.
      const found = await deps.scheduler.meetingOfChat(signedIn(req), req.params["chatId"]);
      res.json(found satisfies MeetingOfChatResponse);
    }),
  );

  router.get(
    "/panels/:panelId/meetings/:meetingId/stage",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const stage = await deps.agendaDesk.stage(signedIn(req), role, panel.id, meetingId);
      res.json(stage satisfies StageAgendaResponse);
    }),
  );

  return router;
}
