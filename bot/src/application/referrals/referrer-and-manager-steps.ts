import type { Actor } from "../../domain/people/actor.js";
import { answerQuestion, decideApproval, linkToKnownSubject } from "../../domain/referrals/triage.js";
import { panelOf, visibleReferral } from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";
import { saveReferralStep, withCurrentMeeting } from "./save-referral-step.js";

// The steps the referrer and the named manager take: approval, answering the coordinator's
// question, linking to a subject the area already knows. The domain's rules say who may take each.

export async function approveReferral(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  decision: "approved" | "declined",
  comment: string,
  version: string,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const before = await visibleReferral(ports, actor, panel, referralId, version);
  const decided = decideApproval(before.value, actor, decision, comment, ports.now());
  // It reaches the panel now: the meeting is the first whose deadline has not passed today.
  const approved = decision === "approved";
  const after = approved ? withCurrentMeeting(ports, decided) : decided;
  return saveReferralStep(ports, before, after, actor, {
    action: approved ? "referral.approved" : "referral.not-approved",
    via,
    notices: approved ? ["approval-decided", "referral-arrived"] : ["approval-decided"],
  });
}

export async function answerReferralQuestion(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  answer: string,
  version: string,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const before = await visibleReferral(ports, actor, panel, referralId, version);
  const after = answerQuestion(before.value, actor, answer, ports.now());
  return saveReferralStep(ports, before, after, actor, {
    action: "referral.answered",
    via,
    notices: ["referral-arrived"],
  });
}

export async function linkReferral(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  subjectId: unknown,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const before = await visibleReferral(ports, actor, panel, referralId);
  const after = linkToKnownSubject(before.value, actor, String(subjectId ?? ""));
  return saveReferralStep(ports, before, after, actor, { action: "referral.linked", via, notices: [] });
}
