// A panel's referrals and a referrer's own: the referral form, triage, withdrawal, answers and
// approval. A change to a referral carries the version read, so one made meanwhile is refused, not
// overwritten.

import type {
  AnswerBody,
  ApprovalBody,
  OwnReferralsResponse,
  ReferralDetail,
  ReferralFormPressBody,
  ReferralFormResponse,
  ReferralsResponse,
  ReferralSummary,
  TriageStep,
  WithdrawalBody,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { request } from "./request.js";

export const referralCalls = {
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
  triage: (token: TokenSource, panelId: string, referralId: string, step: TriageStep, version: string) =>
    request<ReferralSummary>(
      `/api/panels/${encodeURIComponent(panelId)}/referrals/${encodeURIComponent(referralId)}/triage`,
      token,
      { method: "POST", body: JSON.stringify(step), headers: { "If-Match": version } },
    ),
};
