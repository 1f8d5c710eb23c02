// A panel's meetings: the schedule, thresholding, the agenda, the room and its sign-in, decisions
// and minutes. A change to a meeting, its agenda or a decision carries the version read, so one made
// meanwhile is refused, not overwritten.

import type {
  AgendaChoice,
  AgendaResponse,
  ApologyBody,
  DecisionForm,
  DecisionResponse,
  DecisionsResponse,
  MeetingChangeResponse,
  MeetingsResponse,
  MinutesResponse,
  MoveMeetingBody,
  PanelMeeting,
  PublishResponse,
  RoomResponse,
  ScheduleResponse,
  SignInBody,
  SignInCardResponse,
  ThemeChangeResponse,
  ThresholdingBody,
  ThresholdingResponse,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { file, request } from "./request.js";

export const meetingCalls = {
  /** A panel's meetings between two dates as an iCalendar file. */
  calendarFile: (token: TokenSource, panelId: string, from: string, to: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/calendar.ics?from=${from}&to=${to}`, token),
  meetings: (token: TokenSource, panelId: string, from: string, to: string) =>
    request<MeetingsResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings?from=${from}&to=${to}`,
      token,
    ),
  schedule: (token: TokenSource, panelId: string, from: string, to: string) =>
    request<ScheduleResponse>(`/api/panels/${encodeURIComponent(panelId)}/schedule`, token, {
      method: "POST",
      body: JSON.stringify({ from, to }),
    }),
  moveMeeting: (token: TokenSource, panelId: string, meeting: PanelMeeting, change: MoveMeetingBody) =>
    request<MeetingChangeResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/move`,
      token,
      { method: "POST", body: JSON.stringify(change), headers: { "If-Match": meeting.version ?? "" } },
    ),
  cancelMeeting: (token: TokenSource, panelId: string, meeting: PanelMeeting, reason: string) =>
    request<MeetingChangeResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/cancel`,
      token,
      { method: "POST", body: JSON.stringify({ reason }), headers: { "If-Match": meeting.version ?? "" } },
    ),
  /** Staffordshire's thresholding meeting: the district cases awaiting a category (003). */
  thresholding: (token: TokenSource, panelId: string, meetingId: string) =>
    request<ThresholdingResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/thresholding`,
      token,
    ),
  threshold: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    subjectId: string,
    body: ThresholdingBody,
    version: string,
  ) =>
    request<ThresholdingResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/thresholding/cases/${encodeURIComponent(subjectId)}`,
      token,
      { method: "PUT", body: JSON.stringify(body), headers: { "If-Match": version } },
    ),
  agenda: (token: TokenSource, panelId: string, meetingId: string) =>
    request<AgendaResponse>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda`, token),
  chooseForCase: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    subjectId: string,
    choice: AgendaChoice,
    version: string,
  ) =>
    request<AgendaResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/cases/${encodeURIComponent(subjectId)}`,
      token,
      { method: "PUT", body: JSON.stringify(choice), headers: { "If-Match": version } },
    ),
  moveCaseToMeeting: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    subjectId: string,
    targetMeetingId: string,
    version: string,
  ) =>
    request<AgendaResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/cases/${encodeURIComponent(subjectId)}/meeting`,
      token,
      {
        method: "PUT",
        body: JSON.stringify({ meetingId: targetMeetingId }),
        headers: { "If-Match": version },
      },
    ),
  changeTheme: (
    token: TokenSource,
    panelId: string,
    subjectId: string,
    theme: string | null,
    caseVersion: string,
  ) =>
    request<ThemeChangeResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/cases/${encodeURIComponent(subjectId)}/theme`,
      token,
      { method: "PUT", body: JSON.stringify({ theme }), headers: { "If-Match": caseVersion } },
    ),
  publishAgenda: (token: TokenSource, panelId: string, meetingId: string, version: string) =>
    request<PublishResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/publish`,
      token,
      {
        method: "POST",
        body: "{}",
        headers: { "If-Match": version },
      },
    ),
  room: (token: TokenSource, panelId: string, meetingId: string) =>
    request<RoomResponse>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room`, token),
  signIn: (token: TokenSource, panelId: string, meetingId: string, body: SignInBody) =>
    request<RoomResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  recordApology: (token: TokenSource, panelId: string, meetingId: string, body: ApologyBody) =>
    request<RoomResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/apologies`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  openSignIn: (token: TokenSource, panelId: string, meetingId: string) =>
    request<SignInCardResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in-card`,
      token,
      { method: "POST", body: "{}" },
    ),
  decisions: (token: TokenSource, panelId: string, meetingId: string) =>
    request<DecisionsResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/decisions`,
      token,
    ),
  decide: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    subjectId: string,
    decision: DecisionForm,
    version: string,
  ) =>
    request<DecisionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/decisions/${encodeURIComponent(subjectId)}`,
      token,
      { method: "PUT", body: JSON.stringify(decision), headers: { "If-Match": version } },
    ),
  minutes: (token: TokenSource, panelId: string, meetingId: string) =>
    request<MinutesResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/minutes`,
      token,
    ),
  minutesDocx: (token: TokenSource, panelId: string, meetingId: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/minutes.docx`, token),
  minutesPdf: (token: TokenSource, panelId: string, meetingId: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/minutes.pdf`, token),
  agendaPdf: (token: TokenSource, panelId: string, meetingId: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda.pdf`, token),
};
