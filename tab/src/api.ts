// The tab's client for the service's /api. Every call carries the bearer token from sign-in.

export interface Meeting {
  panelId: string;
  date: string;
  start: string;
  end: string;
  description: string;
}

export type MeetingStatus = "planned" | "scheduled" | "moved" | "cancelled";

export interface PanelMeeting {
  /** The date the panel's rule gave the meeting; it stays the same when the meeting moves. */
  id: string;
  date: string;
  start: string;
  end: string;
  description: string;
  status: MeetingStatus;
  joinUrl: string | null;
  note: string | null;
  version: string | null;
}

export interface PanelMeetings {
  calendar: {
    connected: boolean;
    series: { organiser: string; from: string; to: string; scheduledAt: string } | null;
  };
  meetings: PanelMeeting[];
}

export interface ScheduleResult {
  outcome: "created" | "updated" | "unchanged";
  organiser: string;
  from: string;
  to: string;
  meetings: PanelMeeting[];
}

export interface AgendaChoice {
  sectionId: string | null;
  order: number | null;
  slotMinutes: number | null;
  category: 1 | 2 | 3 | 4 | null;
  rationale: string | null;
  groupKey: string | null;
}

export interface AgendaSubject {
  subjectId: string;
  reference: string;
  label: string | null;
}

export interface AgendaSlot {
  start: string;
  end: string;
  minutes: number;
  subjects: AgendaSubject[];
  presenters: string[];
  workerMustAttend: boolean;
  choice: AgendaChoice;
}

export interface AgendaEntry {
  kind: "heading" | "item" | "section" | "break";
  id: string | null;
  title: string;
  lead: string;
  note: string | null;
  statements: string[];
  start: string;
  end: string;
  minutes: number;
  slots: AgendaSlot[];
  listed: (AgendaSubject & { rationale: string | null; choice: AgendaChoice })[];
}

export interface MeetingAgenda {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  role: string;
  editable: boolean;
  version: string;
  publishedVersions: number;
  start: string;
  end: string;
  entries: AgendaEntry[];
  unplaced: (AgendaSubject & { choice: AgendaChoice })[];
  sections: { id: string; title: string }[];
  usesCategories: boolean;
  /** During the meeting, names wait until the person signs in. */
  namesHidden: boolean;
}

export interface PanelAction {
  id: string;
  reference: string;
  meetingId: string;
  caseReference: string | null;
  title: string;
  text: string;
  ownerId: string;
  ownerName: string;
  ownerAgency: string;
  ownerAgencyId: string;
  dueDate: string;
  status: "open" | "done";
  overdue: boolean;
  completed: { byName: string; at: string; note: string } | null;
  updates: { byName: string; at: string; text: string }[];
  version: string;
}

export interface MeetingRoomView {
  panelId: string;
  meetingId: string;
  meetingDescription: string;
  statement: string;
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string; agency: string; capacity: string; at: string }[];
  apologies: { id: string; name: string; agency: string }[];
  quorum: {
    quorate: boolean;
    needed: { kind: string; label: string; present: boolean }[];
    missing: string[];
  };
  agencies: { id: string; name: string }[];
  myAgencyId: string | null;
  signInCardPosted: boolean;
  riskLevels: { id: string; label: string }[];
  transferPanels: { id: string; name: string }[];
  decisionKinds: { value: DecisionKind; label: string }[];
  disruptions: string[];
}

export type DecisionKind = "continue" | "return" | "remain-considered" | "remove" | "transfer" | "escalate";

export interface DecisionForm {
  kind: DecisionKind;
  reviewDate: string | null;
  returnTo: string | null;
  rationale: string;
  riskLevel: string | null;
  volt: { personsOfConcern: string[]; locations: string[]; groups: string[]; themes: string[] };
  disruption: string[];
  disruptionDetail: string;
  transferTo: string | null;
}

export interface CaseDecision extends DecisionForm {
  /** The referral a transfer made in the host area's panel. */
  transfer?: { reference: string; panelName: string } | null;
  subjectId: string;
  reference: string;
  recordedByName: string;
  at: string;
  version: string;
}

