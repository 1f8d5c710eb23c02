import { DateTime } from "luxon";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { ReferralNotice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { meetingForReferral } from "../../domain/referrals/meeting-choice.js";
import type { CaseworkUnit } from "../ports/casework.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import { settleMatchKeys } from "./pending-matches.js";
import { changedBy } from "./referral-access.js";
import { referralAudit, referralNotice } from "./referral-records.js";
import type { ReferralPorts } from "./referral-ports.js";

export interface ReferralStep {
  action: AuditAction;
  via: string;
  notices: ReferralNotice["kind"][];
  /** Other records the step changes, in the same unit of work. */
  alsoWrites?: (unit: CaseworkUnit) => void;
}

/**
 * Writes a step on a referral: the referral (refused if it changed since `before`), its audit
 * entry and the notices it owes people, together; a step that decides it removes its match keys.
 */
export async function saveReferralStep(
  ports: Pick<ReferralPorts, "casework" | "now" | "onNotices">,
  before: Versioned<Referral>,
  after: Referral,
  actor: Actor,
  step: ReferralStep,
): Promise<Referral> {
  const now = ports.now();
  const unit = ports.casework.unit(after.areaId, actor.name);
  const saved = settleMatchKeys(unit, after);
  unit.replaceReferral(saved, before);
  unit.audit(referralAudit(saved, actor.id, step.action, step.via, now));
  for (const kind of step.notices) unit.queueNotice(referralNotice(saved, kind, now));
  step.alsoWrites?.(unit);
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    const current = await ports.casework.referral(after.areaId, after.panelId, after.id);
    throw current && current.etag !== before.etag
      ? changedBy(after.reference, current)
      : new Refusal(
          "conflict",
          `Someone changed a record linked to ${after.reference} at the same moment. Try again.`,
        );
  }
  if (step.notices.length) ports.onNotices(saved.areaId);
  return saved;
}

/** A referral keeps its meeting while that meeting's deadline has not passed; otherwise the next. */
export function withCurrentMeeting(ports: Pick<ReferralPorts, "catalogue" | "now">, r: Referral): Referral {
  const now = ports.now();
  const deadlineDays = ports.catalogue.panels.get(r.panelId)?.referralRules?.deadlineDaysBefore ?? 0;
  const stillInTime =
    r.meetingDate !== null &&
    (DateTime.fromISO(r.meetingDate).minus({ days: deadlineDays }).toISODate() ?? "") >= localDay(now);
  return stillInTime
    ? r
    : { ...r, meetingDate: meetingForReferral(ports.catalogue, r.panelId, now)?.date ?? null };
}
