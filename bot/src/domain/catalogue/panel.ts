import { z } from "zod";
import { ReminderPolicy } from "../actions/reminder-policy.js";
import { RiskFromOtherAreas } from "../referrals/transfer-risk.js";
import { RetentionPolicy } from "../retention/retention-policy.js";

// The panel catalogue: areas, their agencies and panels (DESIGN.md sections 2-4).
// Values a source document does not give are listed in a panel's `localDefaults`, and an area's in its own.

export const AGENCY_KINDS = [
  "police",
  "childrens-social-care",
  "health",
  "education",
  "youth-justice",
  "housing",
  "probation",
  "adult-social-care",
  "community-safety",
  "voluntary",
  "other",
] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD");
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use a month as YYYY-MM");
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time as HH:MM");

export const Agency = z.strictObject({
  id,
  name: z.string().min(2).max(120),
  kind: AgencyKind,
});
export type Agency = z.infer<typeof Agency>;

export const RiskScale = z.strictObject({
  levels: z.array(z.strictObject({ id, label: z.string().min(1).max(40) })).min(2),
  // The lowest level that comes to panel.
  panelThreshold: id,
});
export type RiskScale = z.infer<typeof RiskScale>;

export const Cadence = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("monthly-nth-weekday"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: Weekday,
    intervalMonths: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    // The first month of the series; with an interval above one it fixes which months the panel sits in.
    firstMonth: isoMonth,
  }),
  z.strictObject({
    kind: z.literal("every-n-weeks"),
    weeks: z.number().int().min(1).max(8),
    firstDate: isoDate,
  }),
  z.strictObject({
    kind: z.literal("days-before-panels"),
    panelIds: z.array(id).min(1),
    daysBefore: z.number().int().min(1).max(28),
  }),
]);
export type Cadence = z.infer<typeof Cadence>;

export const PanelSchedule = z.strictObject({
  cadence: Cadence,
  startTime: clockTime,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(8 * 60),
  timeZone: z.literal("Europe/London"),
  bankHolidayPolicy: z.enum(["next-working-day", "skip", "keep"]),
});
export type PanelSchedule = z.infer<typeof PanelSchedule>;

export const REFERRAL_KINDS = ["individual", "group", "person-of-concern", "location-of-concern"] as const;
export const ReferralKind = z.enum(REFERRAL_KINDS);
export type ReferralKind = z.infer<typeof ReferralKind>;

export const ReferralGate = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("strategy-or-professionals-meeting") }),
  z.strictObject({ kind: z.literal("child-protection-procedures") }),
  z.strictObject({ kind: z.literal("system-blocker-checklist"), minimumBlockers: z.number().int().min(1) }),
  z.strictObject({
    kind: z.literal("manager-approval"),
    // The referral forms that carry the approval section (004: the individual and group forms
    // do, the persons and locations of concern form does not); every form when absent.
    forKinds: z.array(ReferralKind).min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal("contextual-harm-screening"),
    minimumTotal: z.number().int().min(1),
    minimumInOneArea: z.number().int().min(1),
    // The screening tool's presenting needs / areas of harm, each scored by the referrer. A case
    // scoring highest in one goes to the agenda's section for its theme, if it has one.
    areasOfHarm: z
      .array(z.strictObject({ id, label: z.string().min(2).max(80), theme: id.optional() }))
      .min(1)
      .max(12),
  }),
  z.strictObject({ kind: z.literal("risk-factor-matrix") }),
]);
export type ReferralGate = z.infer<typeof ReferralGate>;

export const ReferralRules = z.strictObject({
  kinds: z.array(ReferralKind).min(1),
  gates: z.array(ReferralGate),
  // Referrals must reach the coordinator this many days before the meeting; later ones go to the next.
  deadlineDaysBefore: z.number().int().min(0).max(28),
  subjects: z.strictObject({
    children: z.boolean(),
    youngAdultsUpTo: z.number().int().min(18).max(25).nullable(),
  }),
  referringAgencyKinds: z.array(AgencyKind).min(1),
  /**
   * Where the terms of reference expect the allocated worker and their manager to present the
   * case (000 §2, §5; 001 "Case presentation"): the individual form asks their emails, labelled so.
   */
  allocatedWorkers: z
    .strictObject({ worker: z.string().min(2).max(120), manager: z.string().min(2).max(120) })
    .optional(),
  /**
   * Kinds of referral another of the area's panels takes instead, with the words that send the
   * referrer there (002: Havering's MACE is not a case management process; children go to HARM).
   */
  referredElsewhere: z
    .array(
      z.strictObject({
        kinds: z.array(ReferralKind).min(1),
        panelId: id,
        message: z.string().min(20).max(400),
      }),
    )
    .optional(),
});
export type ReferralRules = z.infer<typeof ReferralRules>;

