import { Router } from "express";
import type { CaseDecisions } from "../../application/decisions/case-decisions.js";
import type { Directory } from "../../application/ports/directory.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { signedIn } from "./authenticate.js";
import {
  ThresholdingInput,
  ThresholdingMeetingId as MeetingId,
  ThresholdingSubjectId as SubjectId,
  type ThresholdingResponse,
} from "./contract/index.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";

// The thresholding meeting's list of district cases and the category recorded for each (003).

export function thresholdingRoutes(deps: {
  catalogue: Catalogue;
  directory: Directory;
  decisions: CaseDecisions;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);
  const base = "/panels/:panelId/meetings/:meetingId/thresholding";

  router.get(
    base,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const actor = signedIn(req);
      const list = await deps.decisions.thresholding(actor, role, panel.id, meetingId);
      res.json(list satisfies ThresholdingResponse);
    }),
  );

  router.put(
    `${base}/cases/:subjectId`,
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const meetingId = MeetingId.parse(req.params["meetingId"]);
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const version = versionOf(req, "thresholding list");
      const input = ThresholdingInput.parse(req.body);
      const actor = signedIn(req);
      await deps.decisions.threshold(actor, role, panel.id, meetingId, subjectId, input, version);
      const list = await deps.decisions.thresholding(actor, role, panel.id, meetingId);
      res.json(list satisfies ThresholdingResponse);
    }),
  );

  return router;
}
