import { z } from "zod";
import type { ReferralKind } from "../../../domain/catalogue/panel.js";
import type { OutcomeNote } from "../../../domain/referrals/outcome-note.js";
import type { PossibleDuplicate, ReferralStatus } from "../../../domain/referrals/referral.js";
import type { PlannedMeeting } from "./panels.js";

export type { OutcomeNote, ReferralKind, ReferralStatus };

// Referrals: submitting one, the manager's and coordinator's steps with it, and the referrer's
// own list and withdrawal.

const FormValue = z.union([
  z.string().max(4000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(80)).max(20),
]);
export const Submission = z.strictObject({
  kind: z.string().max(40),
  formId: z.string().max(64),
  values: z.record(z.string().max(80), FormValue),
});
export const Triage = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("accept"),
    note: z.string().max(1000).default(""),
    linkToSubjectId: z.string().max(64).nullable().default(null),
  }),
  z.strictObject({ decision: z.literal("ask"), question: z.string().max(1000) }),
  z.strictObject({ decision: z.literal("decline"), reason: z.string().max(1000) }),
]);
export type TriageStep = z.input<typeof Triage>;
export const Approval = z.strictObject({
  decision: z.enum(["approved", "declined"]),
  comment: z.string().max(1000).default(""),
});
export type ApprovalBody = z.input<typeof Approval>;
export const Answer = z.strictObject({ answer: z.string().max(2000) });
export type AnswerBody = z.input<typeof Answer>;
export const Withdrawal = z.strictObject({ reason: z.string().max(1000) });
export type WithdrawalBody = z.input<typeof Withdrawal>;
/** Which page of the referral list: `after` is the `next` a page ended with, sent back unchanged. */
export const ReferralsPageQuery = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  after: z.string().min(1).max(200).optional(),
  /** Only those waiting for the coordinator (new, or answered), or every one that reached the panel. */
  show: z.enum(["waiting", "all"]).default("all"),
});
/** Which page of the person's own referrals. */
export const OwnReferralsQuery = ReferralsPageQuery.omit({ show: true });

export interface ReferralSummary {
  id: string;
  reference: string;
  kind: ReferralKind;
  panel: { id: string; name: string };
  status: ReferralStatus;
  statusLabel: string;
  subject: string;
  submittedAt: string;
  referrer: { name: string; jobTitle: string; agency: string };
  meetingDate: string | null;
  possibleDuplicates: PossibleDuplicate[];
  linkedSubjectId: string | null;
  /** The subject it brought to the panel, once accepted: its history opens from the reference. */
  subjectId: string | null;
  /** Each question the coordinator asked, and the referrer's answer once given. */
  questions: {
    question: string;
    askedBy: string;
    askedAt: string;
    answer: string | null;
    answeredAt: string | null;
  }[];
  /** What was written with its outcome: the coordinator's note or reason, the manager's comment, the referrer's reason. */
  outcome: OutcomeNote | null;
}

export interface ReferralsResponse {
  /** Newest first. */
  referrals: ReferralSummary[];
  /** The `after` for the next page, or null when this page is the last. */
  next: string | null;
}

/** The referrals the signed-in person made, newest first, a page at a time. */
export type OwnReferralsResponse = ReferralsResponse;

export interface ReferralDetail extends ReferralSummary {
  answers: { field: string; label: string; value: string }[];
  /** A transfer from another area's panel, with what that panel decided. */
  transferredFrom: {
    areaName: string;
    panelName: string;
    reference: string;
    summary: string;
    /** The risk as the source panel graded it, on its own area's scale. */
    sourceRisk?: { level: string; label: string; areaName: string } | null;
    /** How its risk level came to be on this area's scale. */
    hostRisk?: "same-scale" | "mapped" | "set-by-host" | "none";
  } | null;
  /** For a transfer: what the host panel's own rules need that it does not carry, field by field. */
  hostChecks: { field: string | null; label: string | null; message: string; askSource: boolean }[];
  /**
   * While it waits for approval: the manager named to decide it (null when no longer in the
   * directory), and whether the reader is that manager; null once decided or when none was needed.
   */
  approval: { managerName: string | null; mayDecide: boolean } | null;
  /** The version the detail was read at; a triage made on it is refused if someone changed it since. */
  version: string;
}

export interface SubmittedResponse extends ReferralSummary {
  /** The meeting the referral is planned for, when one is. */
  meeting: PlannedMeeting | null;
}
