import { z } from "zod";

// Every read or change of a subject's record is written down: who, what, when, why (DESIGN.md §6).
// Entries carry identifiers and references, never the details themselves.

export const AuditEntry = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorId: z.string().max(64),
  action: z.enum([
    "referral.created",
    "referral.viewed",
    "referral.approved",
    "referral.not-approved",
    "referral.accepted",
    "referral.declined",
    "referral.more-information-requested",
    "referral.answered",
    "referral.linked",
    "referral.withdrawn",
    "agenda.viewed",
    "agenda.changed",
    "action.created",
    "action.updated",
    "action.completed",
    "case.decided",
    "minutes.viewed",
    "person.added",
    "person.changed",
    "person.suspended",
    "person.restored",
    "role.granted",
    "role.removed",
    "administrator.granted",
    "administrator.removed",
    "people.viewed",
    "actions.viewed",
    "decisions.viewed",
    "referrals.viewed",
    "access.requested",
    "access.approved",
    "access.declined",
    "cohort.viewed",
    "history.viewed",
    "map.viewed",
    "subjects.searched",
    "subject.created",
    "link.added",
    "link.ended",
    "case.theme-changed",
    "record.removed",
    "subject-access.exported",
    "report.viewed",
    "report.exported",
    "population-baseline.replaced",
  ]),
  panelId: z.string().max(80),
  referralId: z.string().max(64).nullable(),
  subjectId: z.string().max(64).nullable(),
  /** For a list read: the references it showed, in one entry however long the list. */
  shown: z.array(z.string().max(20)).max(500).optional(),
  /** The person whose place in the directory was read or changed. */
  personId: z.string().max(64).nullable().optional(),
  reference: z.string().max(20),
  /** Why it was read or changed: the screen or command it happened through. */
  via: z.string().max(80),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditAction = AuditEntry["action"];
