import { gapsAgainstHostRules, type HostRuleGap } from "../../domain/referrals/host-rules.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { localDay } from "../../domain/schedule/dates.js";
import { areaOf, panelOf } from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";

/**
 * What a transferred referral lacks by the host panel's own rules, for its referral page: none for
 * a referral made to the panel directly, whose rules were checked when it was sent.
 */
export function transferChecks(
  ports: Pick<ReferralPorts, "catalogue" | "now">,
  referral: Referral,
): HostRuleGap[] {
  if (!referral.transferredFrom) return [];
  const panel = panelOf(ports.catalogue, referral.panelId);
  return gapsAgainstHostRules(panel, areaOf(ports.catalogue, panel.areaId), referral, localDay(ports.now()));
}
