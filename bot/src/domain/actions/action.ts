import { PersonName } from "../people/membership.js";
import { z } from "zod";
import { addDays } from "../schedule/dates.js";

// An action agreed at a meeting (000 §3, 001): who owns it, for which agency, what it is, by when.
// The title is short and names no one, because it appears in channels and reminders; the full text
// is shown only in personal chat and the tab.

const IsoDate = z.iso.date();
const Stamp = z.strictObject({ by: z.string().max(64), byName: PersonName, at: z.iso.datetime() });

/** A reason someone else will read later: a few words, not a single one. */
export const Reason = z
  .string()
  .trim()
  .max(1000)
  .refine((r) => r.split(/\s+/).length >= 3, "Give the reason in a few words.");

export const ActionChange = z.discriminatedUnion("kind", [
  Stamp.extend({ kind: z.literal("extended"), from: IsoDate, to: IsoDate, reason: Reason }),
  Stamp.extend({
    kind: z.literal("reassigned"),
    fromId: z.string().max(64),
    fromName: PersonName,
    toId: z.string().max(64),
    toName: PersonName,
    reason: Reason,
  }),
]);
export type ActionChange = z.infer<typeof ActionChange>;

/**
 * An owner outside the panel (a school's safeguarding lead, a GP): recorded by role and
 * organisation only, with no email or account, because a panel member answers for the action.
 */
export const OutsideOwner = z.strictObject({
  role: z.string().trim().min(2).max(80),
  organisation: z.string().trim().min(2).max(120),
});
export type OutsideOwner = z.infer<typeof OutsideOwner>;

export const Action = z.strictObject({
  id: z.uuid(),
  /** MER-A-2026-0007: the area's prefix, "A" for action, the year and a number. */
  reference: z.string().regex(/^[A-Z]{3}-A-\d{4}-\d{4,}$/),
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  meetingId: IsoDate,
  subjectId: z.string().max(64).nullable(),
  caseReference: z.string().max(20).nullable(),
  title: z.string().trim().min(3).max(120),
  text: z.string().trim().min(3).max(2000),
  ownerId: z.string().max(64),
  ownerName: PersonName,
  ownerAgencyId: z.string().max(80),
  /** Given through the owner above, who is chased and marks it done; absent for the panel's own. */
  outsideOwner: OutsideOwner.optional(),
  dueDate: IsoDate,
  status: z.enum(["open", "done", "not-possible"]),
  created: Stamp,
  completed: Stamp.extend({ note: z.string().max(1000) }).nullable(),
  updates: z.array(Stamp.extend({ text: z.string().trim().min(1).max(1000) })).max(30),
  /** Extensions and reassignments, oldest first; absent on actions stored before they existed. */
  changes: z.array(ActionChange).max(30).optional(),
  /** Why it could not be done (SafeLives: "not possible" is not "not done"). */
  closed: Stamp.extend({ reason: Reason }).optional(),
  /** A strategic panel's action on one of its register's entries, rather than on a case. */
  registerItem: z.strictObject({ id: z.uuid(), reference: z.string().max(20) }).optional(),
});
export type Action = z.infer<typeof Action>;

/** Decisions are actioned within two weeks (000 §3; 001), or the panel's configured days. */
export function defaultDueDate(meetingDate: string, actionDueDays: number): string {
  return addDays(meetingDate, actionDueDays);
}

type Owned = Pick<Action, "ownerName" | "outsideOwner">;

/** Who owns it, in the words the log, the cards and the CSV use, and the agency they answer through. */
export function ownerParts(a: Owned, agency: string): { owner: string; agency: string } {
  return a.outsideOwner
    ? {
        owner: `${a.outsideOwner.role}, ${a.outsideOwner.organisation}`,
        agency: `through ${a.ownerName}, ${agency}`,
      }
    : { owner: a.ownerName, agency };
}

/** "Safeguarding lead, Oakfield Academy (through Jo Bloggs, Education)", or "Jo Bloggs (Education)". */
export function ownerInWords(a: Owned, agency: string): string {
  const { owner, agency: through } = ownerParts(a, agency);
  return `${owner} (${through})`;
}

/** Whether an action due on this date would be overdue the moment it is recorded today. */
export const alreadyOverdue = (dueDate: string, today: string): boolean => dueDate < today;

/** Who may mark an action done: its owner, or the panel's coordinators and chairs. */
export function mayComplete(action: Action, personId: string, role: string | undefined): boolean {
  return action.ownerId === personId || leads(role);
}

const leads = (role: string | undefined) => role === "coordinator" || role === "chair";

/** Who may extend an action or close it as not possible: as for marking it done. */
export const mayReshape = mayComplete;

/** Only the panel's coordinators and chairs pass an action to someone else. */
export const mayReassign = (role: string | undefined): boolean => leads(role);

/** When an action left the open list: done, closed as not possible, or (failing both) recorded. */
export const finishedAt = (a: Action): string => a.completed?.at ?? a.closed?.at ?? a.created.at;
