import { z } from "zod";
import { REGISTER_KINDS } from "../../../domain/strategic/register-item.js";
import type { PlanView } from "../../../application/strategic/plan-meeting.js";
import type { RegisterPage } from "../../../application/strategic/view-register.js";
import type { RegisterItemView } from "../../../application/strategic/register-view.js";
import { IsoDate } from "./meetings.js";
import { SubjectId } from "./links.js";

// A strategic panel's register of themes, trends and blockages, and its forward plan.

export const RegisterItemId = z.uuid("that is not a register entry's id");
export const NewRegisterItemBody = z.strictObject({
  /** Drawn when the form opens: the same form sent twice raises one entry. */
  id: z.uuid("the form has lost its id: reload it"),
  kind: z.enum(REGISTER_KINDS, "choose a theme, a trend or a blockage"),
  title: z.string().trim().min(3, "give the entry a short title").max(120),
  description: z.string().trim().min(3, "describe it in a few words").max(2000),
  ownerId: z.string().min(1).max(64).nullable().default(null),
});
export type NewRegisterItemRequest = z.input<typeof NewRegisterItemBody>;
export const RegisterReviewBody = z.strictObject({
  meetingId: IsoDate,
  note: z.string().trim().min(3, "say what the meeting found").max(2000),
});
export type RegisterReviewRequest = z.input<typeof RegisterReviewBody>;
export const RegisterCloseBody = z.strictObject({
  outcome: z.string().trim().min(3, "say what came of it").max(2000),
});
export const RegisterOwnerBody = z.strictObject({
  ownerId: z.string().min(1, "choose the new owner").max(64),
});
export const MeetingPlanBody = z.strictObject({
  topics: z
    .array(
      z.strictObject({
        id: z.uuid(),
        title: z.string().trim().min(3, "give the topic a title").max(200),
        lead: z.string().trim().max(120).default(""),
        reportRequested: z.boolean().default(false),
      }),
    )
    .max(12, "plan at most twelve topics for one meeting"),
});
export type MeetingPlanRequest = z.input<typeof MeetingPlanBody>;
/** The closed entries' next page starts after the last one shown: when it closed, and its id. */
export const RegisterQuery = z.strictObject({
  closedAfter: z
    .string()
    .regex(/^[0-9T:.Z-]{20,30}\|[0-9a-f-]{36}$/, "that is not where a page of the register ends")
    .optional(),
});
export const EscalationPath = z.strictObject({ meetingId: IsoDate, subjectId: SubjectId });

export type { RegisterItemView };
export type RegisterResponse = Omit<RegisterPage, "closedNext"> & { closedNext: string | null };
export interface RegisterItemResponse {
  item: RegisterItemView;
}
export interface MeetingPlanResponse {
  plan: PlanView;
}
