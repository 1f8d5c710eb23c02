import { randomUUID } from "node:crypto";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { ReferralNotice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { StoredAudit } from "../ports/casework.js";

// What a referral step writes beside the referral: its audit entry and the notice it owes people.

export function referralAudit(
  referral: Referral,
  actorId: string,
  action: AuditAction,
  via: string,
  at: Date,
): StoredAudit {
  return auditEntry(at, {
    areaId: referral.areaId,
    panelId: referral.panelId,
    actorId,
    action,
    subjectId: referral.subjectId,
    reference: referral.reference,
    referralId: referral.id,
    via,
  });
}

/** A notice for everyone the step concerns; the dispatcher splits it per recipient. */
export function referralNotice(referral: Referral, kind: ReferralNotice["kind"], at: Date): ReferralNotice {
  return {
    id: randomUUID(),
    kind,
    at: at.toISOString(),
    areaId: referral.areaId,
    panelId: referral.panelId,
    referralId: referral.id,
    recipientId: null,
    attempts: 0,
    retryAt: null,
  };
}
