import { z } from "zod";
import { PersonName } from "../people/membership.js";

// The strategic MACE's register (000 §6; 001's strategic agenda; 004): the themes, trends and
// blockages the operational panels escalate or a member raises, each owned by a member of the
// strategic panel, reviewed at every strategic meeting while open, and closed with an outcome.
// It speaks of cases by reference only: nothing on it names a child.

const IsoDate = z.iso.date();
const Stamp = z.strictObject({ by: z.string().max(64), byName: PersonName, at: z.iso.datetime() });

export const REGISTER_KINDS = ["theme", "trend", "blockage"] as const;
export const RegisterKind = z.enum(REGISTER_KINDS);
export type RegisterKind = z.infer<typeof RegisterKind>;

export const REGISTER_KIND_LABELS: Record<RegisterKind, string> = {
  theme: "Theme",
  trend: "Trend",
  blockage: "Blockage",
};

/** Where an entry came from: a member of the strategic panel, or an operational panel's escalation. */
export const RaisedFrom = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("member") }),
  z.strictObject({
    kind: z.literal("escalation"),
    panelId: z.string().max(80),
    meetingId: IsoDate,
    /** The escalated case, by its reference alone. */
    caseReference: z.string().max(20),
  }),
]);
export type RaisedFrom = z.infer<typeof RaisedFrom>;

export const RegisterReview = Stamp.extend({
  /** The strategic meeting it was reviewed at. */
  meetingId: IsoDate,
  note: z.string().trim().min(3).max(2000),
});
export type RegisterReview = z.infer<typeof RegisterReview>;

export const RegisterItem = z.strictObject({
  id: z.uuid(),
  /** MER-R-2026-0003: the area's prefix, "R" for register, the year and a number. */
  reference: z.string().regex(/^[A-Z]{3}-R-\d{4}-\d{4,}$/),
  areaId: z.string().max(80),
  /** The strategic panel whose register holds it. */
  panelId: z.string().max(80),
  kind: RegisterKind,
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().min(3).max(2000),
  raised: Stamp,
  raisedFrom: RaisedFrom,
  ownerId: z.string().max(64),
  ownerName: PersonName,
  status: z.enum(["open", "closed"]),
  /** What came of it, written when it was closed. */
  outcome: Stamp.extend({ text: z.string().trim().min(3).max(2000) }).nullable(),
  /** One per strategic meeting, oldest first. */
  reviews: z.array(RegisterReview).max(240),
});
export type RegisterItem = z.infer<typeof RegisterItem>;

/** The review of one meeting replaces an earlier note for the same meeting; others are kept in order. */
export function withReview(item: RegisterItem, review: RegisterReview): RegisterItem {
  const others = item.reviews.filter((r) => r.meetingId !== review.meetingId);
  const reviews = [...others, review].sort((a, b) => a.meetingId.localeCompare(b.meetingId));
  return { ...item, reviews };
}

/** The latest review, if there is one. */
export const lastReview = (item: RegisterItem): RegisterReview | undefined => item.reviews.at(-1);

/** Whether an open entry still waits for its review at a meeting. */
export const awaitsReviewAt = (item: RegisterItem, meetingId: string): boolean =>
  item.status === "open" && !item.reviews.some((r) => r.meetingId === meetingId);
