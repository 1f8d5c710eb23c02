import { z } from "zod";
import { AuditEntry } from "../../domain/audit/audit-entry.js";
import { Case } from "../../domain/cohort/case.js";
import { Decision } from "../../domain/decisions/decision.js";
import { MatchOn } from "../../domain/referrals/referral.js";
import type { Versioned } from "./versioned.js";

// The records of an area's casework as they are stored, checked when read back, and the shape of
// a page of a list: what the casework port and its parts (subject-records.ts, record-removals.ts)
// have in common.

export const ReferenceCounter = z.strictObject({
  areaId: z.string(),
  year: z.number().int(),
  issued: z.number().int().min(0),
});
export type ReferenceCounter = z.infer<typeof ReferenceCounter>;

/**
 * A match key of a subject the area knows, or of a referral still waiting for a decision (its
 * subject is not known yet): another referral with the same key may be about the same one.
 */
export const MatchRow = z
  .strictObject({
    areaId: z.string(),
    hash: z.string().regex(/^[0-9a-f]{32}$/),
    on: MatchOn,
    subjectId: z.string().max(64).optional(),
    referralId: z.uuid().optional(),
    reference: z.string().max(20),
  })
  .refine((m) => (m.subjectId === undefined) !== (m.referralId === undefined), {
    message: "a match key belongs to a subject or to a waiting referral",
  });
export type MatchRow = z.infer<typeof MatchRow>;

export const StoredCase = Case.extend({ areaId: z.string() });
export type StoredCase = z.infer<typeof StoredCase>;
export const StoredAudit = AuditEntry.extend({ areaId: z.string() });
export type StoredAudit = z.infer<typeof StoredAudit>;
export const StoredDecision = Decision.extend({ areaId: z.string() });
export type StoredDecision = z.infer<typeof StoredDecision>;

/** Where a page ended: the moment and id of its last record, in the list's order. */
export interface PagePosition {
  at: string;
  id: string;
}
export interface Page<T> {
  values: Versioned<T>[];
  /** Whether more follow the page. */
  more: boolean;
}
