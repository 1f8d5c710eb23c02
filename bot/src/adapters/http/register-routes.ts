import { Router } from "express";
import type { RegisterDesk } from "../../application/strategic/register-desk.js";
import { signedIn } from "./authenticate.js";
import {
  EscalationPath,
  MeetingPlanBody,
  NewRegisterItemBody,
  RegisterCloseBody,
  RegisterItemId,
  RegisterOwnerBody,
  RegisterQuery,
  RegisterReviewBody,
  type MeetingPlanResponse,
  type RegisterItemResponse,
  type RegisterResponse,
} from "./contract/register.js";
import { IsoDate } from "./contract/meetings.js";
import { versionOf } from "./panel-access.js";
import { route } from "./route.js";

// A strategic panel's register and forward plan; who may do what is decided by the application.

const VIA = "tab register";

export function registerRoutes(deps: { register: RegisterDesk }): Router {
  const router = Router();
  const { register } = deps;

  router.get(
    "/panels/:panelId/register",
    route(async (req, res) => {
      const { closedAfter } = RegisterQuery.parse(req.query);
      const [at, id] = closedAfter ? closedAfter.split("|") : [];
      const page = await register.view(
        signedIn(req),
        req.params["panelId"],
        at && id ? { at, id } : undefined,
      );
      const next = page.closedNext;
      res.json({ ...page, closedNext: next ? `${next.at}|${next.id}` : null } satisfies RegisterResponse);
    }),
  );

  router.post(
    "/panels/:panelId/register",
    route(async (req, res) => {
      const input = NewRegisterItemBody.parse(req.body);
      const item = await register.raise(signedIn(req), req.params["panelId"], input, VIA);
      res.status(201).json({ item } satisfies RegisterItemResponse);
    }),
  );

  router.post(
    "/panels/:panelId/meetings/:meetingId/cases/:subjectId/register",
    route(async (req, res) => {
      const { meetingId, subjectId } = EscalationPath.parse({
        meetingId: req.params["meetingId"],
        subjectId: req.params["subjectId"],
      });
      const input = NewRegisterItemBody.parse(req.body);
      const item = await register.raiseFromEscalation(
        signedIn(req),
        req.params["panelId"],
        meetingId,
        subjectId,
        input,
        "tab decision",
      );
      res.status(201).json({ item } satisfies RegisterItemResponse);
    }),
  );

  router.post(
    "/panels/:panelId/register/:itemId/reviews",
    route(async (req, res) => {
      const itemId = RegisterItemId.parse(req.params["itemId"]);
      const version = versionOf(req, "register");
      const input = RegisterReviewBody.parse(req.body);
      const item = await register.review(signedIn(req), req.params["panelId"], itemId, input, version, VIA);
      res.json({ item } satisfies RegisterItemResponse);
    }),
  );

  router.post(
    "/panels/:panelId/register/:itemId/close",
    route(async (req, res) => {
      const itemId = RegisterItemId.parse(req.params["itemId"]);
      const version = versionOf(req, "register");
      const { outcome } = RegisterCloseBody.parse(req.body);
      const item = await register.close(signedIn(req), req.params["panelId"], itemId, outcome, version, VIA);
      res.json({ item } satisfies RegisterItemResponse);
    }),
  );

  router.put(
    "/panels/:panelId/register/:itemId/owner",
    route(async (req, res) => {
      const itemId = RegisterItemId.parse(req.params["itemId"]);
      const version = versionOf(req, "register");
      const { ownerId } = RegisterOwnerBody.parse(req.body);
      const item = await register.changeOwner(
        signedIn(req),
        req.params["panelId"],
        itemId,
        ownerId,
        version,
        VIA,
      );
      res.json({ item } satisfies RegisterItemResponse);
    }),
  );

  router.put(
    "/panels/:panelId/forward-plan/:meetingId",
    route(async (req, res) => {
      const meetingId = IsoDate.parse(req.params["meetingId"]);
      const version = versionOf(req, "forward plan");
      const { topics } = MeetingPlanBody.parse(req.body);
      const plan = await register.planMeeting(
        signedIn(req),
        req.params["panelId"],
        meetingId,
        topics,
        version,
        VIA,
      );
      res.json({ plan } satisfies MeetingPlanResponse);
    }),
  );

  return router;
}
