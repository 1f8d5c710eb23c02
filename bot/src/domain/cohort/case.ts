import { z } from "zod";
import { ReferralKind } from "../catalogue/panel.js";
import { HeldMatchKey } from "../referrals/referral.js";
import { ThresholdCategory, Thresholding } from "../agenda/thresholding.js";

// A subject (who or what is discussed) and its case: its place in one panel's cohort over time.

export const PLACEMENTS = ["victim", "group", "person-of-concern", "location"] as const;
export const Placement = z.enum(PLACEMENTS);
export type Placement = z.infer<typeof Placement>;

export const Subject = z.strictObject({
  id: z.string().max(64),
  areaId: z.string().max(80),
  kind: ReferralKind,
  /** The reference of the referral that first brought the subject to a panel. */
  reference: z.string().max(20),
  label: z.string().max(200),
  referralIds: z.array(z.string().max(64)).max(200),
  /** A place's postcode (or a person's), as written without spaces in capitals: places are found by it. */
  postcode: z
    .string()
    .regex(/^[A-Z0-9]{5,8}$/)
    .optional(),
  /** When the subject was first recorded; a person or place can be recorded from a link, with no referral. */
  createdAt: z.iso.datetime().optional(),
  /**
   * The match keys written for a subject recorded from a link (those of a referred subject follow
   * from its referrals), so that retention removes them with it.
   */
  matchKeys: z.array(HeldMatchKey).max(4).optional(),
});
export type Subject = z.infer<typeof Subject>;

export const MAX_PRESENTERS = 20;

/** Why someone presents a case: they referred it, or the form named them as its allocated worker or their manager. */
export const PRESENTER_ROLES = ["referrer", "worker", "manager"] as const;
export const PresenterRole = z.enum(PRESENTER_ROLES);
export type PresenterRole = z.infer<typeof PresenterRole>;
export const PresenterPlace = z.strictObject({ personId: z.string().max(64), role: PresenterRole });
export type PresenterPlace = z.infer<typeof PresenterPlace>;

export const Case = z.strictObject({
  panelId: z.string().max(80),
  subjectId: z.string().max(64),
  reference: z.string().max(20),
  placement: Placement,
  riskLevel: z.string().max(40).nullable(),
  /** Its risk level when it joined the cohort, so reports show how risk moved; cases from before this was kept have none. */
  entryRiskLevel: z.string().max(40).nullable().optional(),
  status: z.enum(["open", "closed"]),
  openedAt: z.iso.datetime(),
  nextMeetingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  referralIds: z.array(z.string().max(64)).max(200),
  /** The subject's name (or the group's or place's), for those whose role lets them see it. */
  label: z.string().max(200).optional(),
  /** The practitioner who referred it: a presenter of the case. */
  presenterId: z.string().max(64).optional(),
  /** Everyone who presents the case: the referrer, and the allocated worker and manager the form named. */
  presenterIds: z.array(z.string().max(64)).max(MAX_PRESENTERS).optional(),
  /** Each presenter's reason for presenting; cases stored before this was kept have none. */
  presenterRoles: z
    .array(PresenterPlace)
    .max(MAX_PRESENTERS * PRESENTER_ROLES.length)
    .optional(),
  /** The meeting whose decision was recorded last, and how the case came to it: it stays on that meeting's agenda and minutes. */
  decidedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  decidedStage: z.enum(["new", "return", "review"]).optional(),
  /** The last meeting that discussed it; until then it is a new case. */
  lastDiscussedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  /** When it left the cohort; the retention period of a closed case runs from here. */
  closedAt: z.iso.datetime().nullable().optional(),
  /** When retention replaced its names and answers: from then it waits for no period, unless it closes again. */
  anonymisedAt: z.iso.datetime().optional(),
  /** The presenting need an agenda's themed sections take it by (derived from the referral, or chosen). */
  theme: z.string().max(80).nullable().optional(),
  /** The coordinator chose the theme: a later referral leaves it as chosen. */
  themeChosen: z.boolean().optional(),
  /** The last decision's kind, for the cohort's list. */
  lastDecision: z
    .strictObject({ kind: z.string().max(40), on: z.iso.date() })
    .nullable()
    .optional(),
  /** Staffordshire: the category the thresholding meeting placed it in for a district meeting (003). */
  thresholding: Thresholding.optional(),
  /** The category each district meeting's thresholding gave it, for the panel's report figures. */
  thresholdedFor: z
    .array(z.strictObject({ meetingId: z.iso.date(), category: ThresholdCategory }))
    .max(60)
    .optional(),
});
export type Case = z.infer<typeof Case>;

/**
 * Where a case sits on the agenda. A young person who is both a victim and a concern to others is
 * discussed once, as a victim (001 "Case presentation"); a victim placement is never downgraded.
 */
export function placementFor(kind: ReferralKind, existing?: Placement): Placement {
  if (existing === "victim" || kind === "individual") return "victim";
  if (kind === "group") return "group";
  if (kind === "location-of-concern") return "location";
  return existing ?? "person-of-concern";
}

/** Who presents a case; cases stored before `presenterIds` name only their referrer. */
export const presentersOf = (c: Pick<Case, "presenterId" | "presenterIds">): string[] =>
  c.presenterIds ?? (c.presenterId ? [c.presenterId] : []);

/**
 * Each presenter with why they present; for a case stored before roles were kept, its referrer
 * as such and the others as named on the referral (null).
 */
export function presenterPlacesOf(
  c: Pick<Case, "presenterId" | "presenterIds" | "presenterRoles">,
): { personId: string; role: PresenterRole | null }[] {
  const held = c.presenterRoles ?? [];
  return presentersOf(c).flatMap((personId): { personId: string; role: PresenterRole | null }[] => {
    const roles = held.filter((p) => p.personId === personId);
    if (roles.length) return roles;
    return [{ personId, role: personId === c.presenterId ? ("referrer" as const) : null }];
  });
}

/** When a closed case left the cohort; cases closed before that was kept go by their last decision. */
export const closedAtOf = (c: Pick<Case, "closedAt" | "decidedOn" | "openedAt">): string =>
  c.closedAt ?? (c.decidedOn ? `${c.decidedOn}T00:00:00.000Z` : c.openedAt);
