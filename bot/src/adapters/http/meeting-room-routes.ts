import { Router } from "express";
import { z } from "zod";
import { type CaseDecisions, withoutDetails } from "../../application/decisions/case-decisions.js";
import { ApologyInput, type MeetingRoom, SignInInput } from "../../application/meeting-room/meeting-room.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { DecisionInput } from "../../domain/decisions/decision.js";
import { minutesDocx } from "../documents/minutes-docx.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import { HttpProblem } from "./errors.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";

// Running a meeting from the tab: sign-in and quorum, apologies, the sign-in card, a decision per
// agenda item, and the minutes (JSON for the tab, Word for the agencies' records).

const MeetingId = z.iso.date("use a date as YYYY-MM-DD");
const SubjectId = z.string().min(1).max(64);

async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw e;
  }
}

export function meetingRoomRoutes(deps: {
  catalogue: Catalogue;
  repos: Repositories;
  room: MeetingRoom;
  decisions: CaseDecisions;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.repos);
  const base = "/panels/:panelId/meetings/:meetingId";

  router.get(
    `${base}/room`,
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(await plainly(() => deps.room.view(signedIn(req), panel.id, meetingId)));
    }),
  );

  router.post(
    `${base}/room/sign-in`,
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const input = SignInInput.parse(req.body);
      const { first } = await plainly(() => deps.room.signIn(signedIn(req), panel.id, meetingId, input));
      res.status(first ? 201 : 200).json(await deps.room.view(signedIn(req), panel.id, meetingId));
    }),
  );

  router.post(
    `${base}/room/apologies`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const input = ApologyInput.parse(req.body);
      await plainly(() => deps.room.apologise(signedIn(req), role, panel.id, meetingId, input));
      res.status(201).json(await deps.room.view(signedIn(req), panel.id, meetingId));
    }),
  );

  router.post(
    `${base}/room/sign-in-card`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(await plainly(() => deps.room.openSignIn(signedIn(req), role, panel.id, meetingId)));
    }),
  );

  router.get(
    `${base}/decisions`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      if (role === "presenter")
        throw new HttpProblem(403, "members-only", "Only the panel's members see its decisions.");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const decisions = await plainly(() => deps.decisions.list(panel.id, meetingId));
      // During the meeting, details wait until the person has signed in, as names do.
      const hidden = await deps.room.namesHiddenFor(signedIn(req), panel.id, meetingId);
      res.json({ decisions: hidden ? decisions.map(withoutDetails) : decisions });
    }),
  );

  router.put(
    `${base}/decisions/:subjectId`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "coordinators");
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const version = versionOf(req, "decision");
      const input = DecisionInput.parse(req.body);
      const decision = await plainly(() =>
        deps.decisions.decide(signedIn(req), role, panel.id, meetingId, subjectId, input, version),
      );
      res.set("ETag", decision.version).json({ decision });
    }),
  );

  router.get(
    `${base}/minutes`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      res.json(
        await plainly(() => deps.decisions.minutes(signedIn(req), role, panel.id, meetingId, "tab minutes")),
      );
    }),
  );

  router.get(
    `${base}/minutes.docx`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const minutes = await plainly(() =>
        deps.decisions.minutes(signedIn(req), role, panel.id, meetingId, "minutes export"),
      );
      res
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .set("Content-Disposition", `attachment; filename="${panel.id}-${meetingId}-minutes.docx"`)
        .send(await minutesDocx(minutes));
    }),
  );

  return router;
}
