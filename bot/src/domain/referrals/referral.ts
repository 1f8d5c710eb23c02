import { PersonName } from "../people/membership.js";
import { z } from "zod";
import { ReferralKind } from "../catalogue/panel.js";
import type { FormValues } from "./form.js";
import { SourceRisk } from "./transfer-risk.js";

// A referral's life: awaiting the manager (where the panel asks for approval), then with the
// coordinator, who accepts it into the cohort, asks the referrer for more, or declines it. While
// it waits, the referrer may withdraw it.

export const REFERRAL_STATUSES = [
  "awaiting-approval",
  "not-approved",
  "new",
  "more-information-requested",
  "accepted",
  "declined",
  "withdrawn",
] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  "awaiting-approval": "Waiting for manager approval",
  "not-approved": "Not approved by the manager",
  new: "With the panel coordinator",
  "more-information-requested": "More information requested",
  accepted: "Accepted by the panel",
  declined: "Declined by the panel",
  withdrawn: "Withdrawn by the referrer",
};

const FormValue = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(80)).max(20),
]);
const Stamp = z.strictObject({ by: z.string().max(64), byName: PersonName, at: z.iso.datetime() });

export const MatchOn = z.enum(["name-and-date-of-birth", "address-and-postcode"]);
export type MatchOn = z.infer<typeof MatchOn>;

/** A subject the area knows, or a referral still waiting for a decision, that this may be about. */
export const PossibleDuplicate = z.strictObject({
  subjectId: z.string().max(64).optional(),
  /** A referral that was waiting for a decision (its subject not yet known) when this one was made. */
  referralId: z.uuid().optional(),
  reference: z.string().max(20),
  matchedOn: MatchOn,
});
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;
export const MAX_POSSIBLE_DUPLICATES = 20;

/** A match key as stored: hashed, so it shows no name or address. */
export const HeldMatchKey = z.strictObject({ on: MatchOn, hash: z.string().regex(/^[0-9a-f]{32}$/) });

export const Referral = z.strictObject({
  /** The id the form was drawn with: a submit delivered twice carries it twice. */
  id: z.uuid(),
  reference: z.string().regex(/^[A-Z]{3}-\d{4}-\d{4,}$/),
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  kind: ReferralKind,
  status: ReferralStatus,
  submitted: Stamp,
  referrer: z.strictObject({
    agencyId: z.string().max(80),
    jobTitle: z.string().max(120),
    email: z.string().max(200),
  }),
  /** The meeting it goes to: the first whose referral deadline had not passed when it was made. */
  meetingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  values: z.record(z.string().max(80), FormValue),
  managerId: z.string().max(64).nullable(),
  approval: Stamp.extend({
    decision: z.enum(["approved", "declined"]),
    comment: z.string().max(1000),
  }).nullable(),
  triage: Stamp.extend({ decision: z.enum(["accepted", "declined"]), note: z.string().max(1000) }).nullable(),
  /** The referrer's withdrawal, and whom it was waiting for then: they are told. */
  withdrawal: Stamp.extend({
    reason: z.string().max(1000),
    waitingFor: z.enum(["manager", "coordinator"]),
  })
    .nullable()
    .optional(),
  questions: z
    .array(
      Stamp.extend({
        question: z.string().max(1000),
        answer: z.string().max(2000).nullable(),
        answeredAt: z.iso.datetime().nullable(),
        /** Asked at triage or at the thresholding meeting; rows written before it was kept are triage's. */
        askedAt: z.enum(["triage", "thresholding"]).optional(),
      }),
    )
    .max(8),
  possibleDuplicates: z.array(PossibleDuplicate).max(MAX_POSSIBLE_DUPLICATES),
  /** While it waits for a decision, the match keys other referrals find it by; they go once it is decided. */
  pendingMatchKeys: z.array(HeldMatchKey).max(4).optional(),
  /** The existing subject this referral is about, when the referrer or coordinator linked it. */
  linkedSubjectId: z.string().max(64).nullable(),
  subjectId: z.string().max(64).nullable(),
  /** A transfer from another area's panel (000 §21; 003): where from, and what that panel decided. */
  transferredFrom: z
    .strictObject({
      areaName: z.string().max(80),
      panelName: z.string().max(120),
      reference: z.string().max(20),
      summary: z.string().max(2000),
      /** The risk as the source panel graded it, on its own area's scale, kept for the record. */
      sourceRisk: SourceRisk.nullable().optional(),
      /**
       * How the referral's risk level came to be on this area's scale: the same scale, mapped by
       * configuration, or left for the host's coordinator to set.
       */
      hostRisk: z.enum(["same-scale", "mapped", "set-by-host", "none"]).optional(),
    })
    .nullable()
    .optional(),
});
export type Referral = z.infer<typeof Referral>;

/**
 * Whether it reached the panel's coordinators: once approved, where the panel asks for approval.
 * One withdrawn while the manager had it never did.
 */
export const reachedPanel = (r: Referral): boolean =>
  r.status === "withdrawn"
    ? r.withdrawal?.waitingFor === "coordinator"
    : r.status !== "awaiting-approval" && r.status !== "not-approved";

/** Where a referral's last decision is stamped, for each status nothing more can follow. */
const DECIDED: Partial<Record<ReferralStatus, (r: Referral) => string | undefined>> = {
  "not-approved": (r) => r.approval?.at,
  accepted: (r) => r.triage?.at,
  declined: (r) => r.triage?.at,
  withdrawn: (r) => r.withdrawal?.at,
};

/**
 * When a referral was settled (not approved, accepted, declined or withdrawn), or undefined while
 * it still waits for someone. One settled without a stamp counts from when it was made.
 */
export function decidedAt(r: Referral): string | undefined {
  const stamp = DECIDED[r.status];
  return stamp ? (stamp(r) ?? r.submitted.at) : undefined;
}

/** The name a coordinator sees for the subject: the child's, the group's, or the place's. */
export function subjectLabel(kind: Referral["kind"], values: FormValues): string {
  const s = (id: string) => (typeof values[id] === "string" ? (values[id] as string) : "");
  if (kind === "group") return s("groupName");
  if (kind === "location-of-concern")
    return [s("address").split("\n")[0], s("postcode")].filter(Boolean).join(", ");
  return s("subjectName");
}

export function referenceFor(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, "0")}`;
}
