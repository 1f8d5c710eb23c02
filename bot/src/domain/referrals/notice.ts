import { z } from "zod";

// Messages a referral step owes to people (the manager, the coordinators, the referrer). They are
// stored with the step itself and delivered afterwards, so a crash between the two loses nothing.

export const NOTICE_KINDS = [
  "approval-requested",
  "referral-arrived",
  "approval-decided",
  "triage-decided",
  "question-asked",
] as const;

export const Notice = z.strictObject({
  id: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  at: z.iso.datetime(),
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  referralId: z.uuid(),
  /** Whom it is for; null until the dispatcher splits it into one notice per recipient. */
  recipientId: z.string().max(64).nullable(),
  /** Failed sends so far; each failure waits longer before the next try. */
  attempts: z.number().int().min(0).max(100),
  retryAt: z.iso.datetime().nullable(),
});
export type Notice = z.infer<typeof Notice>;
