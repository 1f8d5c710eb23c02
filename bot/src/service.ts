import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import path from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import { loadCatalogue } from "./adapters/config-files/catalogue-files.js";
import { createApp } from "./adapters/http/app.js";
import { devIdentityProvider, type DevIdentityProvider } from "./adapters/identity/dev-identity-provider.js";
import { tokenValidator } from "./adapters/identity/token-validator.js";
import { repositories, seedCatalogue } from "./adapters/tables/repositories.js";
import { seedDemoPeople } from "./seed/seed-people.js";
import { ensureTables, tableFactory } from "./adapters/tables/storage.js";
import { migrateCaseworkLayout } from "./adapters/tables/layout-migration.js";
import { livePartitionMoves } from "./adapters/tables/live-partition-moves.js";
import { botEndpoint, TeamsAdapter } from "./adapters/teams/bot-endpoint.js";
import { channelTokenCheck, PUBLIC_CHANNEL_METADATA } from "./adapters/teams/channel-token.js";
import { MaceBot } from "./adapters/teams/mace-bot.js";
import { TeamsNoticeMessenger } from "./adapters/teams/notice-messenger.js";
import { NoticeDelivery } from "./application/notices/notice-delivery.js";
import { ChannelPoster } from "./adapters/teams/channel-poster.js";
import { tabLinks } from "./adapters/teams/tab-links.js";
import { caseworkTables } from "./adapters/tables/casework-tables.js";
import { referralDraftTables } from "./adapters/tables/referral-draft-tables.js";
import { forgetUnsentDrafts } from "./application/referrals/forget-drafts.js";
import { forgetExpiredLinks } from "./application/downloads/forget-used-links.js";
import { downloadsDesk } from "./application/downloads/downloads-desk.js";
import { usedLinks } from "./adapters/tables/used-links.js";
import { directoryTables } from "./adapters/tables/directory-tables.js";
import { referralDesk, type ReferralDesk } from "./application/referrals/referral-desk.js";
import { meetingScheduler, type MeetingScheduler } from "./application/scheduling/meeting-scheduler.js";
import { calendarAccess, type CalendarAccess } from "./adapters/graph/calendar-access.js";
import { teamsChats } from "./adapters/graph/graph-chats.js";
import { directoryAccess } from "./adapters/graph/directory-access.js";
import { meetingRecords } from "./adapters/tables/meeting-records.js";
import { agendaRecords } from "./adapters/tables/agenda-records.js";
import { agendaDesk } from "./application/agenda/agenda-desk.js";
import { actionLog } from "./application/actions/action-log.js";
import { cohortDesk } from "./application/cohort/cohort-desk.js";
import { registerDesk } from "./application/strategic/register-desk.js";
import { meetingRoom } from "./application/meeting-room/meeting-room.js";
import { heldTodayCache } from "./application/panels/held-today.js";
import { caseDecisions } from "./application/decisions/case-decisions.js";
import { meetingRoomRecords } from "./adapters/tables/meeting-room-records.js";
import { minutesRecords } from "./adapters/tables/minutes-records.js";
import { meetingRecord } from "./application/minutes/meeting-record.js";
import { DEMO_REFERRALS } from "./seed/demo-referrals.js";
import { seedDemoReferrals } from "./seed/seed-referrals.js";
import { SettingsError, type Settings } from "./settings.js";
import { peopleDesk } from "./application/people/people-desk.js";
import { accessDesk } from "./application/people/access-desk.js";
import { historyDesk } from "./application/history/history-desk.js";
import { linkDesk } from "./application/links/link-desk.js";
import { hostname } from "node:os";
import { randomBytes, randomUUID } from "node:crypto";
import { reminderDeliveries } from "./adapters/tables/reminder-deliveries.js";
import { TeamsReminderMessenger } from "./adapters/teams/reminder-messenger.js";
import { ReminderSweep, type SweepReport } from "./application/reminders/reminder-sweep.js";
import { reportFigureTables } from "./adapters/tables/report-figure-tables.js";
import { loadPopulationBaselines, populationBaselines } from "./adapters/population/population-baselines.js";
import { reportDesk } from "./application/reports/report-desk.js";
import { figuresDesk, FiguresTimer, type FiguresDesk } from "./application/reports/figures-desk.js";
import type { FiguresRunReport } from "./application/reports/work-out-figures.js";
import { blobContainer, blobDocuments, ensureDocumentContainer } from "./adapters/blob/blob-documents.js";
import { documentRecords } from "./adapters/tables/document-records.js";
import { documentsDesk } from "./application/documents/documents-desk.js";

// Paths in settings are relative to where the service is started: the repository root locally,
// the deployed package's root in Azure.
const ROOT = process.cwd();

