import type {
  MeetingPlanRequest,
  MeetingPlanResponse,
  NewRegisterItemRequest,
  RegisterItemResponse,
  RegisterResponse,
  RegisterReviewRequest,
} from "../../bot/src/adapters/http/contract/register.js";
import { request, type TokenSource } from "./api.js";

// A strategic panel's register and forward plan: loaded with the Register page and the
// escalation's offer, not with the tab's first download.

const registerOf = (panelId: string) => `/api/panels/${encodeURIComponent(panelId)}/register`;

/** A strategic panel's register and forward plan. */
export const registerApi = {
  register: (token: TokenSource, panelId: string, closedAfter?: string) =>
    request<RegisterResponse>(
      `${registerOf(panelId)}${closedAfter ? `?closedAfter=${encodeURIComponent(closedAfter)}` : ""}`,
      token,
    ),
  raiseRegisterItem: (token: TokenSource, panelId: string, body: NewRegisterItemRequest) =>
    request<RegisterItemResponse>(registerOf(panelId), token, { method: "POST", body: JSON.stringify(body) }),
  /** An operational panel raises the escalation of a case on its area's strategic register. */
  raiseEscalation: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    subjectId: string,
    body: NewRegisterItemRequest,
  ) =>
    request<RegisterItemResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(subjectId)}/register`,
      token,
      { method: "POST", body: JSON.stringify(body) },
    ),
  reviewRegisterItem: (
    token: TokenSource,
    panelId: string,
    itemId: string,
    body: RegisterReviewRequest,
    version: string,
  ) =>
    request<RegisterItemResponse>(`${registerOf(panelId)}/${encodeURIComponent(itemId)}/reviews`, token, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "If-Match": version },
    }),
  closeRegisterItem: (
    token: TokenSource,
    panelId: string,
    itemId: string,
    outcome: string,
    version: string,
  ) =>
    request<RegisterItemResponse>(`${registerOf(panelId)}/${encodeURIComponent(itemId)}/close`, token, {
      method: "POST",
      body: JSON.stringify({ outcome }),
      headers: { "If-Match": version },
    }),
  changeRegisterOwner: (
    token: TokenSource,
    panelId: string,
    itemId: string,
    ownerId: string,
    version: string,
  ) =>
    request<RegisterItemResponse>(`${registerOf(panelId)}/${encodeURIComponent(itemId)}/owner`, token, {
      method: "PUT",
      body: JSON.stringify({ ownerId }),
      headers: { "If-Match": version },
    }),
  planMeeting: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    body: MeetingPlanRequest,
    version: string,
  ) =>
    request<MeetingPlanResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/forward-plan/${encodeURIComponent(meetingId)}`,
      token,
      { method: "PUT", body: JSON.stringify(body), headers: { "If-Match": version } },
    ),
};
