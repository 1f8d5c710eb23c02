// The tab's client for the service's /api. Every call carries a bearer token from sign-in.
// What each call sends and answers is the service's contract.

import type {
  AccessDecisionBody,
  AccessRequestsResponse,
  AccessRequestView,
  ActionExtendBody,
  ActionNotPossibleBody,
  ActionReassignBody,
  ActionResponse,
  ActionsResponse,
  AgendaChoice,
  AgendaResponse,
  ApologyBody,
  AreaPeopleResponse,
  AskForAccessBody,
  AuthConfigResponse,
  BaselineReplacementBody,
  BaselineResponse,
  ChartTheme,
  CohortResponse,
  DecisionForm,
  DecisionResponse,
  DecisionsResponse,
  DemoPeopleResponse,
  DemoTokenResponse,
  DirectoryResponse,
  FieldProblem,
  HistoryResponse,
  ImportResponse,
  MeetingChangeResponse,
  MeetingsResponse,
  MembersResponse,
  MeResponse,
  MinutesResponse,
  MoveMeetingBody,
  NewActionBody,
  OwnReferralsResponse,
  PanelAction,
  PanelMeeting,
  PanelsResponse,
  PanelSummary,
  PersonChangeBody,
  ProblemResponse,
  PublishResponse,
  ReferralDetail,
  ReferralFormPressBody,
  ReferralFormResponse,
  ReferralsResponse,
  ReferralSummary,
  ReportResponse,
  ReportScope,
  RoleChangeBody,
  RoomResponse,
  ScheduleResponse,
  Sharing,
  SignInBody,
  SignInCardResponse,
  ThemeChangeResponse,
  ThresholdingBody,
  ThresholdingResponse,
  TriageStep,
  WhoToAskResponse,
  WithdrawalBody,
  AnswerBody,
  ApprovalBody,
  WorkOutMonthResponse,
} from "../../bot/src/adapters/http/contract/index.js";
import type {
  DownloadLinkBody,
  DownloadLinkResponse,
} from "../../bot/src/adapters/http/contract/downloads.js";

import type {
  EndLinkRequest,
  LinkResponse,
  NewLinkRequest,
  NewSubjectRequest,
  SubjectMapResponse,
  SubjectResponse,
  SubjectsResponse,
} from "../../bot/src/adapters/http/contract/links.js";

import type { TokenSource } from "./tokens.js";
export type { TokenSource } from "./tokens.js";
export type * from "../../bot/src/adapters/http/contract/register.js";

// Types only: the service's schemas stay out of the tab's bundle.
export type * from "../../bot/src/adapters/http/contract/index.js";
export type {
  Cell,
  Column,
  Period,
  PeriodKind,
  Report,
  ReportChart,
  ReportSection,
  ReportTable,
  SectionId,
} from "../../bot/src/domain/reports/report.js";

/** What every panel view is opened with. */
export interface PanelViewProps {
  /** The signed-in person's tokens, renewed as they expire. */
  token: TokenSource;
  /** The signed-in person's id. */
  meId: string;
  panel: PanelSummary;
  onBack: () => void;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The service's words about particular fields, to show beside each. */
    readonly fields: FieldProblem[] = [],
    /** The service's stable code for the refusal, for a form that offers a way on. */
    readonly code: string = "",
  ) {
    super(message);
  }
}

/** Sends a call with the current token; if the service refuses it (401), once more with a renewed one. */
async function authorised(path: string, tokens: TokenSource, init: RequestInit = {}): Promise<Response> {
  const send = (token: string) => {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    return fetch(path, { ...init, headers });
  };
  const res = await send(await tokens.current());
  return res.status === 401 ? send(await tokens.renew()) : res;
}

/** One call to the service, with the current token; the service's words for a refusal are the error. */
export async function request<T>(
  path: string,
  tokens: TokenSource | null,
  init: RequestInit = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  const withHeaders = { ...init, headers };
  const res = await (tokens ? authorised(path, tokens, withHeaders) : fetch(path, withHeaders));
  const body = (await res.json().catch(() => ({}))) as Partial<ProblemResponse>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body.error?.message ?? `The service answered ${res.status}. Please try again.`,
      body.error?.fields,
      body.error?.code,
    );
  }
  return body as T;
}