export const PANEL_TIERS = ["operational", "strategic", "tracking", "thresholding"] as const;

const reason = z.string().min(2).max(160);

/**
 * Who the terms of reference expect at a case's slot besides its referrer, each with the reason the
 * agenda shows (000 §2, §5; 001 "Case presentation"; 003; 004).
 */
export const SlotAttendance = z.strictObject({
  /** Why the allocated worker the form named attends, such as "allocated social worker (000 §2)". */
  worker: reason.optional(),
  /** Why their manager attends, such as "their manager (000 §2)". */
  manager: reason.optional(),
  /**
   * Where the manager attends only at some risk levels (001: overall Significant Risk), and is
   * otherwise invited should the worker not be available.
   */
  managerAtRisk: z.strictObject({ levels: z.array(id).min(1), reason, otherwise: reason }).optional(),
  /** Others the terms of reference name for every case, who are not named on the form. */
  others: z.array(z.strictObject({ who: z.string().min(2).max(120), reason })).max(8),
  /**
   * Where the terms of reference let the coordinator excuse a case's people because its plans are
   * clearly having impact (000 §4: "no need for social workers and managers to attend"): whom it
   * excuses, and where the rule is written. Absent, every case is presented as the form says.
   */
  plansHavingImpact: z
    .strictObject({
      excuses: z
        .array(z.enum(["worker", "manager"]))
        .min(1)
        .max(2),
      source: z.string().min(2).max(40),
    })
    .optional(),
});
export type SlotAttendance = z.infer<typeof SlotAttendance>;

export const Panel = z.strictObject({
  id,
  name: z.string().min(3).max(120),
  shortName: z.string().min(2).max(40),
  tier: z.enum(PANEL_TIERS),
  source: z.string().min(1).max(200),
  schedule: PanelSchedule,
  agendaTemplateId: id,
  presenterSlotMinutes: z.number().int().min(5).max(60),
  actionDueDays: z.number().int().min(1).max(90),
  /** When owners are reminded and overdue actions escalated; the default policy if absent. */
  reminderPolicy: ReminderPolicy.optional(),
  chairRoles: z.array(z.string().min(2).max(120)).min(1),
  coreAgencyIds: z.array(id).min(1),
  quorumAgencyKinds: z.array(AgencyKind),
  referralRules: ReferralRules.nullable(),
  /** Who is expected at a case's slot and why; the referrer and the form's named people when absent. */
  slotAttendance: SlotAttendance.optional(),
  localDefaults: z.array(z.string().min(1)),
  /** Minutes go to the agencies once agreed; where the terms of reference say so, also with a chair's agreement. */
  minutesCirculation: z.enum(["on-agreement", "with-chairs-agreement"]).optional(),
});
export type Panel = z.infer<typeof Panel>;

export const AreaFile = z.strictObject({
  area: z.strictObject({
    id,
    name: z.string().min(2).max(80),
    referencePrefix: z.string().regex(/^[A-Z]{3}$/, "use three capital letters"),
    riskScale: RiskScale,
    /** A child transferred from an area grading risk on another scale: its levels as this area's (or set here). */
    riskFromOtherAreas: RiskFromOtherAreas.optional(),
    confidentialityStatement: z.string().min(20).max(2000),
    antiDiscriminatoryStatement: z.string().min(20).max(2000),
    /** How long the record of a closed case is kept: set by the partnership's data protection officer. */
    retention: RetentionPolicy,
    /** The report the area's terms of reference owe its partnership, and how often: the Reports page's default. */
    periodicReport: z
      .strictObject({
        title: z.string().min(5).max(120),
        period: z.enum(["cycle", "quarter", "year"]),
        /** Where the terms of reference ask for it. */
        source: z.string().min(3).max(200),
      })
      .optional(),
    localDefaults: z.array(z.string().min(1)),
  }),
  agencies: z.array(Agency).min(1),
  panels: z.array(Panel).min(1),
});
export type AreaFile = z.infer<typeof AreaFile>;
export type Area = AreaFile["area"];

/** The words that send a referrer of this kind to the panel that takes it instead, if the panel names one. */
export const referredElsewhere = (rules: ReferralRules | null, kind: ReferralKind): string | undefined =>
  rules?.referredElsewhere?.find((r) => r.kinds.includes(kind))?.message;

/** Whether a referral of this kind to the panel waits for a service manager's approval. */
export const approvalApplies = (gates: ReferralGate[], kind: ReferralKind): boolean =>
  gates.some((g) => g.kind === "manager-approval" && (!g.forKinds || g.forKinds.includes(kind)));
