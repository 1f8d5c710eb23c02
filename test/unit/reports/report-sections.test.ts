import assert from "node:assert/strict";
import { assembleReport } from "../../../bot/src/domain/reports/assemble-report.js";
import { areaInput, cellsOf, sectionOf, tableOf } from "./wandsworth-quarter.js";

// Disproportionality, disruption, agencies, themes, and the copy for the partnership board, on
// Wandsworth's hand-counted quarter.

describe("A report's sections on disproportionality, disruption, agencies and themes", () => {
  const report = assembleReport(areaInput);

  describe("disproportionality", () => {
    const table = tableOf(report, "disproportionality-by-ethnicity");
    const row = (group: string) => table.rows.find((r) => r.group === group);
    const close = (actual: unknown, expected: number) =>
      assert.ok(
        typeof actual === "number" && Math.abs(actual - expected) < 5e-5,
        `${String(actual)} ≈ ${expected}`,
      );

    it("compares Black Caribbean children's share of those referred with the area's: over-represented", () => {
      // 9 children referred with ethnicity known (11 less 2 not known); 4 are Black Caribbean: p = 0.444444.
      // Baseline q = 2,000 / 40,000 = 0.05; ratio = 0.444444 / 0.05 = 8.8889.
      // Wilson, z = 1.959964, z² = 3.841459, n = 9: z²/n = 0.426829; centre = (p + z²/2n) / (1 + z²/n)
      //   = (0.444444 + 0.213414) / 1.426829 = 0.461064; half = z / (1 + z²/n) × √(p(1−p)/n + z²/4n²)
      //   = 1.373650 × √(0.0274348 + 0.0118564) = 1.373650 × 0.198220 = 0.272287;
      //   interval 0.188777 to 0.733351, over q: 3.77557 to 14.66697. The lower bound is above 1.
      const r = row("Black, Black British, Caribbean or African: Caribbean");
      assert.equal(r?.referred, 4);
      close(r?.share, 4 / 9);
      close(r?.baselineShare, 0.05);
      close(r?.ratio, 8.88889);
      close(r?.low, 3.77557);
      close(r?.high, 14.66697);
      assert.equal(r?.reading, "over-represented");
    });

    it("reads White British children as under-represented when the whole interval is below 1", () => {
      // p = 3/9 = 0.333333, q = 0.75, ratio 0.444444; Wilson (3 of 9) = 0.120584 to 0.645798, over q 0.16078 to 0.86106.
      const r = row("White: English, Welsh, Scottish, Northern Irish or British");
      close(r?.ratio, 0.44444);
      close(r?.low, 0.16078);
      close(r?.high, 0.86106);
      assert.equal(r?.reading, "under-represented");
    });

    it("reads a ratio whose interval spans 1 as within the range expected, a share of 0 included", () => {
      // Black African: 1 of 9 against 0.1: ratio 1.1111, Wilson 0.019891 to 0.435000 → 0.19891 to 4.35000.
      const african = row("Black, Black British, Caribbean or African: African");
      close(african?.ratio, 1.11111);
      close(african?.low, 0.19891);
      close(african?.high, 4.35);
      assert.equal(african?.reading, "within the range expected");
      // Indian: 0 of 9 against 0.05; Wilson upper bound z² / (n + z²) = 3.841459 / 12.841459 = 0.299145 → 5.98290.
      const indian = row("Asian or Asian British: Indian");
      assert.deepEqual([indian?.referred, indian?.share, indian?.ratio, indian?.low], [0, 0, 0, 0]);
      close(indian?.high, 5.9829);
      assert.equal(indian?.reading, "within the range expected");
    });

    it("lists groups the baseline lacks with no share or ratio, and a total of the children compared", () => {
      const irish = row("White: Irish");
      assert.deepEqual(irish, {
        group: "White: Irish",
        referred: 0,
        share: null,
        baselineShare: null,
        ratio: null,
        low: null,
        high: null,
        reading: "No baseline figure",
      });
      assert.equal(table.rows.length, 20);
      assert.ok(!table.rows.some((r) => r.group === "Not known"));
      assert.deepEqual(table.rows.at(-1), {
        group: "All groups compared",
        referred: 9,
        share: 1,
        baselineShare: 1,
        ratio: null,
        low: null,
        high: null,
        reading: null,
      });
    });

    it("names the baseline's source and that its figures are invented, and says what it found", () => {
      assert.ok(table.notes.includes("The area's children: Invented for the demonstration, 2021."));
      assert.ok(table.notes.includes("Invented figures for the demonstration."));
      assert.ok(
        table.notes.includes(
          "Shares are of the children referred in the groups compared: those whose ethnicity is not known are left out.",
        ),
      );
      assert.deepEqual(sectionOf(report, "disproportionality").summary, [
        "Over-represented: Black, Black British, Caribbean or African: Caribbean, 4 of 9 children referred (ratio 8.89, 95% interval 3.78 to 14.67).",
        "Under-represented: White: English, Welsh, Scottish, Northern Irish or British, 3 of 9 children referred (ratio 0.44, 95% interval 0.16 to 0.86).",
        "Data quality: ethnicity not known for 2 of 11 (18%) children referred.",
        "The area's population figures are invented for the demonstration.",
      ]);
    });

    it("works shares out over the groups the baseline has a figure for, and lists the others without a ratio", () => {
      // Without Black African (1 child referred, 4,000 children): 8 children compared, 36,000 children.
      // Black Caribbean: p = 4/8 = 0.5 against q = 2,000 / 36,000 = 0.055556: ratio 9.0. Wilson, n = 8:
      //   z²/n = 0.480182; centre 0.5; half = 1.959964 / 1.480182 × √(0.03125 + 0.015006) = 0.284785;
      //   0.215215 to 0.784785, over q: 3.87387 to 14.12613.
      const { "black-african": _, ...children } = areaInput.baseline?.children ?? {};
      const partial = assembleReport({
        ...areaInput,
        baseline: areaInput.baseline && { ...areaInput.baseline, children },
      });
      const t = tableOf(partial, "disproportionality-by-ethnicity");
      const caribbean = t.rows.find(
        (r) => r.group === "Black, Black British, Caribbean or African: Caribbean",
      );
      close(caribbean?.share, 0.5);
      close(caribbean?.baselineShare, 2000 / 36000);
      close(caribbean?.ratio, 9);
      close(caribbean?.low, 3.87387);
      close(caribbean?.high, 14.12613);
      const african = t.rows.find((r) => r.group === "Black, Black British, Caribbean or African: African");
      assert.deepEqual(
        [african?.referred, african?.share, african?.ratio, african?.reading],
        [1, null, null, "No baseline figure"],
      );
      assert.deepEqual([t.rows.at(-1)?.group, t.rows.at(-1)?.referred], ["All groups compared", 8]);
      assert.ok(
        t.notes.some((n) => n.startsWith("Groups the baseline gives no figure for are listed without")),
      );
    });

    it("says in words that there is nothing to compare with when the area has no baseline", () => {
      const without = sectionOf(assembleReport({ ...areaInput, baseline: null }), "disproportionality");
      assert.deepEqual(without.tables, []);
      assert.deepEqual(without.charts, []);
      assert.match(
        without.summary[0] ?? "",
        /^There is no population baseline for Wandsworth, so the children referred cannot be compared/,
      );
    });
  });

  describe("disruption", () => {
    it("counts disruptions by type, and the persons of concern, locations and groups discussed", () => {
      assert.deepEqual(cellsOf(tableOf(report, "disruption-by-type"), "disruptions"), [
        ["Child Abduction Warning Notice", 1],
        ["Closure order", 1],
        ["Civil injunction", 1],
        ["Criminal behaviour order", 0],
        ["Slavery and trafficking prevention order", 0],
        ["Sexual risk order", 0],
        ["Arrest or charge", 3],
        ["Licensing or premises visit", 0],
        ["Other", 0],
        ["Total", 6],
      ]);
      assert.deepEqual(cellsOf(tableOf(report, "disruption-subjects-discussed"), "discussed"), [
        ["Persons of concern", 6],
        ["Locations of concern", 3],
        ["Groups", 2],
      ]);
      assert.deepEqual(sectionOf(report, "disruption").summary, ["6 disruptions agreed, in 5 decisions."]);
    });
  });

  describe("agencies", () => {
    it("counts actions by owning agency; on time is the share of those due that were done by their date", () => {
      // Police: 3 on time of 3 + 1 late + 1 overdue = 0.6; total 6 of 6 + 1 + 2 = 9.
      const t = tableOf(report, "agencies-actions");
      assert.deepEqual(cellsOf(t, "agreed", "doneOnTime", "doneLate", "overdue", "open", "onTimeShare"), [
        ["Police", 6, 3, 1, 1, 1, 0.6],
        ["Children's Social Care", 3, 1, 0, 0, 2, 1],
        ["Health", 1, 0, 0, 1, 0, 0],
        ["Probation Service", 2, 2, 0, 0, 0, 1],
        ["Total", 12, 6, 1, 2, 3, 6 / 9],
      ]);
      // These figures were stored before "not possible" was counted: they read back as none.
      assert.deepEqual(
        cellsOf(t, "notPossible").map((r) => r[1]),
        [0, 0, 0, 0, 0],
      );
    });

    it("counts meetings held and quorate per panel, and each core agency's attendance, none included", () => {
      assert.deepEqual(cellsOf(tableOf(report, "agencies-meetings"), "held", "quorate", "quorateShare"), [
        ["MARVE operational panel", 2, 1, 0.5],
        ["MARVE Plus (young adults)", 1, 1, 1],
        ["Total", 3, 2, 2 / 3],
      ]);
      assert.deepEqual(cellsOf(tableOf(report, "agencies-attendance"), "attended", "attendedShare"), [
        ["Police", 3, 1],
        ["Children's Social Care", 2, 2 / 3],
        ["Health", 1, 1 / 3],
        ["Education", 1, 1 / 3],
        ["Youth Justice Service", 0, 0],
        ["Housing", 1, 1 / 3],
        ["Probation Service", 1, 1 / 3],
        ["Community Safety", 0, 0],
      ]);
      assert.deepEqual(sectionOf(report, "agencies").summary, [
        "3 meetings held, 2 of them quorate.",
        "12 actions agreed: 6 done on time, 1 done late, 2 overdue and 3 not yet due.",
      ]);
    });

    it("gives a panel's meetings with no total row", () => {
      const t = tableOf(
        assembleReport({ ...areaInput, panelId: "wandsworth-marve-plus" }),
        "agencies-meetings",
      );
      assert.equal(t.hasTotal, false);
      assert.deepEqual(cellsOf(t, "held"), [["MARVE Plus (young adults)", 1]]);
    });
  });

  describe("themes", () => {
    it("counts cases discussed by theme, and the locations and groups linked to most open cases at the end", () => {
      assert.deepEqual(cellsOf(tableOf(report, "themes-cases-discussed"), "cases"), [
        ["Coercion control", 1],
        ["Missing", 3],
        ["Serious youth violence", 2],
        ["No theme recorded", 1],
        ["Total", 7],
      ]);
      // November's links of both panels; October's WAN-L-0009 is not the end of the period.
      assert.deepEqual(tableOf(report, "themes-linked-to-open-cases").rows, [
        { reference: "WAN-L-0003", kind: "Location of concern", openCases: 6 },
        { reference: "WAN-G-0001", kind: "Group", openCases: 3 },
        { reference: "WAN-L-0007", kind: "Location of concern", openCases: 1 },
      ]);
      assert.deepEqual(sectionOf(report, "themes").summary, [
        "7 cases discussed.",
        "Most linked at the end of the period: Location of concern WAN-L-0003, linked to 6 open cases.",
      ]);
    });
  });

  describe("the copy for the partnership board", () => {
    const shared = assembleReport(areaInput, 5);

    it("hides small counts in the assembled tables, and more where those hidden would hold fewer than 5, keeping totals exact", () => {
      // On entry all four are small and hold 6 between them: each is still 1 to 3, so the total stays.
      // At the end Emerging 2 alone is small, so Significant 5, the next smallest, is hidden too (7).
      assert.deepEqual(cellsOf(tableOf(shared, "cohort-risk"), "atEntry", "atEnd"), [
        ["Emerging", "fewer than 5", "fewer than 5"],
        ["Moderate", "fewer than 5", 7],
        ["Significant", "fewer than 5", "suppressed"],
        ["Not recorded", "fewer than 5", 0],
        ["Total", 6, 14],
      ]);
      // The three small kinds hold 3, so Individual 9 is hidden too; 12 is the referrals received.
      assert.deepEqual(cellsOf(tableOf(shared, "referrals-by-kind"), "referrals", "referralsShare"), [
        ["Individual child or young adult", "suppressed", "suppressed"],
        ["Group or cohort", "fewer than 5", "suppressed"],
        ["Person of concern", "fewer than 5", "suppressed"],
        ["Location of concern", "fewer than 5", "suppressed"],
        ["Total", 12, 1],
      ]);
      assert.ok(
        tableOf(shared, "referrals-by-kind").notes.includes(
          "Totals count every figure, the hidden ones included.",
        ),
      );
    });

    it("hides the share, ratio, interval and reading of a group with few children referred", () => {
      const table = tableOf(shared, "disproportionality-by-ethnicity");
      const row = table.rows.find((r) => r.group === "Black, Black British, Caribbean or African: Caribbean");
      assert.deepEqual(
        [row?.referred, row?.share, row?.ratio, row?.low, row?.high, row?.reading],
        ["fewer than 5", "suppressed", "suppressed", "suppressed", "suppressed", "suppressed"],
      );
      // 11 referred less 2 not known is 9 compared: shown, it would give the 2 away.
      assert.equal(table.rows.at(-1)?.referred, "suppressed");
      assert.deepEqual(sectionOf(shared, "disproportionality").summary, [
        "Groups whose figures this copy hides are not read.",
        "The area's population figures are invented for the demonstration.",
      ]);
    });

    it("keeps summary lines that state no hidden figure", () => {
      // 4 cases closed is hidden, and with it the line of cases opened and closed.
      assert.deepEqual(sectionOf(shared, "cohort").summary, ["14 cases open at the end of the period."]);
      assert.deepEqual(sectionOf(shared, "agencies").summary, []);
    });
  });
});
