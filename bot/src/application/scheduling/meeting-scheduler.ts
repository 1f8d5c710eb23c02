import { withPorts } from "../with-ports.js";
import { cancelMeeting, moveMeeting } from "./change-meeting.js";
import { invitePresenter } from "./invite-presenter.js";
import { calendarFile } from "./calendar-file.js";
import { linkScheduledChats, meetingOfChat } from "./meeting-chats.js";
import { meetingsBetween } from "./meetings-between.js";
import { scheduleSeries } from "./schedule-series.js";
import type { SchedulingPorts } from "./scheduling-ports.js";

// A panel's meetings in the organiser's Teams calendar: one recurring series, the product's record
// of each meeting (date, time, join link, moved or cancelled), and one meeting changed at a time.

export const meetingScheduler = (ports: SchedulingPorts) => ({
  meetingsBetween: withPorts(ports, meetingsBetween),
  calendarFile: withPorts(ports, calendarFile),
  seriesOf: (panelId: string) => ports.meetings.seriesOf(panelId),
  schedule: withPorts(ports, scheduleSeries),
  invitePresenter: withPorts(ports, invitePresenter),
  move: withPorts(ports, moveMeeting),
  cancel: withPorts(ports, cancelMeeting),
  meetingOfChat: withPorts(ports, meetingOfChat),
  linkScheduledChats: withPorts(ports, linkScheduledChats),
});
export type MeetingScheduler = ReturnType<typeof meetingScheduler>;

export type { MeetingView } from "./meetings-between.js";
export type { ScheduleResult } from "./schedule-series.js";
export type { MeetingOfChat } from "./meeting-chats.js";
