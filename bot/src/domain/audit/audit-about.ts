import type { AuditEntry } from "./audit-entry.js";

// Which audit entries are about one subject, for a subject access request: those naming the
// subject or one of its referrals, and the list views whose shown references include one of its
// own (its case's, its referrals', its actions').

export interface AuditAbout {
  subjectId: string;
  referralIds: string[];
  references: string[];
}

export function isAbout(
  entry: Pick<AuditEntry, "subjectId" | "referralId" | "shown">,
  about: AuditAbout,
): boolean {
  return (
    entry.subjectId === about.subjectId ||
    (entry.referralId !== null && about.referralIds.includes(entry.referralId)) ||
    (entry.shown ?? []).some((r) => about.references.includes(r))
  );
}
