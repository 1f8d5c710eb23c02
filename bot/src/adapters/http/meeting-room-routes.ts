import { Router, type Request } from "express";
import type { CaseDecisions } from "../../application/decisions/case-decisions.js";
import { ApologyInput, SignInInput, type MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { minutesDocx } from "../documents/minutes-docx.js";
import { minutesPdf } from "../documents/minutes-pdf.js";
import { attachment } from "./attachment.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import {
  DecisionInput,
  DecisionSubjectId as SubjectId,
  RoomMeetingId as MeetingId,
  type DecisionResponse,
  type DecisionsResponse,
  type MinutesResponse,
  type RoomResponse,
  type SignInCardResponse,
} from "./contract/index.js";
import { HttpProblem } from "./errors.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";
import type { Directory } from "../../application/ports/directory.js";

// Running a meeting from the tab: sign-in and quorum, apologies, the sign-in card, a decision per
// agenda item, and the minutes (JSON for the tab, Word for the agencies' records).

export function meetingRoomRoutes(deps: {
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  room: MeetingRoom;
  decisions: CaseDecisions;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);
  const base = "/panels/:panelId/meetings/:meetingId";

  router.get(
    `${base}/room`,
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json((await deps.room.view(signedIn(req), panel.id, meetingId)) satisfies RoomResponse);
    }),
  );

  router.post(
    `${base}/room/sign-in`,
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const input = SignInInput.parse(req.body);
      const { first } = await deps.room.signIn(signedIn(req), panel.id, meetingId, input);
      res
        .status(first ? 201 : 200)
        .json((await deps.room.view(signedIn(req), panel.id, meetingId)) satisfies RoomResponse);
    }),
  );

  router.post(
    `${base}/room/apologies`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const input = ApologyInput.parse(req.body);
      await deps.room.apologise(signedIn(req), role, panel.id, meetingId, input);
      res.status(201).json((await deps.room.view(signedIn(req), panel.id, meetingId)) satisfies RoomResponse);
    }),
  );

  router.post(
    `${base}/room/sign-in-card`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(
        (await deps.room.openSignIn(signedIn(req), role, panel.id, meetingId)) satisfies SignInCardResponse,
      );
    }),
  );

  router.get(
    `${base}/decisions`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      if (role === "presenter")
        throw new HttpProblem(403, "members-only", "Only the panel's members see its decisions.");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      // During the meeting, details wait until the person has signed in, as names do.
      const hidden = await deps.room.namesHiddenFor(signedIn(req), panel.id, meetingId);
      const decisions = await deps.decisions.view(signedIn(req), panel.id, meetingId, hidden, "tab meeting");
      res.json({ decisions } satisfies DecisionsResponse);
    }),
  );

  router.put(
    `${base}/decisions/:subjectId`,
    route(async (req, res) => {
      // Chairs record chairs' decisions too: the use case says who may record which.
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const version = versionOf(req, "decision");
      const input = DecisionInput.parse(req.body);
      const decision = await deps.decisions.decide(
        signedIn(req),
        role,
        panel.id,
        meetingId,
        subjectId,
        input,
        version,
      );
      res.set("ETag", decision.version).json({ decision } satisfies DecisionResponse);
    }),
  );

  router.get(
    `${base}/minutes`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const minutes = await deps.decisions.minutes(signedIn(req), role, panel.id, meetingId, "tab minutes");
      res.json(minutes satisfies MinutesResponse);
    }),
  );

  // The agreed minutes for the agencies' own records, as Word or as PDF, each marked on every page.
  const exported = async (req: Request, via: string) => {
    const { panel, role } = await panelFor(req);
    const meetingId = MeetingId.parse(req.params["meetingId"]);
    const minutes = await deps.decisions.minutes(signedIn(req), role, panel.id, meetingId, via, true);
    return { minutes, name: `${panel.id}-${meetingId}-minutes` };
  };

  router.get(
    `${base}/minutes.docx`,
    route(async (req, res) => {
      const { minutes, name } = await exported(req, "minutes export");
      res
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .set("Content-Disposition", attachment(`${name}.docx`))
        .send(await minutesDocx(minutes));
    }),
  );

  router.get(
    `${base}/minutes.pdf`,
    route(async (req, res) => {
      const { minutes, name } = await exported(req, "minutes PDF");
      res
        .type("application/pdf")
        .set("Content-Disposition", attachment(`${name}.pdf`))
        .send(await minutesPdf(minutes));
    }),
  );

  return router;
}
