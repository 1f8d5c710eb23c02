import assert from "node:assert/strict";
import { assembleReport } from "../../../bot/src/domain/reports/assemble-report.js";
import { figuresToHide } from "../../../bot/src/domain/reports/suppression.js";
import type { MonthFigures } from "../../../bot/src/domain/reports/month-figures.js";
import { monthFigures } from "../../support/month-figures.js";
import { areaInput, cellsOf, sectionOf, tableOf } from "./wandsworth-quarter.js";

// The copy for the partnership board hides small counts so that no child can be picked out, and
// hides more where what is shown (totals, which stay exact, other tables, shares, summaries) would
// let a hidden count be worked out. One panel's October, counted by hand.

const october = (figures: Parameters<typeof monthFigures>[0]): MonthFigures =>
  monthFigures({ areaId: "wandsworth", panelId: "wandsworth-marve", month: "2026-10", ...figures });

/** Cases opened in October, at entry by risk level. */
const opened = (riskAtEntry: Record<string, number>) => ({
  cohort: { opened: Object.values(riskAtEntry).reduce((a, n) => a + n, 0), riskAtEntry },
});

const copies = (figures: Parameters<typeof monthFigures>[0], threshold = 5) => {
  const input = { ...areaInput, panelId: "wandsworth-marve", months: [october(figures)] };
  return { exact: assembleReport(input), board: assembleReport(input, threshold) };
};