/**
 * A download link to a file the service makes, for the signed-in person (openDownload.ts opens it);
 * one the person may not have is refused in the service's words.
 */
export const file = (path: string, tokens: TokenSource): Promise<DownloadLinkResponse> =>
  request<DownloadLinkResponse>("/api/downloads", tokens, {
    method: "POST",
    body: JSON.stringify({ path } satisfies DownloadLinkBody),
  });

interface MapQuery {
  depth: number;
  kinds?: string[];
  from?: string;
  to?: string;
}
const mapOf = (areaId: string, subjectId: string) =>
  `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/map`;
function mapQuery(query: MapQuery): string {
  const params = new URLSearchParams({ depth: String(query.depth) });
  if (query.kinds?.length) params.set("kinds", query.kinds.join(","));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params.toString();
}

/** A report's period and scope as the service reads them: no panel is the area's report. */
function reportQuery(scope: ReportScope, more: Record<string, string>): string {
  const params = new URLSearchParams({ period: scope.period });
  if (scope.period === "custom") {
    params.set("from", scope.from ?? "");
    params.set("to", scope.to ?? "");
  }
  if (scope.panelId) params.set("panelId", scope.panelId);
  for (const [name, value] of Object.entries(more)) params.set(name, value);
  return params.toString();
}

const reportsOf = (areaId: string) => `/api/areas/${encodeURIComponent(areaId)}/reports`;

