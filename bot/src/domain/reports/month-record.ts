import type { Action } from "../actions/action.js";
import type { SignIn } from "../attendance/sign-in.js";
import type { Agency, Area, Panel } from "../catalogue/panel.js";
import { closedAtOf, type Case, type Subject } from "../cohort/case.js";
import type { Decision } from "../decisions/decision.js";
import type { Link } from "../links/link.js";
import type { Referral } from "../referrals/referral.js";
import { lastDayOf, monthEndsAt } from "./calendar-months.js";
import type { Counts, Month } from "./month-figures.js";

// What one panel's figures for a month are worked out from: the part of its record the month
// touches, read by the figures run (application/reports) and counted here.

/** One of the month's meetings, as it was held (or is to be). */
export interface MonthMeeting {
  /** The date the panel's rule gave it: its identity. */
  id: string;
  date: string;
  cancelled: boolean;
  decisions: Decision[];
  /** The actions agreed at it, as they stand now. */
  actions: Action[];
  signIns: SignIn[];
  /** The thresholding category its agenda gave each case placed by one. */
  categories: number[];
}

export interface MonthRecord {
  area: Area;
  panel: Panel & { areaId: string };
  agencies: Map<string, Agency>;
  /** Whether the panel's agenda places cases by thresholding category (003). */
  placesByCategory: boolean;
  month: Month;
  /** The UK date the figures are worked out on. */
  today: string;
  builtAt: string;
  /** The referrals made in the month that reached the panel's coordinators. */
  referrals: Referral[];
  meetings: MonthMeeting[];
  /** The panel's cases open now, and those closed since the month began. */
  cases: Case[];
  /** Decisions about subjects (on any panel), by subject: for first discussions and earlier risk levels. */
  decisionsOf: ReadonlyMap<string, Decision[]>;
  /** The links of the subjects of cases open at the month's end, by subject. */
  linksOf: ReadonlyMap<string, Link[]>;
  /** The subjects at the other ends of those links. */
  linked: ReadonlyMap<string, Subject>;
}

/** The last day the month's figures look at: its last day, or today for the month still running. */
export const lastDayCounted = (month: Month, today: string): string => {
  const last = lastDayOf(month);
  return today < last ? today : last;
};

/** Cases in the panel's cohort at the end of the month (or now, for the month still running). */
export function casesOpenAtEnd(cases: Case[], month: Month): Case[] {
  const end = Date.parse(monthEndsAt(month));
  return cases.filter(
    (c) => Date.parse(c.openedAt) < end && (c.status === "open" || Date.parse(closedAtOf(c)) >= end),
  );
}

/** A case decided after the month: its risk then is found from its decisions, not its risk now. */
export const decidedAfter = (c: Case, month: Month): boolean => (c.decidedOn ?? "") > lastDayOf(month);

/** A count for each key given, once per occurrence. */
export function tally(keys: string[], start: Counts = {}): Counts {
  const counts: Counts = { ...start };
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}
