import { z } from "zod";
import { IsoDate } from "./meetings.js";

// A panel's action log: recording, filtering, completing and updating actions.

export const ActionId = z.uuid("that is not an action's id");
export const NewAction = z.strictObject({
  subjectId: z.string().max(64).nullable().default(null),
  /** On a strategic panel, the register entry the action is about. */
  registerItemId: z.uuid("that is not a register entry's id").nullable().default(null),
  title: z.string().trim().min(3, "give the action a short title").max(120),
  text: z.string().trim().min(3, "say what is to be done").max(2000),
  ownerId: z.string().min(1, "choose the action's owner").max(64),
  /** An owner outside the panel, by role and organisation only: the member above answers for it. */
  outsideOwner: z
    .strictObject({
      role: z.string().trim().min(2, "give the outside owner's role").max(80),
      organisation: z.string().trim().min(2, "give the outside owner's organisation").max(120),
    })
    .nullable()
    .default(null),
  dueDate: IsoDate.nullable().default(null),
  /** Sent once the person has been told the due date has passed and still records it. */
  confirmOverdue: z.boolean().default(false),
});
export type NewActionBody = z.input<typeof NewAction>;
export const ActionFilter = z.strictObject({
  meetingId: IsoDate.optional(),
  status: z.enum(["open", "done", "not-possible"]).optional(),
  owner: z.string().max(64).optional(),
  agency: z.string().max(80).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Done actions come a page at a time: the cursor the last page ended with. */
  after: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().optional(),
});
export const ActionDone = z.strictObject({ note: z.string().trim().max(1000).default("") });
export const ActionUpdate = z.strictObject({ text: z.string().trim().min(1, "write the update").max(1000) });
const Reason = z.string().trim().min(1, "give the reason").max(1000);
export const ActionExtend = z.strictObject({ dueDate: IsoDate, reason: Reason });
export const ActionReassign = z.strictObject({
  ownerId: z.string().min(1, "choose who takes the action on").max(64),
  reason: Reason,
});
export const ActionNotPossible = z.strictObject({ reason: Reason });
export type ActionExtendBody = z.input<typeof ActionExtend>;
export type ActionReassignBody = z.input<typeof ActionReassign>;
export type ActionNotPossibleBody = z.input<typeof ActionNotPossible>;

interface Stamp {
  by: string;
  byName: string;
  at: string;
}

export type ActionChange =
  | (Stamp & { kind: "extended"; from: string; to: string; reason: string })
  | (Stamp & {
      kind: "reassigned";
      fromId: string;
      fromName: string;
      toId: string;
      toName: string;
      reason: string;
    });

export interface PanelAction {
  id: string;
  reference: string;
  areaId: string;
  panelId: string;
  meetingId: string;
  subjectId: string | null;
  caseReference: string | null;
  /** A strategic panel's action on a register entry. */
  registerItem?: { id: string; reference: string };
  title: string;
  text: string;
  ownerId: string;
  ownerName: string;
  ownerAgencyId: string;
  ownerAgency: string;
  /** Who owns it in words: "Safeguarding lead, Oakfield Academy (through Jo Bloggs, Education)". */
  owner: string;
  /** An owner outside the panel; ownerName is then the member who answers for it. */
  outsideOwner?: { role: string; organisation: string };
  dueDate: string;
  status: "open" | "done" | "not-possible";
  overdue: boolean;
  created: Stamp;
  completed: (Stamp & { note: string }) | null;
  updates: (Stamp & { text: string })[];
  /** Extensions and reassignments, oldest first (absent on older actions). */
  changes?: ActionChange[];
  /** Why it was closed as not possible. */
  closed?: Stamp & { reason: string };
  /** Sent back (If-Match) with a change. */
  version: string;
}

/** A reminder Teams could not deliver, shown to coordinators and chairs. */
export interface UndeliveredReminder {
  id: string;
  areaId: string;
  panelId: string;
  actionId: string | null;
  reference: string | null;
  recipientName: string;
  place: "personal" | "channel";
  reason: string;
  at: string;
}

export interface ActionsResponse {
  actions: PanelAction[];
  /** The cursor for more done actions, or null when there are no more. */
  next: string | null;
  undelivered: UndeliveredReminder[];
}

export interface ActionResponse {
  action: PanelAction;
}
