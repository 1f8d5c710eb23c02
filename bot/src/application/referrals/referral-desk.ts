import type { Actor } from "../../domain/people/actor.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { TriageDecision } from "../../domain/referrals/triage.js";
import { listReferrals, awaitingApproval, panelsToReferTo, viewReferral } from "./referral-queries.js";
import { answerReferralQuestion, approveReferral, linkReferral } from "./referrer-and-manager-steps.js";
import { blankForm, formOf } from "./referral-form.js";
import type { ReferralPorts } from "./referral-ports.js";
import { submitReferral } from "./submit-referral.js";
import { transferIn } from "./transfer-in.js";
import { triageReferral } from "./triage-referral.js";

// The referral desk: every way into a referral (bot card, tab API, another panel's transfer)
// comes through these commands, so the panel's rules, roles, idempotency and the audit log hold
// the same whichever client is used.

export class ReferralDesk {
  constructor(private readonly ports: ReferralPorts) {}

  panelsFor = (personId: string) => panelsToReferTo(this.ports, personId);
  form = (personId: string, panelId: unknown, kind: unknown) =>
    blankForm(this.ports, personId, panelId, kind);
  formFor = (r: Referral) => formOf(this.ports, r);
  submit = (actor: Actor, panelId: unknown, kind: unknown, formId: unknown, raw: Record<string, unknown>) =>
    submitReferral(this.ports, actor, panelId, kind, formId, raw);
  transferIn = (
    actor: Actor,
    id: string,
    targetPanelId: string,
    source: Referral,
    from: { areaName: string; panelName: string; summary: string },
  ) => transferIn(this.ports, actor, id, targetPanelId, source, from);
  view = (actor: Actor, panelId: unknown, referralId: unknown, via: string) =>
    viewReferral(this.ports, actor, panelId, referralId, via);
  list = (actor: Actor, panelId: unknown, via: string, statuses?: Referral["status"][]) =>
    listReferrals(this.ports, actor, panelId, via, statuses);
  awaitingApproval = (manager: Actor, via: string) => awaitingApproval(this.ports, manager, via);
  decideApproval = (
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    decision: "approved" | "declined",
    comment: string,
    version: string,
    via: string,
  ) => approveReferral(this.ports, actor, panelId, referralId, decision, comment, version, via);
  triage = (
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    step: TriageDecision,
    version: string,
    via: string,
  ) => triageReferral(this.ports, actor, panelId, referralId, step, version, via);
  answer = (
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    answer: string,
    version: string,
    via: string,
  ) => answerReferralQuestion(this.ports, actor, panelId, referralId, answer, version, via);
  link = (actor: Actor, panelId: unknown, referralId: unknown, subjectId: unknown, via: string) =>
    linkReferral(this.ports, actor, panelId, referralId, subjectId, via);
}

export { ReferralIdInput } from "./referral-access.js";
export { PanelIdInput } from "../access/panel-access.js";
export type { SubmitResult } from "./submit-referral.js";
