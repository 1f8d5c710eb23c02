import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import { loadCatalogue } from "./adapters/config-files/catalogue-files.js";
import { createApp } from "./adapters/http/app.js";
import { devIdentityProvider, type DevIdentityProvider } from "./adapters/identity/dev-identity-provider.js";
import { tokenValidator } from "./adapters/identity/token-validator.js";
import { loadPopulationBaselines } from "./adapters/population/population-baselines.js";
import { botEndpoint } from "./adapters/teams/bot-endpoint.js";
import { channelTokenCheck, PUBLIC_CHANNEL_METADATA } from "./adapters/teams/channel-token.js";
import { MaceBot } from "./adapters/teams/mace-bot.js";
import type { CalendarAccess } from "./adapters/graph/calendar-access.js";
import type { ReferralDesk } from "./application/referrals/referral-desk.js";
import type { MeetingScheduler } from "./application/scheduling/meeting-scheduler.js";
import type { SweepReport } from "./application/reminders/reminder-sweep.js";
import type { FiguresDesk } from "./application/reports/figures-desk.js";
import type { FiguresRunReport } from "./application/reports/work-out-figures.js";
import { startBackgroundWork } from "./composition/background-work.js";
import { desks } from "./composition/desks.js";
import { openStorage } from "./composition/storage.js";
import { teamsSide } from "./composition/teams-side.js";
import { DEMO_REFERRALS } from "./seed/demo-referrals.js";
import { seedDemoPeople } from "./seed/seed-people.js";
import { seedDemoReferrals } from "./seed/seed-referrals.js";
import { SettingsError, type Settings } from "./settings.js";

// The composition root: settings in, a listening service out. What each part is built from lives
// in composition/: the storage, the Teams side, the application's desks and the background work.

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

  const storage = await openStorage(settings, catalogue, log);
  const teams = teamsSide(settings, catalogue, storage, log, now);
  const devIdp =
    settings.signIn.kind === "development" ? await devIdentityProvider(settings.signIn) : undefined;
  const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const desk = desks({
    settings,
    catalogue,
    storage,
    teams,
    log,
    now,
    devIdp,
    configuredBaselines,
    instance,
    reminderRetryBaseMs: options.reminderRetryBaseMs ?? 60_000,
  });
  if (settings.seedDemoData) {
    await seedDemoPeople(desk.people, settings.administrators);
    await seedDemoReferrals(desk.referrals, DEMO_REFERRALS);
  }
  // Series scheduled before their meeting chats were keyed are keyed now: the app in their meetings finds them.
  // Not waited for: a storage fault here must not keep the service from starting.
  desk.scheduler
    .linkScheduledChats()
    .catch((e: unknown) =>
      log.error({ reason: (e as Error).message }, "meeting chats not keyed at start-up"),
    );

  const { adapter, botAppId, notices, channelPoster, reminders } = teams;
  const bot = new MaceBot({
    catalogue,
    repos: storage.repos,
    directory: storage.directory,
    log,
    publicUrl: settings.publicUrl,
    teamsAppId: settings.teamsAppId,
    now,
    remindersFromHour: settings.reminders.fromHour,
    desk: desk.referrals,
    actionLog: desk.actions,
    room: desk.room,
    access: desk.access,
    botAppId,
    actionCards: reminders,
    onNewPersonalChat: () => catalogue.areas.forEach((a) => notices.kick(a.id)),
  });
  const app = createApp({
    settings,
    catalogue,
    repos: storage.repos,
    directory: storage.directory,
    receiveActivity: botEndpoint({
      auth: teams.auth,
      adapter,
      bot,
      log,
      // With no app ID botbuilder lets every request through (the local playground).
      checkToken: botAppId
        ? channelTokenCheck(settings.bot.openIdMetadataUrl ?? PUBLIC_CHANNEL_METADATA)
        : undefined,
    }),
    validateToken: tokenValidator(settings.signIn),
    devIdp,
    desk: desk.referrals,
    scheduler: desk.scheduler,
    agendaDesk: desk.agendas,
    actionLog: desk.actions,
    cohort: desk.cohort,
    room: desk.room,
    decisions: desk.decisions,
    meetingRecord: desk.meetingRecord,
    people: desk.people,
    access: desk.access,
    history: desk.history,
    links: desk.links,
    register: desk.register,
    reports: desk.reports,
    documents: desk.documents,
    casework: storage.casework,
    downloads: desk.downloads,
    calendarAccess: desk.calendarFor,
    directoryAccess: desk.directoryAccess,
    log,
    now,
    tabDir: path.join(ROOT, "tab", "dist"),
  });
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
  notices.start(options.noticeRetryMs ?? 60_000);
  const background = startBackgroundWork(
    settings,
    catalogue,
    storage,
    desk,
    {
      partitionMoves: options.partitionMovesOnTimer ?? true,
      sweep: options.sweepOnTimer ?? true,
      figures: options.figuresOnTimer ?? true,
    },
    log,
    instance,
    now,
  );
  for (const area of catalogue.areas) notices.kick(area.id);

  return {
    url: `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`,
    server,
    log,
    desk: desk.referrals,
    scheduler: desk.scheduler,
    calendarFor: desk.calendarFor,
    noticesDelivered: () =>
      Promise.all([notices.idle(), channelPoster.idle(), reminders.idle()]).then(() => undefined),
    sweepReminders: () => desk.sweep.sweep(),
    openStartingMeetings: () => desk.room.openStartingMeetings(),
    instance,
    devIdp,
    figures: desk.figures,
    workOutRecentFigures: () => desk.figuresTimer.runNow(),
    async close() {
      await background.stop();
      await notices.stop();
      await reminders.idle();
      await channelPoster.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
