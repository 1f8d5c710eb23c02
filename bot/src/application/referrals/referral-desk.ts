import { withPorts } from "../with-ports.js";
import { listReferrals, awaitingApproval, panelsToReferTo, viewReferral } from "./referral-queries.js";
import { answerReferralQuestion, approveReferral, linkReferral } from "./referrer-and-manager-steps.js";
import { blankForm, formOf } from "./referral-form.js";
import { checkReferralStep, keepFormAnswers } from "./form-in-steps.js";
import type { ReferralPorts } from "./referral-ports.js";
import { ownReferrals } from "./own-referrals.js";
import { submitReferral } from "./submit-referral.js";
import { transferIn } from "./transfer-in.js";
import { transferChecks } from "./transfer-checks.js";
import { triageReferral } from "./triage-referral.js";
import { withdrawReferral } from "./withdraw-referral.js";
import { askReferrerAtThresholding } from "./thresholding-question.js";

// The referral desk: every way into a referral (bot card, tab API, another panel's transfer)
// comes through these commands, so the panel's rules, roles, idempotency and the audit log hold
// the same whichever client is used.

export const referralDesk = (ports: ReferralPorts) => ({
  panelsFor: withPorts(ports, panelsToReferTo),
  form: withPorts(ports, blankForm),
  formFor: withPorts(ports, formOf),
  checkStep: withPorts(ports, checkReferralStep),
  keepAnswers: withPorts(ports, keepFormAnswers),
  submit: withPorts(ports, submitReferral),
  transferIn: withPorts(ports, transferIn),
  transferChecks: withPorts(ports, transferChecks),
  view: withPorts(ports, viewReferral),
  list: withPorts(ports, listReferrals),
  awaitingApproval: withPorts(ports, awaitingApproval),
  decideApproval: withPorts(ports, approveReferral),
  triage: withPorts(ports, triageReferral),
  answer: withPorts(ports, answerReferralQuestion),
  link: withPorts(ports, linkReferral),
  own: withPorts(ports, ownReferrals),
  withdraw: withPorts(ports, withdrawReferral),
  askAtThresholding: withPorts(ports, askReferrerAtThresholding),
});
export type ReferralDesk = ReturnType<typeof referralDesk>;

export type { SubmitResult } from "./submit-referral.js";
export type { FormSoFar } from "./form-in-steps.js";
