// The tab's client for the service's /api. Every call carries the bearer token from sign-in.
// What each call sends and answers is the service's contract.

import type {
  ActionResponse,
  ActionsResponse,
  AgendaChoice,
  AgendaResponse,
  ApologyBody,
  AuthConfigResponse,
  DecisionForm,
  DecisionResponse,
  DecisionsResponse,
  DemoPeopleResponse,
  DemoTokenResponse,
  MeetingChangeResponse,
  MeetingsResponse,
  MembersResponse,
  MeResponse,
  MinutesResponse,
  MoveMeetingBody,
  NewActionBody,
  PanelAction,
  PanelMeeting,
  PanelsResponse,
  PanelSummary,
  ProblemResponse,
  PublishResponse,
  ReferralDetail,
  ReferralsResponse,
  ReferralSummary,
  RoomResponse,
  ScheduleResponse,
  SignInBody,
  SignInCardResponse,
  TriageStep,
} from "../../bot/src/adapters/http/contract/index.js";

// Types only: the service's schemas stay out of the tab's bundle.
export type * from "../../bot/src/adapters/http/contract/index.js";

/** What every panel view is opened with. */
export interface PanelViewProps {
  token: string;
  /** The signed-in person's id. */
  meId: string;
  panel: PanelSummary;
  onBack: () => void;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (init.body) headers.set("Content-Type", "application/json");
  const res = await fetch(path, { ...init, headers });
  const body = (await res.json().catch(() => ({}))) as Partial<ProblemResponse>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body.error?.message ?? `The service answered ${res.status}. Please try again.`,
    );
  }
  return body as T;
}

export const api = {
  authConfig: () => request<AuthConfigResponse>("/api/auth/config", null),
  demoPeople: () => request<DemoPeopleResponse>("/dev-idp/people", null),
  demoToken: (personId: string) =>
    request<DemoTokenResponse>("/dev-idp/token", null, {
      method: "POST",
      body: JSON.stringify({ personId }),
    }),
  me: (token: string) => request<MeResponse>("/api/me", token),
  panels: (token: string) => request<PanelsResponse>("/api/panels", token),
  referrals: (token: string, panelId: string) =>
    request<ReferralsResponse>(`/api/panels/${encodeURIComponent(panelId)}/referrals`, token),
  referral: (token: string, panelId: string, referralId: string) =>
    request<ReferralDetail>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}`,
      token,
    ),
  /** A panel's meetings between two dates as an iCalendar file. */
  calendarFile: async (token: string, panelId: string, from: string, to: string): Promise<Blob> => {
    const res = await fetch(`/api/panels/${encodeURIComponent(panelId)}/calendar.ics?from=${from}&to=${to}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new ApiError(res.status, "The calendar file could not be made. Please try again.");
    return res.blob();
  },
  meetings: (token: string, panelId: string, from: string, to: string) =>
    request<MeetingsResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings?from=${from}&to=${to}`,
      token,
    ),
  schedule: (token: string, panelId: string, from: string, to: string) =>
    request<ScheduleResponse>(`/api/panels/${encodeURIComponent(panelId)}/schedule`, token, {
      method: "POST",
      body: JSON.stringify({ from, to }),
    }),
  moveMeeting: (token: string, panelId: string, meeting: PanelMeeting, change: MoveMeetingBody) =>
    request<MeetingChangeResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/move`,
      token,
      { method: "POST", body: JSON.stringify(change), headers: { "If-Match": meeting.version ?? "" } },
    ),
  cancelMeeting: (token: string, panelId: string, meeting: PanelMeeting, reason: string) =>
    request<MeetingChangeResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/cancel`,
      token,
      { method: "POST", body: JSON.stringify({ reason }), headers: { "If-Match": meeting.version ?? "" } },
    ),
  agenda: (token: string, panelId: string, meetingId: string) =>
    request<AgendaResponse>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda`, token),
  chooseForCase: (
    token: string,
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
    token: string,
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
  publishAgenda: (token: string, panelId: string, meetingId: string, version: string) =>
    request<PublishResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/publish`,
      token,
      {
        method: "POST",
        body: "{}",
        headers: { "If-Match": version },
      },
    ),
  members: (token: string, panelId: string) =>
    request<MembersResponse>(`/api/panels/${encodeURIComponent(panelId)}/members`, token),
  actions: (token: string, panelId: string, query: string) =>
    request<ActionsResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions?${query}`, token),
  actionsCsv: async (token: string, panelId: string, query: string): Promise<Blob> => {
    const res = await fetch(`/api/panels/${encodeURIComponent(panelId)}/actions.csv?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new ApiError(res.status, "The action log could not be exported. Please try again.");
    return res.blob();
  },
  recordAction: (token: string, panelId: string, meetingId: string, action: NewActionBody) =>
    request<ActionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/actions`,
      token,
      {
        method: "POST",
        body: JSON.stringify(action),
      },
    ),
  room: (token: string, panelId: string, meetingId: string) =>
    request<RoomResponse>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room`, token),
  signIn: (token: string, panelId: string, meetingId: string, body: SignInBody) =>
    request<RoomResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  recordApology: (token: string, panelId: string, meetingId: string, body: ApologyBody) =>
    request<RoomResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/apologies`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  openSignIn: (token: string, panelId: string, meetingId: string) =>
    request<SignInCardResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in-card`,
      token,
      { method: "POST", body: "{}" },
    ),
  decisions: (token: string, panelId: string, meetingId: string) =>
    request<DecisionsResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/decisions`,
      token,
    ),
  decide: (
    token: string,
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
  minutes: (token: string, panelId: string, meetingId: string) =>
    request<MinutesResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/minutes`,
      token,
    ),
  minutesDocx: async (token: string, panelId: string, meetingId: string): Promise<Blob> => {
    const res = await fetch(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/minutes.docx`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new ApiError(res.status, "The minutes could not be exported. Please try again.");
    return res.blob();
  },
  completeAction: (token: string, panelId: string, action: PanelAction, note: string) =>
    request<ActionResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/done`, token, {
      method: "POST",
      body: JSON.stringify({ note }),
      headers: { "If-Match": action.version },
    }),
  triage: (token: string, panelId: string, referralId: string, step: TriageStep, version: string) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/triage`,
      token,
      { method: "POST", body: JSON.stringify(step), headers: { "If-Match": version } },
    ),
};