export interface ServiceOptions {
  now?: () => Date;
  logDestination?: DestinationStream;
  /** How often notices that could not be delivered are retried. */
  noticeRetryMs?: number;
  /** Whether the reminder sweep runs on its timer; tests may sweep by hand instead. */
  sweepOnTimer?: boolean;
  /** The first retry of a reminder Teams did not take, doubling after. */
  reminderRetryBaseMs?: number;
  /** Whether the report figures are worked out on start and on their timer; tests may run them by hand. */
  figuresOnTimer?: boolean;
  /**
   * Whether the audit entries of changes move to the audit trail, and finished casework to the
   * archive, on start and on their timer.
   */
  partitionMovesOnTimer?: boolean;
}

export interface RunningService {
  url: string;
  server: Server;
  log: Logger;
  desk: ReferralDesk;
  scheduler: MeetingScheduler;
  /** The organiser's calendar for a signed-in user, when Microsoft Graph is configured. */
  calendarFor: CalendarAccess | undefined;
  /** Resolves once every notice delivery under way has finished. */
  noticesDelivered(): Promise<void>;
  /** Posts the sign-in cards of meetings starting now (tests run it by hand). */
  openStartingMeetings(): Promise<number>;
  /** Runs one reminder sweep now (if this instance can take the lease). */
  sweepReminders(): Promise<SweepReport>;
  /** The name this instance holds the reminder lease under. */
  instance: string;
  /** Each panel's report figures: a month of an area worked out again, or a run over months. */
  figures: FiguresDesk;
  /** Works out the months that can still change in every area now (joining a run under way). */
  workOutRecentFigures(): Promise<FiguresRunReport>;
  /** The development identity provider, when development sign-in is on. */
  devIdp: DevIdentityProvider | undefined;
  close(): Promise<void>;
}

// Where Bot Framework publishes the keys that sign its requests, in the public cloud.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
  ValidateAuthority: true,
};

function botAuthentication(settings: Settings): ConfigurationBotFrameworkAuthentication {
  const { appId, appPassword, appType, tenantId, openIdMetadataUrl } = settings.bot;
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId ?? "",
    MicrosoftAppPassword: appPassword ?? "",
    // With no app ID (local playground) botbuilder skips authentication; MSI would demand an ID.
    MicrosoftAppType: appId ? appType : "MultiTenant",
    MicrosoftAppTenantId: tenantId ?? "",
    // Another cloud's (or a test's) key publisher: the same validation, other keys.
    ...(openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl } : {}),
  });
}

