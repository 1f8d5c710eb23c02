import assert from "node:assert/strict";
import { assembleReport } from "../../../bot/src/domain/reports/assemble-report.js";
import { periodOf } from "../../../bot/src/domain/reports/period.js";
import { areaInput, cellsOf, quarter, sectionOf, tableOf } from "./wandsworth-quarter.js";

// A report for a panel or an area, summed from its months of figures: referrals, the cohort and
// the children referred, on Wandsworth's hand-counted quarter (wandsworth-quarter.ts).

describe("A report summed from the months of figures", () => {
  const report = assembleReport(areaInput);

  it("is titled with the report Wandsworth owes its partnership, the area and the period, as at the oldest month worked out in it", () => {
    assert.equal(
      report.title,
      "Quarterly problem profile figures for the WSCP: Wandsworth, Quarter 3, 2026/27",
    );
    assert.equal(report.areaId, "wandsworth");
    assert.equal(report.panelId, null);
    assert.deepEqual(report.period, quarter);
    // MARVE Plus's October (31 October, 23:30) is older than the others; September is outside the quarter.
    assert.equal(report.figuresAsAt, "2026-10-31T23:30:00.000Z");
    assert.equal(report.suppressedBelow, null);
  });

  it("has every section but the Risk Factor Matrix, which Wandsworth's panels do not use", () => {
    assert.deepEqual(
      report.sections.map((s) => s.id),
      ["referrals", "cohort", "demographics", "disproportionality", "disruption", "agencies", "themes"],
    );
  });

  it("gives each table a unique id, and draws each chart from a table of its section", () => {
    const ids = report.sections.flatMap((s) => s.tables.map((t) => t.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const s of report.sections)
      for (const c of s.charts) {
        const table = s.tables.find((t) => t.id === c.tableId);
        assert.ok(table, `${c.tableId} is in ${s.id}`);
        for (const key of [c.category, ...c.values]) assert.ok(table.columns.some((col) => col.key === key));
      }
  });

  describe("referrals", () => {
    it("counts referrals by kind over both panels and the quarter's months, with shares of 12", () => {
      assert.deepEqual(cellsOf(tableOf(report, "referrals-by-kind"), "referrals", "referralsShare"), [
        ["Individual child or young adult", 9, 9 / 12],
        ["Group or cohort", 1, 1 / 12],
        ["Person of concern", 1, 1 / 12],
        ["Location of concern", 1, 1 / 12],
        ["Total", 12, 1],
      ]);
    });

    it("names the referring agencies, in the area's order", () => {
      assert.deepEqual(cellsOf(tableOf(report, "referrals-by-agency"), "referrals"), [
        ["Police", 4],
        ["Children's Social Care", 2],
        ["Health", 3],
        ["Education", 1],
        ["Probation Service", 2],
        ["Total", 12],
      ]);
    });

    it("counts outcomes, withdrawn and waiting included", () => {
      assert.deepEqual(cellsOf(tableOf(report, "referrals-by-outcome"), "referrals"), [
        ["Accepted", 9],
        ["Declined", 0],
        ["More information asked for", 1],
        ["Withdrawn by the referrer", 1],
        ["Waiting for a decision", 1],
        ["Total", 12],
      ]);
    });

    it("gives the median and 90th percentile of days to first discussion from the days histogram", () => {
      // Days of the 7 referrals discussed, in order: 3, 7, 7, 7, 10, 21, 40.
      // Median: rank ⌈0.5 × 7⌉ = 4 → 7 days. 90th percentile: rank ⌈0.9 × 7⌉ = ⌈6.3⌉ = 7 → 40 days.
      assert.deepEqual(tableOf(report, "referrals-time-to-discussion").rows, [
        { discussed: 7, median: 7, ninetieth: 40, notYetDiscussed: 2 },
      ]);
      assert.deepEqual(sectionOf(report, "referrals").summary, [
        "12 referrals received.",
        "Of 7 referrals discussed, half waited 7 days or fewer for their first discussion, and nine in ten 40 days or fewer.",
        "2 accepted referrals have not been discussed yet.",
      ]);
    });
  });

  describe("the cohort", () => {
    it("goes month by month, summing the panels, leaving December blank until it is worked out", () => {
      const months = tableOf(report, "cohort-by-month");
      assert.deepEqual(cellsOf(months, "opened", "closed", "openAtEnd"), [
        ["October 2026", 4, 2, 14],
        ["November 2026", 2, 2, 14],
        ["December 2026", null, null, null],
      ]);
      assert.deepEqual(months.notes, ["A month left blank has not been worked out yet."]);
      const chart = sectionOf(report, "cohort").charts.find((c) => c.tableId === "cohort-by-month");
      assert.equal(chart?.kind, "line");
    });

    it("counts cases closed by the decision that closed them: an escalation keeps a case open, so has no row", () => {
      assert.deepEqual(cellsOf(tableOf(report, "cohort-closed-by-reason"), "cases"), [
        ["Remove from the cohort", 2],
        ["Transfer to another area's panel", 2],
        ["Total", 4],
      ]);
    });

    it("sets risk on entry of the quarter's new cases beside risk at the end of its last month, on the area's scale", () => {
      // At the end: November's riskAtEnd of MARVE (2, 5, 3) and MARVE Plus (0, 2, 2).
      assert.deepEqual(cellsOf(tableOf(report, "cohort-risk"), "atEntry", "atEnd"), [
        ["Emerging", 1, 2],
        ["Moderate", 3, 7],
        ["Significant", 1, 5],
        ["Not recorded", 1, 0],
        ["Total", 6, 14],
      ]);
    });

    it("counts movement of the cases open at the end", () => {
      assert.deepEqual(cellsOf(tableOf(report, "cohort-movement"), "cases", "casesShare"), [
        ["Risk went up", 5, 5 / 14],
        ["Risk stayed the same", 7, 7 / 14],
        ["Risk went down", 2, 2 / 14],
        ["Not known", 0, 0],
        ["Total", 14, 1],
      ]);
      assert.deepEqual(sectionOf(report, "cohort").summary, [
        "6 cases opened and 4 closed in the period.",
        "14 cases open at the end of the period.",
      ]);
    });
  });

  describe("the children referred", () => {
    it("counts referred and accepted children by age band", () => {
      assert.deepEqual(cellsOf(tableOf(report, "demographics-age-band"), "referred", "accepted"), [
        ["Under 10", 0, 0],
        ["10 to 13", 1, 0],
        ["14 to 15", 3, 2],
        ["16 to 17", 4, 4],
        ["18 to 25", 2, 2],
        ["Not known", 1, 0],
        ["Total", 11, 8],
      ]);
    });

    it("counts them by gender, with shares of each column's total", () => {
      assert.deepEqual(
        cellsOf(
          tableOf(report, "demographics-gender"),
          "referred",
          "referredShare",
          "accepted",
          "acceptedShare",
        ),
        [
          ["Female", 2, 2 / 11, 1, 1 / 8],
          ["Male", 8, 8 / 11, 7, 7 / 8],
          ["Non-binary", 1, 1 / 11, 0, 0],
          ["Other", 0, 0, 0, 0],
          ["Not known", 0, 0, 0, 0],
          ["Total", 11, 1, 8, 1],
        ],
      );
    });

    it("counts them by the form's ethnic groups, and gives the 'not known' share as a data-quality line", () => {
      const rows = cellsOf(tableOf(report, "demographics-ethnicity"), "referred", "accepted");
      assert.equal(rows.length, 21);
      assert.deepEqual(
        rows.filter((r) => r[1] !== 0 || r[2] !== 0),
        [
          ["Black, Black British, Caribbean or African: African", 1, 1],
          ["Black, Black British, Caribbean or African: Caribbean", 4, 4],
          ["Mixed or multiple: White and Black Caribbean", 1, 0],
          ["White: English, Welsh, Scottish, Northern Irish or British", 3, 2],
          ["Not known", 2, 1],
          ["Total", 11, 8],
        ],
      );
      // 2 of 11 = 18.2%, shown to the nearest whole per cent.
      assert.deepEqual(sectionOf(report, "demographics").summary, [
        "11 children referred, 8 accepted.",
        "Data quality: ethnicity not known for 2 of 11 (18%) children referred.",
      ]);
    });
  });

  describe("for one panel", () => {
    const marve = assembleReport({ ...areaInput, panelId: "wandsworth-marve" });

    it("counts only that panel's months, titled with its name", () => {
      assert.equal(
        marve.title,
        "Quarterly problem profile figures for the WSCP: MARVE operational panel, Quarter 3, 2026/27",
      );
      assert.equal(marve.panelId, "wandsworth-marve");
      assert.equal(marve.figuresAsAt, "2026-11-01T02:00:00.000Z");
      assert.deepEqual(cellsOf(tableOf(marve, "referrals-by-kind"), "referrals").at(-1), ["Total", 10]);
      // Days 3, 7, 7, 10, 21, 40: median rank 3 → 7; 90th percentile rank ⌈5.4⌉ = 6 → 40.
      assert.deepEqual(tableOf(marve, "referrals-time-to-discussion").rows, [
        { discussed: 6, median: 7, ninetieth: 40, notYetDiscussed: 1 },
      ]);
      assert.deepEqual(cellsOf(tableOf(marve, "cohort-risk"), "atEnd"), [
        ["Emerging", 2],
        ["Moderate", 5],
        ["Significant", 3],
        ["Not recorded", 0],
        ["Total", 10],
      ]);
    });
  });

  describe("over other periods", () => {
    it("takes in September over the year, and only October in a custom month", () => {
      const year = assembleReport({ ...areaInput, period: periodOf("year", "2026-12-01") });
      assert.deepEqual(cellsOf(tableOf(year, "referrals-by-kind"), "referrals").at(-1), ["Total", 62]);
      assert.equal(year.figuresAsAt, "2026-10-01T02:00:00.000Z");
      assert.equal(tableOf(year, "cohort-by-month").rows.length, 12);

      const october = periodOf("custom", "2026-12-01", { from: "2026-10", to: "2026-10" });
      const one = assembleReport({ ...areaInput, period: october });
      assert.equal(one.title, "Quarterly problem profile figures for the WSCP: Wandsworth, October 2026");
      assert.deepEqual(cellsOf(tableOf(one, "referrals-by-kind"), "referrals").at(-1), ["Total", 8]);
      assert.deepEqual(tableOf(one, "cohort-by-month").notes, []);
    });

    it("says when nothing has been worked out for the period", () => {
      const empty = assembleReport({ ...areaInput, period: periodOf("cycle", "2027-01-10") });
      assert.equal(empty.figuresAsAt, null);
      assert.deepEqual(sectionOf(empty, "referrals").summary, ["0 referrals received."]);
      assert.deepEqual(tableOf(empty, "referrals-time-to-discussion").rows, [
        { discussed: 0, median: null, ninetieth: null, notYetDiscussed: 0 },
      ]);
      assert.deepEqual(cellsOf(tableOf(empty, "referrals-by-kind"), "referralsShare").at(-1), [
        "Total",
        null,
      ]);
    });
  });
});
