import { REFERRAL_KINDS } from "../../catalogue/panel.js";
import { KIND_TITLES } from "../../referrals/form.js";
import { REFERRAL_OUTCOMES, type ReferralOutcome } from "../month-figures.js";
import type { ReportSection, ReportTable } from "../report.js";
import { percentileOfDays, totalOf } from "../statistics.js";
import { added, agencyName, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable } from "./tables.js";

// Referrals received (002 volume of cases; 004 the coordinator's data): by kind, referring
// agency and outcome, and how long a referral waits for its first discussion.

const OUTCOME_TITLES: Record<ReferralOutcome, string> = {
  accepted: "Accepted",
  declined: "Declined",
  "more-information": "More information asked for",
  withdrawn: "Withdrawn by the referrer",
  waiting: "Waiting for a decision",
};

export function referralsSection(scope: Scope): ReportSection {
  const received = added(scope, (f) => f.referrals.received);
  const byKind = summed(scope, (f) => f.referrals.byKind);
  const byAgency = summed(scope, (f) => f.referrals.byAgency);
  const byOutcome = summed(scope, (f) => f.referrals.byOutcome);
  const days = summed(scope, (f) => f.referrals.daysToFirstDiscussion);
  const notYet = added(scope, (f) => f.referrals.notYetDiscussed);

  const kinds = countTable({
    id: "referrals-by-kind",
    caption: "Referrals received by kind",
    category: { key: "kind", label: "Kind of referral" },
    categories: categoriesOf(
      REFERRAL_KINDS.map((k) => ({ key: k, label: KIND_TITLES[k] })),
      byKind,
    ),
    values: [{ key: "referrals", label: "Referrals", counts: byKind, withShare: true }],
  });
  const agencyIds = [
    ...scope.agencies.map((a) => a.id).filter((id) => (byAgency[id] ?? 0) > 0),
    ...Object.keys(byAgency).filter(
      (id) => !scope.agencies.some((a) => a.id === id) && (byAgency[id] ?? 0) > 0,
    ),
  ];
  const agencies = countTable({
    id: "referrals-by-agency",
    caption: "Referrals received by referring agency",
    category: { key: "agency", label: "Referring agency" },
    categories: agencyIds.map((id) => ({ key: id, label: agencyName(scope, id) })),
    values: [{ key: "referrals", label: "Referrals", counts: byAgency, withShare: true }],
  });
  const outcomes = countTable({
    id: "referrals-by-outcome",
    caption: "Referrals received by outcome",
    category: { key: "outcome", label: "Outcome" },
    categories: categoriesOf(
      REFERRAL_OUTCOMES.map((o) => ({ key: o, label: OUTCOME_TITLES[o] })),
      byOutcome,
    ),
    values: [{ key: "referrals", label: "Referrals", counts: byOutcome, withShare: true }],
    notes: ["Each referral's outcome as it stood when its month's figures were worked out."],
  });

  const discussed = totalOf(days);
  const median = percentileOfDays(days, 50);
  const ninetieth = percentileOfDays(days, 90);
  const waiting: ReportTable = {
    id: "referrals-time-to-discussion",
    caption: "Days from referral to first discussion",
    columns: [
      { key: "discussed", label: "Referrals discussed", kind: "count" },
      { key: "median", label: "Median", kind: "days" },
      { key: "ninetieth", label: "90th percentile", kind: "days" },
      { key: "notYetDiscussed", label: "Accepted, not yet discussed", kind: "count" },
    ],
    rows: [{ discussed, median, ninetieth, notYetDiscussed: notYet }],
    hasTotal: false,
    notes: [
      "Whole days from the day of the referral to the first meeting that discussed its subject.",
      "Median and 90th percentile by nearest rank: half, and nine in ten, of the referrals discussed waited that many days or fewer.",
    ],
  };

  const summary = [`${received} referrals received.`];
  if (median !== null && ninetieth !== null)
    summary.push(
      `Of ${discussed} referrals discussed, half waited ${median} days or fewer for their first discussion, and nine in ten ${ninetieth} days or fewer.`,
    );
  if (notYet > 0) summary.push(`${notYet} accepted referrals have not been discussed yet.`);

  return {
    id: "referrals",
    title: "Referrals",
    summary,
    tables: [kinds, agencies, outcomes, waiting],
    charts: [
      chartOf(kinds, "bar", ["referrals"]),
      chartOf(agencies, "bar", ["referrals"]),
      chartOf(outcomes, "bar", ["referrals"]),
    ],
  };
}
