import assert from "node:assert/strict";
import type { Report, ReportTable } from "../../../bot/src/domain/reports/report.js";
import { forSharing } from "../../../bot/src/domain/reports/suppression.js";

// A copy of a report for the partnership board hides small counts so that no child can be picked
// out, and its totals add up only what is shown so that a hidden count cannot be worked out.

const byKind: ReportTable = {
  id: "referrals-by-kind",
  caption: "Referrals received by kind",
  columns: [
    { key: "kind", label: "Kind of referral", kind: "label" },
    { key: "referrals", label: "Referrals", kind: "count" },
    { key: "referralsShare", label: "Referrals: share", kind: "share" },
  ],
  rows: [
    { kind: "Individual child or young adult", referrals: 12, referralsShare: 12 / 22 },
    { kind: "Group or cohort", referrals: 3, referralsShare: 3 / 22 },
    { kind: "Person of concern", referrals: 0, referralsShare: 0 },
    { kind: "Location of concern", referrals: 7, referralsShare: 7 / 22 },
    { kind: "Total", referrals: 22, referralsShare: 1 },
  ],
  hasTotal: true,
  notes: [],
};

const risk: ReportTable = {
  id: "cohort-risk",
  caption: "Risk of cases on entry and at the end of the period",
  columns: [
    { key: "level", label: "Risk level", kind: "label" },
    { key: "atEntry", label: "At entry", kind: "count" },
    { key: "atEnd", label: "At the end", kind: "count" },
  ],
  rows: [
    { level: "Emerging", atEntry: 2, atEnd: 9 },
    { level: "Moderate", atEntry: 4, atEnd: 6 },
    { level: "Significant", atEntry: 10, atEnd: 5 },
    { level: "Total", atEntry: 16, atEnd: 20 },
  ],
  hasTotal: true,
  notes: [],
};

const perMonth: ReportTable = {
  id: "cohort-by-month",
  caption: "Cases by month",
  columns: [
    { key: "month", label: "Month", kind: "label" },
    { key: "opened", label: "Opened", kind: "count" },
  ],
  rows: [
    { month: "October 2026", opened: 1 },
    { month: "November 2026", opened: 8 },
    { month: "December 2026", opened: null },
  ],
  hasTotal: false,
  notes: [],
};

const report: Report = {
  areaId: "testshire",
  panelId: null,
  title: "Testshire: Quarter 3, 2026/27",
  period: { kind: "quarter", from: "2026-10-01", to: "2026-12-31", label: "Quarter 3, 2026/27" },
  figuresAsAt: "2026-11-01T02:00:00.000Z",
  sections: [
    {
      id: "referrals",
      title: "Referrals",
      summary: [
        "22 referrals received.",
        "3 accepted referrals have not been discussed yet.",
        "Ethnicity not known for 12 of 40 (30%) referred children.",
        "Black African children: ratio 2.5 (95% interval 1.4 to 4.1).",
      ],
      tables: [byKind, risk, perMonth],
      charts: [],
    },
  ],
  suppressedBelow: null,
};

describe("A report prepared for sharing beyond the panel", () => {
  const shared = forSharing(report, 5);
  const [kinds, levels, months] = shared.sections[0]?.tables ?? [];

  it("shows counts from 1 to 4 as 'fewer than 5', and 0 as 0", () => {
    assert.equal(kinds?.rows[1]?.referrals, "fewer than 5");
    assert.equal(kinds?.rows[2]?.referrals, 0);
    assert.equal(kinds?.rows[0]?.referrals, 12);
    assert.equal(shared.suppressedBelow, 5);
  });

  it("hides the next smallest count of a column with only one small count, so it cannot be subtracted out", () => {
    // Group 3 is the only small count: Location 7 is the smallest other non-zero one, not Individual 12.
    assert.equal(kinds?.rows[3]?.referrals, "suppressed");
    assert.equal(kinds?.rows[0]?.referrals, 12);
    assert.ok(kinds?.notes.some((n) => n.includes('"suppressed"')));
  });

  it("adds up only the figures still shown in the total, and says so", () => {
    // 12 + 0 shown; 3 and 7 hidden.
    assert.equal(kinds?.rows[4]?.referrals, 12);
    assert.ok(kinds?.notes.includes("Totals add up the figures shown: cells of fewer than 5 are left out."));
  });

  it("hides shares worked out from a hidden count, and the total's share", () => {
    assert.equal(kinds?.rows[1]?.referralsShare, null);
    assert.equal(kinds?.rows[3]?.referralsShare, null);
    assert.equal(kinds?.rows[4]?.referralsShare, null);
    assert.equal(kinds?.rows[0]?.referralsShare, 12 / 22);
    assert.equal(kinds?.rows[2]?.referralsShare, 0);
  });

  it("treats each count column apart: two small counts need no other hidden", () => {
    // At entry: 2 and 4 are both small; 10 stays; total 10. At the end: none small, total stays 20.
    assert.deepEqual(levels?.rows, [
      { level: "Emerging", atEntry: "fewer than 5", atEnd: 9 },
      { level: "Moderate", atEntry: "fewer than 5", atEnd: 6 },
      { level: "Significant", atEntry: 10, atEnd: 5 },
      { level: "Total", atEntry: 10, atEnd: 20 },
    ]);
  });

  it("hides small counts in a table with no total without hiding others, and keeps months not worked out blank", () => {
    assert.deepEqual(months?.rows, [
      { month: "October 2026", opened: "fewer than 5" },
      { month: "November 2026", opened: 8 },
      { month: "December 2026", opened: null },
    ]);
    assert.deepEqual(months?.notes, []);
  });

  it("leaves out summary lines that state a small count, keeping ratios and larger counts", () => {
    assert.deepEqual(shared.sections[0]?.summary, [
      "22 referrals received.",
      "Ethnicity not known for 12 of 40 (30%) referred children.",
      "Black African children: ratio 2.5 (95% interval 1.4 to 4.1).",
    ]);
  });

  it("follows the configured threshold, and leaves the panel's own report as it was", () => {
    const at10 = forSharing(report, 10);
    assert.equal(at10.sections[0]?.tables[0]?.rows[3]?.referrals, "fewer than 10");
    assert.equal(at10.sections[0]?.tables[0]?.rows[1]?.referrals, "fewer than 10");
    // Two small ones (3, 7) in the column: no secondary; total = 12.
    assert.equal(at10.sections[0]?.tables[0]?.rows[4]?.referrals, 12);
    assert.equal(report.sections[0]?.tables[0]?.rows[1]?.referrals, 3);
    assert.equal(report.suppressedBelow, null);
  });

  it("changes nothing in a table with no small count", () => {
    const [section] = report.sections;
    assert.ok(section);
    const untouched = forSharing({ ...report, sections: [{ ...section, tables: [risk] }] }, 2);
    assert.deepEqual(untouched.sections[0]?.tables[0], risk);
  });
});