describe("The copy of a report for the partnership board", () => {
  const referrals = {
    referrals: {
      received: 22,
      byKind: { individual: 12, group: 3, "location-of-concern": 7 },
      byAgency: { "wan-police": 22 },
      byOutcome: { accepted: 22 },
      daysToFirstDiscussion: { "7": 19 },
      notYetDiscussed: 3,
    },
  };

  it("shows counts from 1 to 4 as 'fewer than 5', and 0 as 0, and leaves the panel's copy exact", () => {
    const { exact, board } = copies(referrals);
    assert.equal(tableOf(board, "referrals-by-kind").rows[1]?.referrals, "fewer than 5");
    assert.equal(tableOf(board, "referrals-by-kind").rows[2]?.referrals, 0);
    assert.equal(board.suppressedBelow, 5);
    assert.equal(tableOf(exact, "referrals-by-kind").rows[1]?.referrals, 3);
    assert.equal(exact.suppressedBelow, null);
  });

  it("hides the next smallest count of a column with one small count, and keeps the total exact", () => {
    // Group 3 alone would be the total less what is shown: Location 7, not Individual 12, is hidden too.
    assert.deepEqual(
      cellsOf(tableOf(copies(referrals).board, "referrals-by-kind"), "referrals", "referralsShare"),
      [
        ["Individual child or young adult", 12, 12 / 22],
        ["Group or cohort", "fewer than 5", "suppressed"],
        ["Person of concern", 0, 0],
        ["Location of concern", "suppressed", "suppressed"],
        ["Total", 22, 1],
      ],
    );
  });

  it("leaves two small counts that hold 5 or more between them, but not two that must both be 4", () => {
    const risk = (riskAtEntry: Record<string, number>) =>
      cellsOf(tableOf(copies(opened(riskAtEntry)).board, "cohort-risk"), "atEntry").map((r) => r[1]);
    // 2 and 4 hold 6: each could be 2, 3 or 4.
    assert.deepEqual(risk({ emerging: 2, moderate: 4, significant: 10 }), [
      "fewer than 5",
      "fewer than 5",
      10,
      0,
      16,
    ]);
    // 4 and 4 hold 8, which only 4 and 4 make: Significant 10 is hidden too.
    assert.deepEqual(risk({ emerging: 4, moderate: 4, significant: 10 }), [
      "fewer than 5",
      "fewer than 5",
      "suppressed",
      0,
      18,
    ]);
  });

  it("hides the total, everywhere it appears, when a small count and the one hidden beside it would have one value", () => {
    // Removed 5 and transferred 1: with 6 shown, "fewer than 5" and "5 or more" could only be 1 and 5.
    const { board } = copies({
      cohort: { opened: 8, riskAtEntry: { moderate: 8 }, closedByReason: { remove: 5, transfer: 1 } },
    });
    assert.deepEqual(cellsOf(tableOf(board, "cohort-closed-by-reason"), "cases"), [
      ["Remove from the cohort", "suppressed"],
      ["Transfer to another area's panel", "fewer than 5"],
      ["Total", "suppressed"],
    ]);
    assert.equal(tableOf(board, "cohort-by-month").rows[0]?.closed, "suppressed");
    assert.deepEqual(sectionOf(board, "cohort").summary, ["0 cases open at the end of the period."]);
  });

  it("hides a figure in every table and sentence that states it", () => {
    const { board } = copies({
      referrals: {
        received: 3,
        byKind: { individual: 3 },
        byAgency: { "wan-police": 3 },
        byOutcome: { declined: 3 },
      },
    });
    for (const id of ["referrals-by-kind", "referrals-by-agency", "referrals-by-outcome"])
      assert.equal(tableOf(board, id).rows.at(-1)?.referrals, "fewer than 5", id);
    assert.deepEqual(sectionOf(board, "referrals").summary, []);
  });

  it("hides what shown figures add up to with a hidden one, and the sentences stating them", () => {
    // 22 accepted are 19 discussed and 3 not yet: the 19 is hidden with the 3, and the days with the 19.
    const { board } = copies(referrals);
    assert.deepEqual(tableOf(board, "referrals-time-to-discussion").rows, [
      {
        discussed: "suppressed",
        median: "suppressed",
        ninetieth: "suppressed",
        notYetDiscussed: "fewer than 5",
      },
    ]);
    assert.deepEqual(sectionOf(board, "referrals").summary, ["22 referrals received."]);
  });

  it("follows the configured threshold", () => {
    const kinds = tableOf(copies(referrals, 10).board, "referrals-by-kind");
    // 3 and 7 are both below 10 and hold 10 between them: Individual 12 stays.
    assert.deepEqual(
      cellsOf(kinds, "referrals").map((r) => r[1]),
      [12, "fewer than 10", 0, "fewer than 10", 22],
    );
  });

  it("hides a figure its months give two values, as months worked out by different versions might", () => {
    // 0 cases opened, but 16 by their risk on entry.
    const { board } = copies({ cohort: { opened: 0, riskAtEntry: { emerging: 6, moderate: 10 } } });
    assert.equal(tableOf(board, "cohort-risk").rows.at(-1)?.["atEntry"], "suppressed");
  });

  it("changes nothing, and adds no note, in a table with no small count", () => {
    const { exact, board } = copies(opened({ emerging: 5, moderate: 6 }));
    assert.deepEqual(tableOf(board, "cohort-risk"), tableOf(exact, "cohort-risk"));
  });
});

describe("A figure the board's copy gives two values", () => {
  it("stays hidden with enough beside it that neither value can be worked out", () => {
    // u reads 7 by one table (27 = u + 20) and 3 by another (33 = u + 30): months worked out at
    // different times. Hiding u alone would leave a reader both subtractions.
    const values = new Map([
      ["u", 7],
      ["x", 20],
      ["y", 30],
      ["TA", 27],
      ["TB", 33],
    ]);
    const hidden = figuresToHide(
      values,
      [
        { whole: "TA", parts: ["u", "x"] },
        { whole: "TB", parts: ["u", "y"] },
      ],
      5,
      ["u"],
    );
    assert.ok(hidden.has("u"));
    assert.ok(hidden.has("x") || hidden.has("TA"), "27 − 20 cannot be read");
    assert.ok(hidden.has("y") || hidden.has("TB"), "33 − 30 cannot be read");
  });
});
