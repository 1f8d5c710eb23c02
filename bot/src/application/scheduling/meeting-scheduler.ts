import type { Actor } from "../../domain/people/actor.js";
import type { PresenterSlot } from "../../domain/schedule/slot-invite.js";
import type { Invitee, TeamsCalendar } from "../ports/teams-calendar.js";
import { cancelMeeting, moveMeeting } from "./change-meeting.js";
import { invitePresenter } from "./invite-presenter.js";
import { meetingsBetween } from "./meetings-between.js";
import { scheduleSeries } from "./schedule-series.js";
import type { SchedulingPorts } from "./scheduling-ports.js";

// A panel's meetings in the organiser's Teams calendar: one recurring series, the product's record
// of each meeting (date, time, join link, moved or cancelled), and one meeting changed at a time.

export class MeetingScheduler {
  constructor(private readonly ports: SchedulingPorts) {}

  meetingsBetween = (panelId: string, from: string, to: string) =>
    meetingsBetween(this.ports, panelId, from, to);
  seriesOf = (panelId: string) => this.ports.meetings.seriesOf(panelId);
  schedule = (actor: Actor, panelId: string, range: { from: string; to: string }, calendar: TeamsCalendar) =>
    scheduleSeries(this.ports, actor, panelId, range, calendar);
  invitePresenter = (
    panelId: string,
    meetingId: string,
    slot: PresenterSlot,
    presenter: Invitee,
    calendar: TeamsCalendar,
  ) => invitePresenter(this.ports, panelId, meetingId, slot, presenter, calendar);
  move = (
    actor: Actor,
    panelId: string,
    meetingId: string,
    to: { date: string; startTime: string; reason: string },
    version: string,
    calendar: TeamsCalendar,
  ) => moveMeeting(this.ports, actor, panelId, meetingId, to, version, calendar);
  cancel = (
    actor: Actor,
    panelId: string,
    meetingId: string,
    reason: string,
    version: string,
    calendar: TeamsCalendar,
  ) => cancelMeeting(this.ports, actor, panelId, meetingId, reason, version, calendar);
}

export type { MeetingView } from "./meetings-between.js";
export type { ScheduleResult } from "./schedule-series.js";
