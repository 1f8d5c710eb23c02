import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { blobDocuments } from "../adapters/blob/blob-documents.js";
import { calendarAccess } from "../adapters/graph/calendar-access.js";
import { directoryAccess } from "../adapters/graph/directory-access.js";
import { teamsChats } from "../adapters/graph/graph-chats.js";
import type { DevIdentityProvider } from "../adapters/identity/dev-identity-provider.js";
import { populationBaselines } from "../adapters/population/population-baselines.js";
import { actionLog } from "../application/actions/action-log.js";
import { agendaDesk } from "../application/agenda/agenda-desk.js";
import { cohortDesk } from "../application/cohort/cohort-desk.js";
import { caseDecisions } from "../application/decisions/case-decisions.js";
import { documentsDesk } from "../application/documents/documents-desk.js";
import { downloadsDesk } from "../application/downloads/downloads-desk.js";
import { historyDesk } from "../application/history/history-desk.js";
import { linkDesk } from "../application/links/link-desk.js";
import { meetingRoom } from "../application/meeting-room/meeting-room.js";
import { meetingRecord } from "../application/minutes/meeting-record.js";
import { heldTodayCache } from "../application/panels/held-today.js";
import { accessDesk } from "../application/people/access-desk.js";
import { peopleDesk } from "../application/people/people-desk.js";
import { referralDesk } from "../application/referrals/referral-desk.js";
import { ReminderSweep } from "../application/reminders/reminder-sweep.js";
import { figuresDesk, FiguresTimer } from "../application/reports/figures-desk.js";
import { reportDesk } from "../application/reports/report-desk.js";
import { meetingScheduler } from "../application/scheduling/meeting-scheduler.js";
import { registerDesk } from "../application/strategic/register-desk.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { PopulationBaseline } from "../domain/reports/population-baseline.js";
import type { Settings } from "../settings.js";
import type { Storage } from "./storage.js";
import type { TeamsSide } from "./teams-side.js";

// Every desk of the application, each given the ports it declares: storage, Teams and Microsoft
// Graph. The HTTP routes and the bot are clients of these and nothing else.

export interface DeskParts {
  settings: Settings;
  catalogue: Catalogue;
  storage: Storage;
  teams: TeamsSide;
  log: Logger;
  now: () => Date;
  devIdp: DevIdentityProvider | undefined;
  /** The population baselines in configuration, before any an administrator stored. */
  configuredBaselines: Map<string, PopulationBaseline>;
  /** The name this instance holds leases under. */
  instance: string;
  /** The first retry of a reminder Teams did not take, doubling after. */
  reminderRetryBaseMs: number;
}

export function desks(parts: DeskParts) {
  const { settings, catalogue, storage, teams, log, now, devIdp } = parts;
  const { casework, directory, meetings, room: roomRecords, minutesRecord } = storage;
  const administrators = settings.administrators;
  const onNotices = (areaId: string) => teams.notices.kick(areaId);
  const referrals = referralDesk({ catalogue, casework, directory, drafts: storage.drafts, now, onNotices });
  // Each panel's meetings held today, kept for the sign-in card's timer; a change here forgets them.
  const heldToday = heldTodayCache();
  const scheduler = meetingScheduler({
    catalogue,
    directory,
    meetings,
    chats: teamsChats(settings, devIdp),
    log,
    now,
    heldToday,
  });
  const actions = actionLog({
    catalogue,
    casework,
    directory,
    deliveries: storage.deliveries,
    now,
    changes: teams.reminders,
  });
  const sweep = new ReminderSweep({
    catalogue,
    directory,
    casework,
    deliveries: storage.deliveries,
    messenger: teams.reminders,
    log,
    now,
    options: {
      instance: parts.instance,
      leaseMs: settings.reminders.leaseMs,
      lookbackDays: 5,
      fromHour: settings.reminders.fromHour,
      retryBaseMs: parts.reminderRetryBaseMs,
    },
  });
  const figurePorts = {
    catalogue,
    casework,
    meetings,
    agendas: storage.agendas,
    room: roomRecords,
    figures: storage.reportFigures,
    now,
  };
  const figures = figuresDesk(figurePorts);
  const room = meetingRoom({
    catalogue,
    directory,
    room: roomRecords,
    meetings,
    now,
    announcer: teams.channelPoster,
    heldToday,
  });
  const agendas = agendaDesk({
    catalogue,
    directory,
    casework,
    meetings,
    agendas: storage.agendas,
    now,
    announcer: teams.channelPoster,
  });
  return {
    referrals,
    people: peopleDesk({ catalogue, directory, casework, now, administrators }),
    access: accessDesk({ catalogue, directory, casework, now, administrators, onNotices }),
    scheduler,
    actions,
    sweep,
    figures,
    figuresTimer: new FiguresTimer({ ...figurePorts, log }),
    room,
    agendas,
    cohort: cohortDesk({ catalogue, directory, casework, room: roomRecords, meetings, now }),
    decisions: caseDecisions({
      catalogue,
      casework,
      directory,
      room: roomRecords,
      meetings,
      minutesRecord,
      agendaDesk: agendas,
      desk: referrals,
      now,
    }),
    meetingRecord: meetingRecord({
      catalogue,
      casework,
      directory,
      room: roomRecords,
      meetings,
      minutesRecord,
      now,
    }),
    history: historyDesk({
      catalogue,
      casework,
      directory,
      documents: storage.documents,
      minutesRecord,
      room: roomRecords,
      meetings,
      now,
      administrators,
    }),
    links: linkDesk({ catalogue, casework, directory, now }),
    register: registerDesk({ catalogue, casework, directory, meetings, now }),
    reports: reportDesk({
      catalogue,
      directory,
      administrators,
      figures: storage.reportFigures,
      baselines: populationBaselines(storage.tables, parts.configuredBaselines),
      casework,
      now,
      suppressBelow: settings.reports.suppressBelow,
      workOutMonth: figures.workOutMonth,
    }),
    documents: documentsDesk({
      catalogue,
      casework,
      directory,
      documents: storage.documents,
      files: blobDocuments(storage.container, settings.documents.scan),
      now,
    }),
    downloads: downloadsDesk({
      usedLinks: storage.usedLinks,
      now,
      links: {
        // Without a configured key (only off Azure) links are signed with this instance's own.
        key: settings.documents.linkKey ?? randomBytes(32).toString("hex"),
        seconds: settings.documents.linkSeconds,
      },
    }),
    calendarFor: calendarAccess(settings, devIdp),
    directoryAccess: directoryAccess(settings, devIdp),
  };
}

export type Desks = ReturnType<typeof desks>;
