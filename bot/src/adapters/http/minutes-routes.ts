import { Router } from "express";
import type { MeetingRecord } from "../../application/minutes/meeting-record.js";
import type { Directory } from "../../application/ports/directory.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { signedIn } from "./authenticate.js";
import {
  AgreementInput,
  CirculationInput,
  ItemKey,
  NoteInput,
  RoomMeetingId as MeetingId,
  type MinutesStatusResponse,
  type NoteResponse,
  type NotesResponse,
  type PreviousMinutesResponse,
} from "./contract/index.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";

// The meeting's record from the tab: each item's note, and the minutes' agreement. Who may do what
// is the application's: the routes find the panel and the person's role, then ask.

export function minutesRoutes(deps: {
  catalogue: Catalogue;
  directory: Directory;
  meetingRecord: MeetingRecord;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);
  const base = "/panels/:panelId/meetings/:meetingId";
  const record = deps.meetingRecord;

  router.get(
    `${base}/notes`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(
        (await record.notes(signedIn(req), role, panel.id, meetingId, "tab meeting")) satisfies NotesResponse,
      );
    }),
  );

  router.put(
    `${base}/notes/:itemKey`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const itemKey = ItemKey.parse(req.params["itemKey"]);
      const version = versionOf(req, "note");
      const input = NoteInput.parse(req.body);
      const note = await record.recordNote(signedIn(req), role, panel.id, meetingId, itemKey, input, version);
      res.set("ETag", note.version).json({ note } satisfies NoteResponse);
    }),
  );

  router.get(
    `${base}/previous-minutes`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(
        (await record.previousMinutes(
          signedIn(req),
          role,
          panel.id,
          meetingId,
        )) satisfies PreviousMinutesResponse,
      );
    }),
  );

  router.post(
    `${base}/previous-minutes/agreement`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const input = AgreementInput.parse(req.body);
      const status = await record.agreePrevious(signedIn(req), role, panel.id, meetingId, input);
      res.status(201).json({ status } satisfies MinutesStatusResponse);
    }),
  );

  router.post(
    `${base}/minutes/circulation`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      CirculationInput.parse(req.body ?? {});
      const version = versionOf(req, "minutes");
      const status = await record.agreeCirculation(signedIn(req), role, panel.id, meetingId, version);
      res.status(201).json({ status } satisfies MinutesStatusResponse);
    }),
  );

  return router;
}
