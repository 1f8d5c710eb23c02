import type { Actor } from "../../domain/people/actor.js";
import { withdrawReferral as withdrawStep } from "../../domain/referrals/triage.js";
import { changedBy, panelOf, visibleReferral } from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";
import { saveReferralStep } from "./save-referral-step.js";

/**
 * The referrer withdraws a referral that is still waiting, with a reason: it leaves the waiting
 * lists, its match keys go as a decline's do, and whoever it was waiting for is told. Whether it
 * can be withdrawn at all is answered before the version, so a referral accepted since the card
 * was drawn says so plainly rather than "changed since".
 */
export async function withdrawReferral(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  reason: string,
  version: string,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const before = await visibleReferral(ports, actor, panel, referralId);
  const after = withdrawStep(before.value, actor, reason, ports.now());
  if (before.etag !== version) throw changedBy(before.value.reference, before);
  return saveReferralStep(ports, before, after, actor, {
    action: "referral.withdrawn",
    via,
    notices: ["referral-withdrawn"],
  });
}