export interface MeetingMinutes {
  panelName: string;
  areaName: string;
  meetingDescription: string;
  confidentialityStatement: string;
  attendance: { name: string; agency: string; capacity: string }[];
  apologies: { name: string; agency: string }[];
  quorum: { quorate: boolean; missing: string[] };
  items: {
    subjectId: string;
    reference: string;
    label: string | null;
    section: string;
    decision: string | null;
    riskLevel: string | null;
    links: string[];
    disruption: string[];
    actions: { reference: string; title: string; owner: string; agency: string; dueDate: string }[];
  }[];
  themes: string[];
}

/** A reminder Teams could not deliver, shown to coordinators and chairs. */
export interface UndeliveredReminder {
  id: string;
  reference: string | null;
  recipientName: string;
  place: "personal" | "channel";
  reason: string;
  at: string;
}

export interface PanelMember {
  id: string;
  displayName: string;
  role: string;
  agency: string;
}

export interface PanelSummary {
  id: string;
  name: string;
  shortName: string;
  tier: string;
  area: { id: string; name: string };
  role: string;
  nextMeetings: Meeting[];
}

/** What every panel view is opened with. */
export interface PanelViewProps {
  token: string;
  /** The signed-in person's id. */
  meId: string;
  panel: PanelSummary;
  onBack: () => void;
}

export interface Me {
  id: string;
  displayName: string;
  jobTitle: string | null;
  agency: string | null;
}

export interface DemoPerson {
  id: string;
  displayName: string;
  jobTitle: string;
}

export type ReferralKind = "individual" | "group" | "person-of-concern" | "location-of-concern";

export type ReferralStatus =
  "awaiting-approval" | "not-approved" | "new" | "more-information-requested" | "accepted" | "declined";

export interface ReferralSummary {
  id: string;
  reference: string;
  kind: ReferralKind;
  status: ReferralStatus;
  statusLabel: string;
  subject: string;
  submittedAt: string;
  referrer: { name: string; jobTitle: string; agency: string };
  meetingDate: string | null;
  possibleDuplicates: {
    subjectId: string;
    reference: string;
    matchedOn: "name-and-date-of-birth" | "address-and-postcode";
  }[];
  linkedSubjectId: string | null;
  questions: { question: string; askedBy: string; answer: string | null }[];
}

export interface ReferralDetail extends ReferralSummary {
  answers: { field: string; label: string; value: string }[];
  /** A transfer from another area's panel, with what that panel decided. */
  transferredFrom: { areaName: string; panelName: string; reference: string; summary: string } | null;
  /** The version the detail was read at; a triage made on it is refused if someone changed it since. */
  version: string;
}

export type TriageStep =
  | { decision: "accept"; note?: string; linkToSubjectId?: string | null }
  | { decision: "ask"; question: string }
  | { decision: "decline"; reason: string };

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
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body.error?.message ?? `The service answered ${res.status}. Please try again.`,
    );
  }
  return body as T;
}

