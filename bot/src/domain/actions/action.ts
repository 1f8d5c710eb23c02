import { PersonName } from "../people/membership.js";
import { z } from "zod";
import { addDays } from "../schedule/dates.js";

// An action agreed at a meeting (000 §3, 001): who owns it, for which agency, what it is, by when.
// The title is short and names no one, because it appears in channels and reminders; the full text
// is shown only in personal chat and the tab.

const IsoDate = z.iso.date();
const Stamp = z.strictObject({ by: z.string().max(64), byName: PersonName, at: z.iso.datetime() });

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
  dueDate: IsoDate,
  status: z.enum(["open", "done"]),
  created: Stamp,
  completed: Stamp.extend({ note: z.string().max(1000) }).nullable(),
  updates: z.array(Stamp.extend({ text: z.string().trim().min(1).max(1000) })).max(30),
});
export type Action = z.infer<typeof Action>;

/** Decisions are actioned within two weeks (000 §3; 001), or the panel's configured days. */
export function defaultDueDate(meetingDate: string, actionDueDays: number): string {
  return addDays(meetingDate, actionDueDays);
}

/** Who may mark an action done: its owner, or the panel's coordinators and chairs. */
export function mayComplete(action: Action, personId: string, role: string | undefined): boolean {
  return action.ownerId === personId || role === "coordinator" || role === "chair";
}