export const api = {
  authConfig: () => request<AuthConfigResponse>("/api/auth/config", null),
  demoPeople: () => request<DemoPeopleResponse>("/dev-idp/people", null),
  demoToken: (personId: string) =>
    request<DemoTokenResponse>("/dev-idp/token", null, {
      method: "POST",
      body: JSON.stringify({ personId }),
    }),
  me: (token: TokenSource) => request<MeResponse>("/api/me", token),
  panels: (token: TokenSource) => request<PanelsResponse>("/api/panels", token),
  /** A page of the panel's referrals, newest first: the first, or the one after `after`. */
  referrals: (token: TokenSource, panelId: string, show: "waiting" | "all", after?: string) =>
    request<ReferralsResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals?show=${show}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      token,
    ),
  /** The referral form's first card, as the bot's `refer` draws it. */
  referralFormStart: (token: TokenSource) => request<ReferralFormResponse>("/api/referral-form", token),
  /** A press on the referral form's card: the next card, or a message in its place. */
  referralFormPress: (token: TokenSource, press: ReferralFormPressBody) =>
    request<ReferralFormResponse>("/api/referral-form", token, {
      method: "POST",
      body: JSON.stringify(press),
    }),
  /** A page of the signed-in person's own referrals, newest first. */
  myReferrals: (token: TokenSource, after?: string) =>
    request<OwnReferralsResponse>(
      `/api/referrals/mine${after ? `?after=${encodeURIComponent(after)}` : ""}`,
      token,
    ),
  /** The referrer withdraws one still waiting, on the version they read. */
  withdrawReferral: (
    token: TokenSource,
    panelId: string,
    referralId: string,
    body: WithdrawalBody,
    version: string,
  ) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/withdraw`,
      token,
      { method: "POST", body: JSON.stringify(body), headers: { "If-Match": version } },
    ),
  /** The service manager approves or declines a referral, on the version they read. */
  decideApproval: (
    token: TokenSource,
    panelId: string,
    referralId: string,
    body: ApprovalBody,
    version: string,
  ) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/approval`,
      token,
      { method: "POST", body: JSON.stringify(body), headers: { "If-Match": version } },
    ),
  /** The referrer answers the coordinator's question, on the version they read. */
  answerReferral: (
    token: TokenSource,
    panelId: string,
    referralId: string,
    body: AnswerBody,
    version: string,
  ) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/answer`,
      token,
      { method: "POST", body: JSON.stringify(body), headers: { "If-Match": version } },
    ),
  referral: (token: TokenSource, panelId: string, referralId: string) =>
    request<ReferralDetail>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}`,
      token,
    ),
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
  members: (token: TokenSource, panelId: string) =>
    request<MembersResponse>(`/api/panels/${encodeURIComponent(panelId)}/members`, token),
  actions: (token: TokenSource, panelId: string, query: string) =>
    request<ActionsResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions?${query}`, token),
  actionsCsv: (token: TokenSource, panelId: string, query: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/actions.csv?${query}`, token),
  /** A page of the panel's open or closed cases: the first, or the one after `after`. */
  cohort: (token: TokenSource, panelId: string, list: "open" | "closed", after?: string) =>
    request<CohortResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/cohort?list=${list}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      token,
    ),
  cohortCsv: (token: TokenSource, panelId: string, list: "open" | "closed") =>
    file(`/api/panels/${encodeURIComponent(panelId)}/cohort.csv?list=${list}`, token),
  recordAction: (token: TokenSource, panelId: string, meetingId: string, action: NewActionBody) =>
    request<ActionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/actions`,
      token,
      {
        method: "POST",
        body: JSON.stringify(action),
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
  findSubjects: (token: TokenSource, areaId: string, query: string) =>
    request<SubjectsResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/subjects?q=${encodeURIComponent(query)}`,
      token,
    ),
  recordSubject: (token: TokenSource, areaId: string, body: NewSubjectRequest) =>
    request<SubjectResponse>(`/api/areas/${encodeURIComponent(areaId)}/subjects`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  addLink: (token: TokenSource, areaId: string, body: NewLinkRequest) =>
    request<LinkResponse>(`/api/areas/${encodeURIComponent(areaId)}/links`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  endLink: (token: TokenSource, areaId: string, linkId: string, body: EndLinkRequest) =>
    request<LinkResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/links/${encodeURIComponent(linkId)}/end`,
      token,
      { method: "POST", body: JSON.stringify(body) },
    ),
  subjectMap: (token: TokenSource, areaId: string, subjectId: string, query: MapQuery) =>
    request<SubjectMapResponse>(`${mapOf(areaId, subjectId)}?${mapQuery(query)}`, token),
  /** A download link to the map as a PNG, laid out and marked by the service; read and audited again. */
  subjectMapImage: (token: TokenSource, areaId: string, subjectId: string, query: MapQuery) =>
    file(`${mapOf(areaId, subjectId)}.png?${mapQuery(query)}`, token),
  completeAction: (token: TokenSource, panelId: string, action: PanelAction, note: string) =>
    request<ActionResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/done`, token, {
      method: "POST",
      body: JSON.stringify({ note }),
      headers: { "If-Match": action.version },
    }),
  /** Extends, reassigns or closes an action as not possible, on the version shown. */
  reshapeAction: (
    token: TokenSource,
    panelId: string,
    action: PanelAction,
    change:
      | { kind: "extend"; body: ActionExtendBody }
      | { kind: "reassign"; body: ActionReassignBody }
      | { kind: "not-possible"; body: ActionNotPossibleBody },
  ) =>
    request<ActionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/${change.kind}`,
      token,
      { method: "POST", body: JSON.stringify(change.body), headers: { "If-Match": action.version } },
    ),
  triage: (token: TokenSource, panelId: string, referralId: string, step: TriageStep, version: string) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/triage`,
      token,
      { method: "POST", body: JSON.stringify(step), headers: { "If-Match": version } },
    ),
  areaPeople: (token: TokenSource, areaId: string) =>
    request<AreaPeopleResponse>(`/api/areas/${encodeURIComponent(areaId)}/people`, token),
  savePerson: (token: TokenSource, areaId: string, personId: string, details: PersonChangeBody) =>
    request<void>(`/api/areas/${encodeURIComponent(areaId)}/people/${encodeURIComponent(personId)}`, token, {
      method: "PUT",
      body: JSON.stringify(details),
    }),
  setRole: (token: TokenSource, panelId: string, personId: string, change: RoleChangeBody) =>
    request<void>(
      `/api/panels/${encodeURIComponent(panelId)}/members/${encodeURIComponent(personId)}`,
      token,
      { method: "PUT", body: JSON.stringify(change) },
    ),
  removeRole: (token: TokenSource, panelId: string, personId: string) =>
    request<void>(
      `/api/panels/${encodeURIComponent(panelId)}/members/${encodeURIComponent(personId)}`,
      token,
      { method: "DELETE" },
    ),
  setAdministrator: (token: TokenSource, areaId: string, personId: string, administrator: boolean) =>
    request<void>(
      `/api/areas/${encodeURIComponent(areaId)}/administrators/${encodeURIComponent(personId)}`,
      token,
      { method: administrator ? "PUT" : "DELETE" },
    ),
  searchDirectory: (token: TokenSource, areaId: string, query: string) =>
    request<DirectoryResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/directory?q=${encodeURIComponent(query)}`,
      token,
    ),
  peopleTemplate: (token: TokenSource, areaId: string) =>
    file(`/api/areas/${encodeURIComponent(areaId)}/people/template.csv`, token),
  importPeople: (token: TokenSource, areaId: string, step: "preview" | "apply", csv: string) =>
    request<ImportResponse>(`/api/areas/${encodeURIComponent(areaId)}/people/import/${step}`, token, {
      method: "POST",
      body: csv,
      headers: { "Content-Type": "text/csv" },
    }),
  subjectHistory: (token: TokenSource, areaId: string, subjectId: string) =>
    request<HistoryResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/history`,
      token,
    ),
  subjectAccessDocx: (token: TokenSource, areaId: string, subjectId: string) =>
    file(
      `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/subject-access.docx`,
      token,
    ),
  subjectAccessByReference: (token: TokenSource, areaId: string, reference: string) =>
    file(
      `/api/areas/${encodeURIComponent(areaId)}/subject-access.docx?reference=${encodeURIComponent(reference)}`,
      token,
    ),
  whoToAsk: (token: TokenSource) => request<WhoToAskResponse>("/api/access/who-to-ask", token),
  askForAccess: (token: TokenSource, body: AskForAccessBody) =>
    request<AccessRequestView>("/api/access-requests", token, { method: "POST", body: JSON.stringify(body) }),
  accessRequests: (token: TokenSource, areaId: string) =>
    request<AccessRequestsResponse>(`/api/areas/${encodeURIComponent(areaId)}/access-requests`, token),
  decideAccess: (token: TokenSource, requestId: string, body: AccessDecisionBody) =>
    request<AccessRequestView>(`/api/access-requests/${encodeURIComponent(requestId)}/decision`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  /** One section of an area's or a panel's report, its charts drawn for the theme shown. */
  report: (token: TokenSource, areaId: string, scope: ReportScope, section: string, theme: ChartTheme) =>
    request<ReportResponse>(`${reportsOf(areaId)}?${reportQuery(scope, { section, theme })}`, token),
  /** Works one month's figures out again for every panel of the area. */
  workOutMonth: (token: TokenSource, areaId: string, month: string) =>
    request<WorkOutMonthResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/report-figures/${encodeURIComponent(month)}`,
      token,
      { method: "POST", body: "{}" },
    ),
  reportDocx: (token: TokenSource, areaId: string, scope: ReportScope, sharing: Sharing) =>
    file(`${reportsOf(areaId)}/document.docx?${reportQuery(scope, { sharing })}`, token),
  reportTableCsv: (token: TokenSource, areaId: string, scope: ReportScope, tableId: string) =>
    file(
      `${reportsOf(areaId)}/tables/${encodeURIComponent(tableId)}.csv?${reportQuery(scope, { sharing: "panel" })}`,
      token,
    ),
  baselineCsv: (token: TokenSource, areaId: string) =>
    file(`/api/areas/${encodeURIComponent(areaId)}/population-baseline.csv`, token),
  replaceBaseline: (token: TokenSource, areaId: string, body: BaselineReplacementBody) =>
    request<BaselineResponse>(`/api/areas/${encodeURIComponent(areaId)}/population-baseline`, token, {
      method: "PUT",
      body: JSON.stringify(body),
    }),
};