export const api = {
  authConfig: () =>
    request<{ mode: "development" | "teams-sso"; clientId?: string }>("/api/auth/config", null),
  demoPeople: () => request<{ people: DemoPerson[] }>("/dev-idp/people", null),
  demoToken: (personId: string) =>
    request<{ token: string }>("/dev-idp/token", null, {
      method: "POST",
      body: JSON.stringify({ personId }),
    }),
  me: (token: string) => request<Me>("/api/me", token),
  panels: (token: string) => request<{ panels: PanelSummary[] }>("/api/panels", token),
  referrals: (token: string, panelId: string) =>
    request<{ referrals: ReferralSummary[] }>(`/api/panels/${encodeURIComponent(panelId)}/referrals`, token),
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
    request<PanelMeetings>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings?from=${from}&to=${to}`,
      token,
    ),
  schedule: (token: string, panelId: string, from: string, to: string) =>
    request<ScheduleResult>(`/api/panels/${encodeURIComponent(panelId)}/schedule`, token, {
      method: "POST",
      body: JSON.stringify({ from, to }),
    }),
  moveMeeting: (
    token: string,
    panelId: string,
    meeting: PanelMeeting,
    change: { date: string; startTime: string; reason: string },
  ) =>
    request<{ meeting: PanelMeeting }>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/move`,
      token,
      { method: "POST", body: JSON.stringify(change), headers: { "If-Match": meeting.version ?? "" } },
    ),
  cancelMeeting: (token: string, panelId: string, meeting: PanelMeeting, reason: string) =>
    request<{ meeting: PanelMeeting }>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meeting.id}/cancel`,
      token,
      { method: "POST", body: JSON.stringify({ reason }), headers: { "If-Match": meeting.version ?? "" } },
    ),
  agenda: (token: string, panelId: string, meetingId: string) =>
    request<MeetingAgenda>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda`, token),
  chooseForCase: (
    token: string,
    panelId: string,
    meetingId: string,
    subjectId: string,
    choice: AgendaChoice,
    version: string,
  ) =>
    request<MeetingAgenda>(
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
    request<MeetingAgenda>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/cases/${encodeURIComponent(subjectId)}/meeting`,
      token,
      {
        method: "PUT",
        body: JSON.stringify({ meetingId: targetMeetingId }),
        headers: { "If-Match": version },
      },
    ),
  publishAgenda: (token: string, panelId: string, meetingId: string, version: string) =>
    request<{
      version: number;
      invited: number;
      notInvited: number;
      why: string | null;
      channelTold: boolean;
    }>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/agenda/publish`, token, {
      method: "POST",
      body: "{}",
      headers: { "If-Match": version },
    }),
  members: (token: string, panelId: string) =>
    request<{ members: PanelMember[] }>(`/api/panels/${encodeURIComponent(panelId)}/members`, token),
  actions: (token: string, panelId: string, query: string) =>
    request<{ actions: PanelAction[]; undelivered: UndeliveredReminder[] }>(
      `/api/panels/${encodeURIComponent(panelId)}/actions?${query}`,
      token,
    ),
  actionsCsv: async (token: string, panelId: string, query: string): Promise<Blob> => {
    const res = await fetch(`/api/panels/${encodeURIComponent(panelId)}/actions.csv?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new ApiError(res.status, "The action log could not be exported. Please try again.");
    return res.blob();
  },
  recordAction: (
    token: string,
    panelId: string,
    meetingId: string,
    action: {
      title: string;
      text: string;
      ownerId: string;
      subjectId: string | null;
      dueDate: string | null;
    },
  ) =>
    request<{ action: PanelAction }>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/actions`,
      token,
      {
        method: "POST",
        body: JSON.stringify(action),
      },
    ),
  room: (token: string, panelId: string, meetingId: string) =>
    request<MeetingRoomView>(`/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room`, token),
  signIn: (
    token: string,
    panelId: string,
    meetingId: string,
    body: { agencyId: string; capacity: string; agreed: boolean },
  ) =>
    request<MeetingRoomView>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  recordApology: (
    token: string,
    panelId: string,
    meetingId: string,
    body: { agencyId: string; personName: string },
  ) =>
    request<MeetingRoomView>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/apologies`,
      token,
      {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  openSignIn: (token: string, panelId: string, meetingId: string) =>
    request<{ posted: boolean; alreadyPosted: boolean }>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/room/sign-in-card`,
      token,
      { method: "POST", body: "{}" },
    ),
  decisions: (token: string, panelId: string, meetingId: string) =>
    request<{ decisions: CaseDecision[] }>(
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
    request<{ decision: CaseDecision }>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/decisions/${encodeURIComponent(subjectId)}`,
      token,
      { method: "PUT", body: JSON.stringify(decision), headers: { "If-Match": version } },
    ),
  minutes: (token: string, panelId: string, meetingId: string) =>
    request<MeetingMinutes>(
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
    request<{ action: PanelAction }>(
      `/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/done`,
      token,
      {
        method: "POST",
        body: JSON.stringify({ note }),
        headers: { "If-Match": action.version },
      },
    ),
  triage: (token: string, panelId: string, referralId: string, step: TriageStep, version: string) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/triage`,
      token,
      { method: "POST", body: JSON.stringify(step), headers: { "If-Match": version } },
    ),
};
