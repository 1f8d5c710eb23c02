import { REFERRAL_KINDS } from "../../catalogue/panel.js";
import { KIND_TITLES } from "../../referrals/form.js";
import { REFERRAL_OUTCOMES, type ReferralOutcome } from "../month-figures.js";
import { percentileOfDays, totalOf } from "../statistics.js";
import { columnSums, derived, figure, said, type DraftTable, type SectionDraft } from "./draft.js";
import { added, agencyName, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable, partOf } from "./tables.js";

// Referrals received (002 volume of cases; 004 the coordinator's data): by kind, referring
// agency and outcome, and how long a referral waits for its first discussion.

const OUTCOME_TITLES: Record<ReferralOutcome, string> = {
  accepted: "Accepted",
  declined: "Declined",
  "more-information": "More information asked for",
  withdrawn: "Withdrawn by the referrer",
  waiting: "Waiting for a decision",
};

const RECEIVED = "referrals";
const DISCUSSED = "referrals:discussed";
const NOT_YET = "referrals:not-yet-discussed";

export function referralsSection(scope: Scope): SectionDraft {
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
    by: "kind",
    values: [{ key: "referrals", label: "Referrals", figure: RECEIVED, counts: byKind, withShare: true }],
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
    by: "agency",
    categories: agencyIds.map((id) => ({ key: id, label: agencyName(scope, id) })),
    values: [{ key: "referrals", label: "Referrals", figure: RECEIVED, counts: byAgency, withShare: true }],
  });
  const outcomes = countTable({
    id: "referrals-by-outcome",
    caption: "Referrals received by outcome",
    category: { key: "outcome", label: "Outcome" },
    categories: categoriesOf(
      REFERRAL_OUTCOMES.map((o) => ({ key: o, label: OUTCOME_TITLES[o] })),
      byOutcome,
    ),
    by: "outcome",
    values: [{ key: "referrals", label: "Referrals", figure: RECEIVED, counts: byOutcome, withShare: true }],
    notes: ["Each referral's outcome as it stood when its month's figures were worked out."],
  });

  const discussed = totalOf(days);
  const median = percentileOfDays(days, 50);
  const ninetieth = percentileOfDays(days, 90);
  const waiting: DraftTable = {
    id: "referrals-time-to-discussion",
    caption: "Days from referral to first discussion",
    columns: [
      { key: "discussed", label: "Referrals discussed", kind: "count" },
      { key: "median", label: "Median", kind: "days" },
      { key: "ninetieth", label: "90th percentile", kind: "days" },
      { key: "notYetDiscussed", label: "Accepted, not yet discussed", kind: "count" },
    ],
    rows: [
      {
        discussed: figure(DISCUSSED, discussed),
        median: derived([DISCUSSED], median),
        ninetieth: derived([DISCUSSED], ninetieth),
        notYetDiscussed: figure(NOT_YET, notYet),
      },
    ],
    hasTotal: false,
    notes: [
      "Whole days from the day of the referral to the first meeting that discussed its subject.",
      "Median and 90th percentile by nearest rank: half, and nine in ten, of the referrals discussed waited that many days or fewer.",
    ],
  };

  return {
    id: "referrals",
    title: "Referrals",
    tables: [kinds, agencies, outcomes, waiting],
    // Each accepted referral has been discussed or is waiting to be.
    sums: [
      ...[kinds, agencies, outcomes].flatMap(columnSums),
      { whole: partOf(RECEIVED, "outcome", "accepted"), parts: [DISCUSSED, NOT_YET] },
    ],
    facts: [],
    summary: (n) => [
      said`${n(RECEIVED)} referrals received.`,
      median === null || ninetieth === null
        ? null
        : said`Of ${n(DISCUSSED)} referrals discussed, half waited ${median} days or fewer for their first discussion, and nine in ten ${ninetieth} days or fewer.`,
      notYet > 0 ? said`${n(NOT_YET)} accepted referrals have not been discussed yet.` : null,
    ],
    charts: [
      chartOf(kinds, "bar", ["referrals"]),
      chartOf(agencies, "bar", ["referrals"]),
      chartOf(outcomes, "bar", ["referrals"]),
    ],
  };
}
