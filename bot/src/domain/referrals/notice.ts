import { z } from "zod";

// Messages a step owes to people: a referral's (to the manager, the coordinators, the referrer)
// and an access request's (to the panel's coordinators, then the requester). They are stored
// with the step itself and delivered afterwards, so a crash between the two loses nothing.

export const NOTICE_KINDS = [
  "approval-requested",
  "referral-arrived",
  "approval-decided",
  "triage-decided",
  "question-asked",
  "referral-withdrawn",
] as const;

export const ACCESS_NOTICE_KINDS = ["access-requested", "access-decided"] as const;

const delivery = {
  id: z.uuid(),
  at: z.iso.datetime(),
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  /** Whom it is for; null until the dispatcher splits it into one notice per recipient. */
  recipientId: z.string().max(64).nullable(),
  /** Failed sends so far; each failure waits longer before the next try. */
  attempts: z.number().int().min(0).max(100),
  retryAt: z.iso.datetime().nullable(),
};

export const ReferralNotice = z.strictObject({
  ...delivery,
  kind: z.enum(NOTICE_KINDS),
  referralId: z.uuid(),
});
export type ReferralNotice = z.infer<typeof ReferralNotice>;

/** About the access request of `requesterId` to join `panelId`. */
export const AccessNotice = z.strictObject({
  ...delivery,
  kind: z.enum(ACCESS_NOTICE_KINDS),
  requesterId: z.string().min(1).max(64),
});
export type AccessNotice = z.infer<typeof AccessNotice>;

export const Notice = z.union([ReferralNotice, AccessNotice]);
export type Notice = z.infer<typeof Notice>;

export const isAccessNotice = (n: Notice): n is AccessNotice => "requesterId" in n;
