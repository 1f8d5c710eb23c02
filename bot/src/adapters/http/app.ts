import express, { Router, type Express, type NextFunction, type Request, type Response } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import type { TokenValidator } from "../identity/token-validator.js";
import type { BotEndpoint } from "../teams/bot-endpoint.js";
import type { Repositories } from "../tables/repositories.js";
import { authenticate } from "./authenticate.js";
import type { AuthConfigResponse } from "./contract/index.js";
import { devSignInRoutes } from "./dev-sign-in-routes.js";
import { HttpProblem, problemHandler } from "./errors.js";
import { panelsRoutes } from "./panels-routes.js";
import { referralsRoutes } from "./referrals-routes.js";
import { referralFormRoutes } from "./referral-form-routes.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { MeetingScheduler } from "../../application/scheduling/meeting-scheduler.js";
import type { CalendarAccess } from "../graph/calendar-access.js";
import { meetingsRoutes } from "./meetings-routes.js";
import { agendaRoutes } from "./agenda-routes.js";
import { actionsRoutes } from "./actions-routes.js";
import { cohortRoutes } from "./cohort-routes.js";
import { meetingChatRoutes } from "./meeting-chat-routes.js";
import { meetingRoomRoutes } from "./meeting-room-routes.js";
import { minutesRoutes } from "./minutes-routes.js";
import type { MeetingRecord } from "../../application/minutes/meeting-record.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import type { CaseDecisions } from "../../application/decisions/case-decisions.js";
import type { ActionLog } from "../../application/actions/action-log.js";
import type { AgendaDesk } from "../../application/agenda/agenda-desk.js";
import type { CohortDesk } from "../../application/cohort/cohort-desk.js";
import { route } from "./route.js";
import { perAddress, perPerson } from "./rate-limits.js";
import type { PeopleDesk } from "../../application/people/people-desk.js";
import type { AccessDesk } from "../../application/people/access-desk.js";
import { accessRequestsRoutes } from "./access-requests-routes.js";
import type { Directory } from "../../application/ports/directory.js";
import type { DirectoryAccess } from "../graph/directory-access.js";
import { peopleRoutes } from "./people-routes.js";
import { subjectsRoutes } from "./subjects-routes.js";
import type { HistoryDesk } from "../../application/history/history-desk.js";
import { linksRoutes } from "./links-routes.js";
import type { LinkDesk } from "../../application/links/link-desk.js";
import { tabFiles } from "./tab-files.js";
import type { ReportDesk } from "../../application/reports/report-desk.js";
import { reportsRoutes } from "./reports-routes.js";
import { thresholdingRoutes } from "./thresholding-routes.js";
import type { RegisterDesk } from "../../application/strategic/register-desk.js";
import { registerRoutes } from "./register-routes.js";
import type { DocumentsDesk } from "../../application/documents/documents-desk.js";
import { documentsRoutes } from "./documents-routes.js";
import type { DownloadsDesk } from "../../application/downloads/downloads-desk.js";
import type { Casework } from "../../application/ports/casework.js";
import { downloadLinkRoutes, downloadRoutes } from "./download-routes.js";

export interface AppDependencies {
  settings: Settings;
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  receiveActivity: BotEndpoint;
  validateToken: TokenValidator;
  devIdp: DevIdentityProvider | undefined;
  desk: ReferralDesk;
  scheduler: MeetingScheduler;
  agendaDesk: AgendaDesk;
  actionLog: ActionLog;
  cohort: CohortDesk;
  room: MeetingRoom;
  decisions: CaseDecisions;
  meetingRecord: MeetingRecord;
  people: PeopleDesk;
  access: AccessDesk;
  history: HistoryDesk;
  links: LinkDesk;
  reports: ReportDesk;
  register: RegisterDesk;
  documents: DocumentsDesk;
  downloads: DownloadsDesk;
  /** The area's casework, where a download link is checked against a request's reference. */
  casework: Casework;
  calendarAccess: CalendarAccess | undefined;
  /** The organisation's directory as the signed-in person searches it, when Graph is configured. */
  directoryAccess: DirectoryAccess | undefined;
  log: Logger;
  now: () => Date;
  tabDir: string;
}

// Teams loads the tab in a frame from these hosts.
const FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": `default-src 'self'; script-src 'self' https://res.cdn.office.net; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; frame-ancestors ${FRAME_ANCESTORS}`,
    "Cache-Control": "no-store",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  });
  next();
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  // In Azure, App Service's front end is the one proxy: the caller's address is the one it saw.
  if (deps.settings.env === "azure") app.set("trust proxy", 1);
  app.use("/api", perAddress(deps.settings.rateLimits.perAddress));
  app.use(securityHeaders);
  app.use(express.json({ limit: "256kb" }));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", panels: deps.catalogue.panels.size });
  });

  // Bot Framework: the caller's JWT is checked whenever an app ID is configured.
  app.post(
    "/api/messages",
    route(async (req, res) => {
      const reply = await deps.receiveActivity(req.get("authorization") ?? "", req.body);
      if (reply.body === undefined) res.status(reply.status).end();
      else res.status(reply.status).json(reply.body);
    }),
  );

  // Tells the tab how to sign in; carries no data.
  app.get("/api/auth/config", (_req, res) => {
    const { signIn, graph } = deps.settings;
    res.json(
      (signIn.kind === "development"
        ? { mode: "development" }
        : {
            mode: "teams-sso",
            clientId: signIn.audience[0],
            ...(signIn.consentScope
              ? { consent: { authority: graph.authorityHost, scope: signIn.consentScope } }
              : {}),
          }) satisfies AuthConfigResponse,
    );
  });

  if (deps.devIdp) app.use("/dev-idp", devSignInRoutes(deps.devIdp, deps.repos));

  // Every route of the tab's API; download links open its files through the same routes.
  const api = Router().use(
    panelsRoutes(deps),
    meetingsRoutes(deps),
    agendaRoutes(deps),
    actionsRoutes(deps),
    cohortRoutes(deps),
    meetingRoomRoutes(deps),
    meetingChatRoutes(deps),
    minutesRoutes(deps),
    referralsRoutes(deps),
    referralFormRoutes(deps),
    peopleRoutes(deps),
    accessRequestsRoutes(deps),
    subjectsRoutes(deps),
    linksRoutes(deps),
    reportsRoutes(deps),
    thresholdingRoutes(deps),
    registerRoutes(deps),
    documentsRoutes(deps),
  );

  // A download link carries its own signature, for the person it names, once, for a minute.
  app.use("/downloads", perAddress(deps.settings.rateLimits.perAddress), downloadRoutes(deps, api));

  app.use(
    "/api",
    authenticate(deps.validateToken),
    perPerson(deps.settings.rateLimits.perPerson),
    downloadLinkRoutes({ ...deps, administrators: deps.settings.administrators }),
    api,
  );
  app.use("/api", (_req, _res, next) =>
    next(new HttpProblem(404, "not-found", "There is nothing at this address.")),
  );

  if (existsSync(path.join(deps.tabDir, "index.html"))) {
    app.use("/tab", tabFiles(deps.tabDir, { sourceMaps: deps.settings.env !== "azure" }));
  } else {
    app.get("/tab*", (_req, res) => {
      res.status(503).type("text").send("The tab has not been built. Run `npm run build:tab` and reload.");
    });
  }
  app.get("/", (_req, res) => res.redirect("/tab/"));

  app.use(problemHandler(deps.log));
  return app;
}
