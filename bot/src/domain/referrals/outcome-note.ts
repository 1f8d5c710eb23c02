import type { Referral } from "./referral.js";

// What the person who decided a referral's outcome wrote about it: the coordinator's note on
// acceptance or reason for declining, the manager's comment on not approving, the referrer's
// reason for withdrawing. The referrer reads it in their outcome card and their list.

export type OutcomeNoteKind = "accepted" | "declined" | "not-approved" | "withdrawn";

export interface OutcomeNote {
  kind: OutcomeNoteKind;
  /** As the referrer reads it beside the text: "Coordinator's note". */
  label: string;
  by: string;
  at: string;
  text: string;
}

const LABELS: Record<OutcomeNoteKind, string> = {
  accepted: "Coordinator's note",
  declined: "Reason for declining",
  "not-approved": "Manager's comment",
  withdrawn: "Reason for withdrawing",
};

const note = (kind: OutcomeNoteKind, by: string, at: string, text: string): OutcomeNote | null =>
  text ? { kind, label: LABELS[kind], by, at, text } : null;

/** The note on the referral's outcome, or null while it waits (or when accepted without a note). */
export function outcomeNote(r: Referral): OutcomeNote | null {
  if (r.status === "withdrawn" && r.withdrawal)
    return note("withdrawn", r.withdrawal.byName, r.withdrawal.at, r.withdrawal.reason);
  if ((r.status === "accepted" || r.status === "declined") && r.triage)
    return note(r.status, r.triage.byName, r.triage.at, r.triage.note);
  if (r.status === "not-approved" && r.approval)
    return note("not-approved", r.approval.byName, r.approval.at, r.approval.comment);
  return null;
}