/** Builds the whole service from validated settings and starts listening. */
export async function startService(
  settings: Settings,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const log = pino(
    { level: settings.logLevel, base: { service: "mace-panels" }, redact: ["req.headers.authorization"] },
    options.logDestination,
  );
  const now = options.now ?? (() => new Date());
  const catalogue = loadCatalogue(path.resolve(ROOT, settings.catalogueDir));
  const configuredBaselines = loadPopulationBaselines(
    path.resolve(ROOT, settings.reports.populationDir),
    catalogue,
  );
  const unknownAreas = [...settings.administrators.keys()].filter(
    (id) => !catalogue.areas.some((a) => a.id === id),
  );
  if (unknownAreas.length)
    throw new SettingsError([
      `AREA_ADMINISTRATORS: no area ${unknownAreas.join(", ")} in the panel catalogue`,
    ]);

  const tables = tableFactory(settings.storage);
  await ensureTables(tables);
  const container = blobContainer(settings);
  await ensureDocumentContainer(container);
  const documents = documentRecords(tables);
  const links = usedLinks(tables);
  await migrateCaseworkLayout(
    tables,
    catalogue.areas.map((a) => a.id),
    (message) => log.info(message),
    (areaId) => [...catalogue.panels.values()].filter((p) => p.areaId === areaId).map((p) => p.id),
  );
  const repos = repositories(tables);
  const directory = directoryTables(tables);
  const casework = caseworkTables(tables);
  await seedCatalogue(repos, catalogue);

  const auth = botAuthentication(settings);
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // The error's name and message only: a failed send to Teams carries the card, with its details.
    log.error(
      { reason: (error as Error).message, name: (error as Error).name, activityType: context.activity.type },
      "bot turn failed",
    );
    // Teams may be the very thing that failed: telling the chat must not fail the turn again.
    await context
      .sendActivity("Sorry, something went wrong on our side. Please try again in a minute.")
      .catch((e: unknown) => log.warn({ reason: (e as Error).message }, "the chat could not be told"));
  };
  const botAppId = settings.bot.appId ?? "";
  const dispatcher = new NoticeDelivery({
    catalogue,
    casework,
    directory,
    messenger: new TeamsNoticeMessenger({
      catalogue,
      repos,
      adapter,
      botAppId,
      links: tabLinks(settings.publicUrl, settings.teamsAppId),
    }),
    log,
    now,
  });
  const drafts = referralDraftTables(tables);
  const desk = referralDesk({
    catalogue,
    casework,
    directory,
    drafts,
    now,
    onNotices: (areaId) => dispatcher.kick(areaId),
  });
  const people = peopleDesk({ catalogue, directory, casework, now, administrators: settings.administrators });
  const access = accessDesk({
    catalogue,
    directory,
    casework,
    now,
    administrators: settings.administrators,
    onNotices: (areaId) => dispatcher.kick(areaId),
  });
  if (settings.seedDemoData) {
    await seedDemoPeople(people, settings.administrators);
    await seedDemoReferrals(desk, DEMO_REFERRALS);
  }

  const devIdp =
    settings.signIn.kind === "development" ? await devIdentityProvider(settings.signIn) : undefined;
  const validateToken = tokenValidator(settings.signIn);
  const meetings = meetingRecords(tables);
  const chats = teamsChats(settings, devIdp);
  // Each panel's meetings held today, kept for the sign-in card's timer; a change here forgets them.
  const heldToday = heldTodayCache();
  const scheduler = meetingScheduler({ catalogue, directory, meetings, chats, log, now, heldToday });
  // Series scheduled before their meeting chats were keyed are keyed now: the app in their meetings finds them.
  // Not waited for: a storage fault here must not keep the service from starting.
  scheduler
    .linkScheduledChats()
    .catch((e: unknown) =>
      log.error({ reason: (e as Error).message }, "meeting chats not keyed at start-up"),
    );
  const channelPoster = new ChannelPoster({
    adapter,
    botAppId,
    repos,
    catalogue,
    log,
    publicUrl: settings.publicUrl,
    teamsAppId: settings.teamsAppId,
  });
  const deliveries = reminderDeliveries(tables);
  const messenger = new TeamsReminderMessenger({
    adapter,
    botAppId,
    repos,
    catalogue,
    deliveries,
    log,
    links: tabLinks(settings.publicUrl, settings.teamsAppId),
    sendTimeoutMs: Math.min(20_000, settings.reminders.leaseMs / 3),
  });
  const actions = actionLog({
    catalogue,
    casework,
    directory,
    deliveries,
    now,
    changes: messenger,
  });
  const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const sweep = new ReminderSweep({
    catalogue,
    directory,
    casework,
    deliveries,
    messenger,
    log,
    now,
    options: {
      instance,
      leaseMs: settings.reminders.leaseMs,
      lookbackDays: 5,
      fromHour: settings.reminders.fromHour,
      retryBaseMs: options.reminderRetryBaseMs ?? 60_000,
    },
  });
  const roomRecords = meetingRoomRecords(tables);
  const reportFigures = reportFigureTables(tables);
  const figurePorts = {
    catalogue,
    casework,
    meetings,
    agendas: agendaRecords(tables),
    room: roomRecords,
    figures: reportFigures,
    now,
  };
  const figures = figuresDesk(figurePorts);
  const figuresTimer = new FiguresTimer({ ...figurePorts, log });
  const room = meetingRoom({
    catalogue,
    directory,
    room: roomRecords,
    meetings,
    now,
    announcer: channelPoster,
    heldToday,
  });
  const bot = new MaceBot({
    catalogue,
    repos,
    directory,
    log,
    publicUrl: settings.publicUrl,
    teamsAppId: settings.teamsAppId,
    now,
    remindersFromHour: settings.reminders.fromHour,
    desk,
    actionLog: actions,
    room,
    access,
    botAppId,
    actionCards: messenger,
    onNewPersonalChat: () => catalogue.areas.forEach((a) => dispatcher.kick(a.id)),
  });
  const agendas = agendaDesk({
    catalogue,
    directory,
    casework,
    meetings,
    agendas: agendaRecords(tables),
    now,
    announcer: channelPoster,
  });
  const cohort = cohortDesk({ catalogue, directory, casework, room: roomRecords, meetings, now });
  const minutesRecord = minutesRecords(tables);
  const decisions = caseDecisions({
    catalogue,
    casework,
    directory,
    room: roomRecords,
    meetings,
    minutesRecord,
    agendaDesk: agendas,
    desk,
    now,
  });

  const calendarFor = calendarAccess(settings, devIdp);
  const app = createApp({
    settings,
    catalogue,
    repos,
    directory,
    receiveActivity: botEndpoint({
      auth,
      adapter,
      bot,
      log,
      // With no app ID botbuilder lets every request through (the local playground).
      checkToken: botAppId
        ? channelTokenCheck(settings.bot.openIdMetadataUrl ?? PUBLIC_CHANNEL_METADATA)
        : undefined,
    }),
    validateToken,
    devIdp,
    desk,
    scheduler,
    agendaDesk: agendas,
    actionLog: actions,
    cohort,
    room,
    decisions,
    meetingRecord: meetingRecord({
      catalogue,
      casework,
      directory,
      room: roomRecords,
      meetings,
      minutesRecord,
      now,
    }),
    people,
    access,
    history: historyDesk({
      catalogue,
      casework,
      directory,
      documents,
      minutesRecord,
      room: roomRecords,
      meetings,
      now,
      administrators: settings.administrators,
    }),
    links: linkDesk({ catalogue, casework, directory, now }),
    register: registerDesk({ catalogue, casework, directory, meetings, now }),
    reports: reportDesk({
      catalogue,
      directory,
      administrators: settings.administrators,
      figures: reportFigures,
      baselines: populationBaselines(tables, configuredBaselines),
      casework,
      now,
      suppressBelow: settings.reports.suppressBelow,
      workOutMonth: figures.workOutMonth,
    }),
    documents: documentsDesk({
      catalogue,
      casework,
      directory,
      documents,
      files: blobDocuments(container, settings.documents.scan),
      now,
    }),
    casework,
    downloads: downloadsDesk({
      usedLinks: links,
      now,
      links: {
        // Without a configured key (only off Azure) links are signed with this instance's own.
        key: settings.documents.linkKey ?? randomBytes(32).toString("hex"),
        seconds: settings.documents.linkSeconds,
      },
    }),
    calendarAccess: calendarFor,
    directoryAccess: directoryAccess(settings, devIdp),
    log,
    now,
    tabDir: path.join(ROOT, "tab", "dist"),
  });
  const stopOnClose: (() => void)[] = [];
  // A client that sends its headers or body slowly is cut off rather than holding a socket:
  // checked every second, so the bound is the timeout, not Node's 30-second sweep.
  const server = createServer(
    { headersTimeout: 15_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    app,
  ).listen(settings.port, settings.host);
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  log.info({ port, host: settings.host, panels: catalogue.panels.size }, "service listening");
  dispatcher.start(options.noticeRetryMs ?? 60_000);
  // The lease's length is the reminder sweep's: a batch of a move takes a fraction of half of it.
  const partitionMoves = livePartitionMoves(
    tables,
    catalogue.areas.map((a) => a.id),
    log,
    { instance, leaseMs: settings.reminders.leaseMs, now },
  );
  if (options.partitionMovesOnTimer ?? true) {
    void partitionMoves.run();
    const moving = setInterval(
      () => void partitionMoves.run(),
      Math.min(settings.reminders.sweepMs, 5 * 60_000),
    );
    moving.unref();
    stopOnClose.push(() => clearInterval(moving));
  }
  if (options.sweepOnTimer ?? true) {
    sweep.start(settings.reminders.sweepMs);
    // Meetings starting now get their sign-in card in the panel's channel, on the same beat.
    const opening = setInterval(
      () => {
        void room
          .openStartingMeetings()
          .catch((err: unknown) => log.error({ reason: (err as Error).message }, "sign-in cards not posted"));
        // Drafts of referrals nobody sent hold a child's details: they go once their fortnight is up.
        void forgetUnsentDrafts({ drafts, now })
          .then((n) => n && log.info({ forgotten: n }, "unsent referral drafts forgotten"))
          .catch((err: unknown) =>
            log.error({ reason: (err as Error).message }, "referral drafts not forgotten"),
          );
        // A used download link's row refuses it a second time only until it expires.
        void forgetExpiredLinks({ catalogue, usedLinks: links, now }).catch((err: unknown) =>
          log.error({ reason: (err as Error).message }, "expired download links not forgotten"),
        );
      },
      Math.min(settings.reminders.sweepMs, 5 * 60_000),
    );
    opening.unref();
    stopOnClose.push(() => clearInterval(opening));
  }
  for (const area of catalogue.areas) dispatcher.kick(area.id);
  // Once now, after seeding, so the demo panels have figures from the start; then on the timer.
  if (options.figuresOnTimer ?? true) figuresTimer.start(settings.figures.everyMs);

  return {
    url: `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`,
    server,
    log,
    desk,
    scheduler,
    calendarFor,
    noticesDelivered: () =>
      Promise.all([dispatcher.idle(), channelPoster.idle(), messenger.idle()]).then(() => undefined),
    sweepReminders: () => sweep.sweep(),
    openStartingMeetings: () => room.openStartingMeetings(),
    instance,
    devIdp,
    figures,
    workOutRecentFigures: () => figuresTimer.runNow(),
    async close() {
      for (const stop of stopOnClose) stop();
      await sweep.stop();
      await partitionMoves.idle();
      await figuresTimer.stop();
      await dispatcher.stop();
      await messenger.idle();
      await channelPoster.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
