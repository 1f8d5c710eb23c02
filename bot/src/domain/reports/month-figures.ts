import { z } from "zod";

// One panel's figures for one calendar month, worked out from its record by the figures run and
// stored, so a report for any period reads a few rows whatever the area's history holds. Counts
// only: no name, address or reference of a child appears here.

const Count = z.number().int().min(0);
/** A count for each key: a referral kind, an agency id, an ethnicity, a risk level… */
export const Counts = z.record(z.string().max(80), Count);
export type Counts = z.infer<typeof Counts>;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export type Month = z.infer<typeof Month>;

/** The outcome a report gives a referral received in the month, as it stands when the month was worked out. */
export const REFERRAL_OUTCOMES = [
  "accepted",
  "declined",
  "more-information",
  "withdrawn",
  "waiting",
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Age on the day of the referral. */
export const AGE_BANDS = ["under-10", "10-13", "14-15", "16-17", "18-25", "not-known"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const Demographics = z.strictObject({
  ageBand: Counts,
  /** By the form's gender values (form-choices.ts), "not-known" included. */
  gender: Counts,
  /** By the form's ethnicity values (Census 2021 groups), "not-known" for an answer not given. */
  ethnicity: Counts,
});
export type Demographics = z.infer<typeof Demographics>;

export const AgencyActions = z.strictObject({
  /** Actions agreed at the month's meetings that this agency owns. */
  agreed: Count,
  doneOnTime: Count,
  doneLate: Count,
  /** Still open and past their due date. */
  overdue: Count,
  /** Still open and not yet due. */
  open: Count,
  /** Closed as not possible, with a reason (SafeLives: not the same as not done). Figures stored
   * before this was counted read back as none. */
  notPossible: Count.default(0),
});
export type AgencyActions = z.infer<typeof AgencyActions>;

export const LinkedSubject = z.strictObject({
  /** The location's or group's reference: never its name or address. */
  reference: z.string().max(20),
  kind: z.enum(["location-of-concern", "group"]),
  openCases: Count,
});

export const MonthFigures = z.strictObject({
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  month: Month,
  /** When these figures were worked out: a month still open, or with referrals waiting, is worked out again. */
  builtAt: z.iso.datetime(),
  referrals: z.strictObject({
    /** Referrals that reached the panel's coordinators, by the month they were made. */
    received: Count,
    byKind: Counts,
    /** By the referrer's agency id. */
    byAgency: Counts,
    /** By REFERRAL_OUTCOMES. */
    byOutcome: Counts,
    /** Whole days from a referral to the first meeting that discussed its subject: days → referrals. */
    daysToFirstDiscussion: Counts,
    /** Accepted referrals whose subject has not been discussed yet. */
    notYetDiscussed: Count,
  }),
  /** Individual referrals: the child or young adult; group referrals: each member given. */
  children: z.strictObject({ referred: Demographics, accepted: Demographics }),
  cohort: z.strictObject({
    /** Cases that joined the panel's cohort in the month. */
    opened: Count,
    /** Cases that left it, by the decision that closed them (remove, transfer): an escalation keeps a case open. */
    closedByReason: Counts,
    /** The risk level of the cases opened, on the area's scale ("not-recorded" when none). */
    riskAtEntry: Counts,
    /** Cases open at the end of the month (or when worked out, for the month still running). */
    openAtEnd: Count,
    riskAtEnd: Counts,
    /** Cases open at the end: their risk then against their risk on entry ("up", "same", "down", "not-known"). */
    movement: Counts,
  }),
  disruption: z.strictObject({
    /** Disruptions agreed at the month's meetings, by type (decision.ts DISRUPTIONS). */
    byType: Counts,
    decisionsWithDisruption: Count,
    /** Persons of concern, locations and groups discussed at the month's meetings. */
    personsOfConcernDiscussed: Count,
    locationsDiscussed: Count,
    groupsDiscussed: Count,
  }),
  actions: z.strictObject({ byAgency: z.record(z.string().max(80), AgencyActions) }),
  meetings: z.strictObject({
    /** The month's meetings that were held (not cancelled, on or before the day worked out). */
    held: Count,
    /** Of those, the ones quorate by the panel's rule. */
    quorate: Count,
    /** Meetings each agency signed in to, by agency id. */
    attendedByAgency: Counts,
  }),
  /** Panels whose referrals carry a Risk Factor Matrix (003); null for the others. */
  riskFactorMatrix: z
    .strictObject({
      /** Referrals of a kind the matrix applies to. */
      applies: Count,
      /** Of those, the ones with a completed matrix. */
      completed: Count,
      /** The risk rating of those completed, by risk level. */
      rating: Counts,
    })
    .nullable(),
  /** Panels whose agendas place cases by thresholding category (003): category "1"–"4" → cases; null for the others. */
  thresholding: Counts.nullable(),
  /** Cases discussed at the month's meetings, by their theme or presenting need ("not-recorded" when none). */
  themes: Counts,
  /** Locations and groups linked to the most open cases at the end of the month, most first (ten at most). */
  linkedToOpenCases: z.array(LinkedSubject).max(10),
});
export type MonthFigures = z.infer<typeof MonthFigures>;
