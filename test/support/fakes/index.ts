import { loadCatalogue } from "../../../bot/src/adapters/config-files/catalogue-files.js";
import { actionLog as actionLogOn } from "../../../bot/src/application/actions/action-log.js";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { meetingRecord as meetingRecordOn } from "../../../bot/src/application/minutes/meeting-record.js";
import { caseDecisions as caseDecisionsOn } from "../../../bot/src/application/decisions/case-decisions.js";
import { historyDesk as historyDeskOn } from "../../../bot/src/application/history/history-desk.js";
import { peopleDesk as peopleDeskOn } from "../../../bot/src/application/people/people-desk.js";
import { referralDesk as referralDeskOn } from "../../../bot/src/application/referrals/referral-desk.js";
import { ReminderSweep, type SweepOptions } from "../../../bot/src/application/reminders/reminder-sweep.js";
import type { Catalogue } from "../../../bot/src/domain/catalogue/catalogue.js";
import { DEMO_ADMINISTRATORS } from "../../../bot/src/seed/demo-people.js";
import { fakeCasework } from "./casework.js";
import { fakeDeliveries } from "./deliveries.js";
import { fakeDocumentFiles, fakeDocumentRecords } from "./documents.js";
import { fakeDrafts } from "./drafts.js";
import { fakeReportFigures } from "./report-figures.js";
import { demoDirectory } from "./directory.js";
import { fakeAgendas, fakeMeetingRoom, fakeMeetings } from "./meetings.js";
import { fakeMinutesRecord } from "./minutes-record.js";
import { fakeTeamsChats } from "./teams-chats.js";
import { FakeActionChanges, FakeLog, FakeNoticeMessenger, FakeReminderMessenger } from "./messengers.js";

// A whole set of port fakes on one clock, with the demo directory, and the use cases built on
// them as the service builds them: what a use-case test needs instead of Azurite and Teams.

let catalogue: Catalogue | undefined;
/** The configured areas, read once for every test. */
export const areas = (): Catalogue => (catalogue ??= loadCatalogue("bot/config/areas"));

/** A clock that stands still until a test moves it. */
export function clock(iso: string) {
  let at = new Date(iso);
  return {
    now: () => new Date(at),
    set: (next: string) => void (at = new Date(next)),
  };
}

export function fakePorts(startAt: string) {
  const time = clock(startAt);
  const now = time.now;
  const notified: string[] = [];
  const minutesRecord = fakeMinutesRecord(now);
  return {
    catalogue: areas(),
    clock: time,
    now,
    directory: demoDirectory(now),
    casework: fakeCasework(now, minutesRecord.meetingNotes),
    drafts: fakeDrafts(),
    documents: fakeDocumentRecords(now),
    files: fakeDocumentFiles(),
    meetings: fakeMeetings(now),
    chats: fakeTeamsChats(),
    agendas: fakeAgendas(now),
    room: fakeMeetingRoom(now),
    minutesRecord,
    deliveries: fakeDeliveries(now),
    figures: fakeReportFigures(now),
    reminders: new FakeReminderMessenger(),
    notices: new FakeNoticeMessenger(),
    changes: new FakeActionChanges(),
    log: new FakeLog(),
    /** Areas told that a step stored notices, in order. */
    notified,
    onNotices: (areaId: string) => void notified.push(areaId),
    /** The demo areas' first administrators, as configuration names them. */
    administrators: new Map(DEMO_ADMINISTRATORS),
  };
}
export type FakePorts = ReturnType<typeof fakePorts>;

export const referralDesk = (p: FakePorts) => referralDeskOn(p);

export const actionLog = (p: FakePorts) => actionLogOn(p);

export const peopleDesk = (p: FakePorts) => peopleDeskOn(p);

export const historyDesk = (p: FakePorts) => historyDeskOn(p);

export const meetingRecord = (p: FakePorts) => meetingRecordOn(p);

export function caseDecisions(p: FakePorts) {
  return caseDecisionsOn({ ...p, agendaDesk: agendaDesk(p), desk: referralDesk(p) });
}

/** A sweep as one instance of the service runs it, sending with the fake messenger. */
export function reminderSweep(p: FakePorts, options: Partial<SweepOptions> = {}) {
  return new ReminderSweep({
    ...p,
    messenger: p.reminders,
    options: {
      instance: "instance-a",
      leaseMs: 60_000,
      lookbackDays: 5,
      fromHour: 9,
      retryBaseMs: 60_000,
      ...options,
    },
  });
}
