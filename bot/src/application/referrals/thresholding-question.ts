import type { Actor } from "../../domain/people/actor.js";
import { askAtThresholding } from "../../domain/referrals/triage.js";
import type { CaseworkUnit } from "../ports/casework.js";
import { panelOf, storedReferral } from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";
import { saveReferralStep } from "./save-referral-step.js";

/**
 * The thresholding meeting found too little information on a case (003 category 2): the question
 * goes to the referrer of the case's latest referral, in the same unit of work as the outcome
 * (`alsoWrites`), and reaches them as the question card a triage question sends. Who may record
 * the outcome is settled by the thresholding meeting's command before this is called.
 */
export async function askReferrerAtThresholding(
  ports: ReferralPorts,
  actor: Actor,
  panelId: string,
  referralId: string,
  question: string,
  alsoWrites: (unit: CaseworkUnit) => void,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const before = await storedReferral(ports, panel, referralId);
  const after = askAtThresholding(before.value, actor, question, ports.now());
  return saveReferralStep(ports, before, after, actor, {
    action: "referral.more-information-requested",
    via,
    notices: ["question-asked"],
    alsoWrites,
  });
}
