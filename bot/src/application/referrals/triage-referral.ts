import { randomUUID } from "node:crypto";
import type { Actor } from "../../domain/people/actor.js";
import { triageReferral as triageStep, type TriageDecision } from "../../domain/referrals/triage.js";
import { grantPresenters, presentersOfReferral } from "../people/presenters.js";
import { joinCohort } from "./join-cohort.js";
import {
  noSuchReferral,
  panelOf,
  reachedPanel,
  requireCoordinator,
  storedReferral,
  changedBy,
} from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";
import { saveReferralStep, withCurrentMeeting } from "./save-referral-step.js";

/**
 * A coordinator accepts a referral (its subject joins the cohort and its presenters get the
 * presenter role), asks the referrer, or declines.
 */
export async function triageReferral(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  step: TriageDecision,
  version: string,
  via: string,
) {
  const panel = panelOf(ports.catalogue, panelId);
  await requireCoordinator(ports, actor.id, panel);
  const before = await storedReferral(ports, panel, referralId);
  if (!reachedPanel(before.value)) throw noSuchReferral();
  if (before.etag !== version) throw changedBy(before.value.reference, before);
  const r = before.value;
  const now = ports.now();
  if (step.decision === "ask") {
    const after = triageStep(r, actor, step, now, "");
    return saveReferralStep(ports, before, after, actor, {
      action: "referral.more-information-requested",
      via,
      notices: ["question-asked"],
    });
  }
  if (step.decision === "decline") {
    const after = triageStep(r, actor, step, now, "");
    return saveReferralStep(ports, before, after, actor, {
      action: "referral.declined",
      via,
      notices: ["triage-decided"],
    });
  }
  const linkTo = step.linkToSubjectId ?? r.linkedSubjectId;
  const subjectId = linkTo ?? randomUUID();
  const after = withCurrentMeeting(
    ports,
    triageStep(r, actor, { ...step, linkToSubjectId: linkTo }, now, subjectId),
  );
  const presenters = await presentersOfReferral(ports, after);
  const cohort = await joinCohort(ports, after, subjectId, presenters);
  const accepted = await saveReferralStep(ports, before, after, actor, {
    action: "referral.accepted",
    via,
    notices: ["triage-decided"],
    alsoWrites: cohort,
  });
  // Only once the case is stored: a refused acceptance gives nobody a role.
  await grantPresenters(ports, actor, panel, presenters.grantable, via);
  return accepted;
}
