import { localDay } from "../schedule/dates.js";
import { ageOn } from "../referrals/checks.js";
import { memberFieldId, memberRowsIn, type FormValue } from "../referrals/form.js";
import { ETHNICITIES, GENDERS } from "../referrals/form-choices.js";
import type { Referral, ReferralStatus } from "../referrals/referral.js";
import type { Decision } from "../decisions/decision.js";
import { howTaken } from "../decisions/taken.js";
import { daysBetween } from "./calendar-months.js";
import { tally, type MonthRecord } from "./month-record.js";
import {
  REFERRAL_OUTCOMES,
  type AgeBand,
  type Demographics,
  type MonthFigures,
  type ReferralOutcome,
} from "./month-figures.js";

// The month's referrals: how many reached the coordinators, of which kind, from which agency,
// with what outcome so far, how long each accepted one waited for its first discussion, and the
// children and young people they are about (counts only).

const OUTCOME: Record<ReferralStatus, ReferralOutcome | null> = {
  accepted: "accepted",
  declined: "declined",
  "more-information-requested": "more-information",
  withdrawn: "withdrawn",
  new: "waiting",
  // Not yet with the coordinators, or stopped by the manager: never in the panel's figures.
  "awaiting-approval": null,
  "not-approved": null,
};

/** Those of the month's referrals that reached the coordinators. */
export const reachedReferrals = (referrals: Referral[]): Referral[] =>
  referrals.filter((r) => OUTCOME[r.status] !== null);

interface Child {
  dateOfBirth: FormValue | undefined;
  gender: FormValue | undefined;
  ethnicity: FormValue | undefined;
}

/** The child or young adult an individual referral is about, or each member a group referral names. */
function childrenOf(r: Referral): Child[] {
  const v = r.values;
  if (r.kind === "individual")
    return [{ dateOfBirth: v["dateOfBirth"], gender: v["gender"], ethnicity: v["ethnicity"] }];
  if (r.kind !== "group") return [];
  const members: Child[] = [];
  for (let row = 1; row <= memberRowsIn(v); row++) {
    const name = v[memberFieldId(row, "name")];
    if (typeof name !== "string" || !name.trim()) continue;
    members.push({
      dateOfBirth: v[memberFieldId(row, "dateOfBirth")],
      gender: v[memberFieldId(row, "gender")],
      ethnicity: v[memberFieldId(row, "ethnicity")],
    });
  }
  return members;
}

export function ageBand(dateOfBirth: FormValue | undefined, onDay: string): AgeBand {
  if (typeof dateOfBirth !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return "not-known";
  const age = ageOn(dateOfBirth, onDay);
  if (!(age >= 0) || age > 25) return "not-known";
  if (age < 10) return "under-10";
  if (age < 14) return "10-13";
  if (age < 16) return "14-15";
  if (age < 18) return "16-17";
  return "18-25";
}

const GENDER_VALUES = new Set(GENDERS.map((c) => c.value));
const ETHNICITY_VALUES = new Set(ETHNICITIES.map((c) => c.value));
/** The answer as the form's choices have it; anything missing or unknown is "not-known". */
const answer = (value: FormValue | undefined, known: Set<string>): string =>
  typeof value === "string" && known.has(value) ? value : "not-known";

function demographics(referrals: Referral[]): Demographics {
  const people = referrals.flatMap((r) => {
    const day = localDay(new Date(r.submitted.at));
    return childrenOf(r).map((c) => ({ ...c, day }));
  });
  return {
    ageBand: tally(people.map((p) => ageBand(p.dateOfBirth, p.day))),
    gender: tally(people.map((p) => answer(p.gender, GENDER_VALUES))),
    ethnicity: tally(people.map((p) => answer(p.ethnicity, ETHNICITY_VALUES))),
  };
}

/** The first meeting of the panel, on or after the referral's day, that decided about its subject. */
export function firstDiscussion(r: Referral, decisions: Decision[]): string | null {
  const madeOn = localDay(new Date(r.submitted.at));
  const meetings = decisions
    .filter((d) => d.panelId === r.panelId && d.meetingId >= madeOn && howTaken(d) === "at-the-meeting")
    .map((d) => d.meetingId)
    .sort();
  return meetings[0] ?? null;
}

export function referralFigures(
  record: MonthRecord,
): Pick<MonthFigures, "referrals" | "children" | "riskFactorMatrix"> {
  const referrals = reachedReferrals(record.referrals);
  const accepted = referrals.filter((r) => r.status === "accepted");
  const waits = accepted.map((r) => {
    const first = r.subjectId ? firstDiscussion(r, record.decisionsOf.get(r.subjectId) ?? []) : null;
    return first === null ? null : daysBetween(localDay(new Date(r.submitted.at)), first);
  });
  const outcomes = Object.fromEntries(REFERRAL_OUTCOMES.map((o) => [o, 0]));
  return {
    referrals: {
      received: referrals.length,
      byKind: tally(referrals.map((r) => r.kind)),
      byAgency: tally(referrals.map((r) => r.referrer.agencyId)),
      byOutcome: tally(
        referrals.map((r) => OUTCOME[r.status] ?? "waiting"),
        outcomes,
      ),
      daysToFirstDiscussion: tally(waits.flatMap((w) => (w === null ? [] : [String(w)]))),
      notYetDiscussed: waits.filter((w) => w === null).length,
    },
    children: { referred: demographics(referrals), accepted: demographics(accepted) },
    riskFactorMatrix: riskFactorMatrix(record, referrals),
  };
}

/** Staffordshire's Risk Factor Matrix (003): how many referrals it applies to carry one, and its rating. */
function riskFactorMatrix(record: MonthRecord, referrals: Referral[]): MonthFigures["riskFactorMatrix"] {
  if (!record.panel.referralRules?.gates.some((g) => g.kind === "risk-factor-matrix")) return null;
  const applies = referrals.filter((r) => r.kind === "individual" || r.kind === "group");
  const completed = applies.filter((r) => {
    const on = r.values["rfmCompletedOn"];
    return typeof on === "string" && on.trim() !== "";
  });
  return {
    applies: applies.length,
    completed: completed.length,
    rating: tally(
      completed.map((r) => {
        const level = r.values["riskLevel"];
        return typeof level === "string" && level ? level : "not-recorded";
      }),
    ),
  };
}
