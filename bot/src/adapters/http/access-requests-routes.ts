import { Router, type Request } from "express";
import { decodeJwt } from "jose";
import type { AccessDesk } from "../../application/people/access-desk.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { accessRequestId, type AccessRequest } from "../../domain/people/access-request.js";
import { signedIn } from "./authenticate.js";
import {
  AccessDecisionBody,
  AskForAccessBody,
  type AccessRequestsResponse,
  type AccessRequestView,
  type WhoToAskResponse,
} from "./contract/index.js";
import { route } from "./route.js";

// Asking to join a panel, and deciding requests: the same desk as the bot's cards.

export function accessRequestsRoutes(deps: { access: AccessDesk; catalogue: Catalogue }): Router {
  const { access, catalogue } = deps;
  const router = Router();
  const caller = (req: Request) => {
    const user = signedIn(req);
    return { id: user.id, name: user.name };
  };
  /** The address the (already validated) token names the person by. */
  const emailOf = (req: Request): string | undefined => {
    const claims = decodeJwt(req.accessToken ?? "");
    const named = [claims["email"], claims["preferred_username"], claims["upn"]];
    return named.find((c): c is string => typeof c === "string" && c.includes("@") && !c.includes("#EXT#"));
  };

  const view = (r: AccessRequest): AccessRequestView => ({
    id: accessRequestId(r),
    areaId: r.areaId,
    panelId: r.panelId,
    panelName: catalogue.panels.get(r.panelId)?.name ?? r.panelId,
    displayName: r.displayName,
    email: r.email,
    agency: catalogue.agencies.get(r.agencyId)?.name ?? r.agencyId,
    jobTitle: r.jobTitle,
    reason: r.reason,
    at: r.at,
    status: r.status,
    decided: r.decided && {
      byName: r.decided.byName,
      at: r.decided.at,
      role: r.decided.role,
      reason: r.decided.reason,
    },
  });

  router.get(
    "/access/who-to-ask",
    route(async (req, res) => {
      res.json((await access.whoToAsk(caller(req))) satisfies WhoToAskResponse);
    }),
  );

  router.post(
    "/access-requests",
    route(async (req, res) => {
      const body = AskForAccessBody.parse(req.body);
      const request = await access.ask({ ...caller(req), email: emailOf(req) }, body, "tab: ask for access");
      res.status(201).json(view(request) satisfies AccessRequestView);
    }),
  );

  router.get(
    "/areas/:areaId/access-requests",
    route(async (req, res) => {
      const open = await access.openRequests(caller(req), { areaId: String(req.params["areaId"]) });
      res.json({ requests: open.map(view) } satisfies AccessRequestsResponse);
    }),
  );

  router.post(
    "/access-requests/:requestId/decision",
    route(async (req, res) => {
      const body = AccessDecisionBody.parse(req.body);
      const decided = await access.decide(caller(req), req.params["requestId"], body, "tab: access requests");
      res.json(view(decided) satisfies AccessRequestView);
    }),
  );

  return router;
}
