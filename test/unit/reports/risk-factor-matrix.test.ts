import assert from "node:assert/strict";
import { loadCatalogue } from "../../../bot/src/adapters/config-files/catalogue-files.js";
import { assembleReport } from "../../../bot/src/domain/reports/assemble-report.js";
import { monthFigures } from "../../support/month-figures.js";
import { cellsOf, quarter, sectionOf, tableOf } from "./wandsworth-quarter.js";

// Staffordshire's bi-monthly data report (003): Risk Factor Matrix compliance and ratings, and the
// cases placed in each of the four thresholding categories.

describe("A Staffordshire panel's report: Risk Factor Matrix and thresholding", () => {
  const catalogue = loadCatalogue("bot/config/areas");
  const area = catalogue.areas.find((a) => a.id === "staffordshire");
  const panel = catalogue.panels.get("staffordshire-tamworth");
  assert.ok(area && panel);
  const at = { areaId: "staffordshire", panelId: panel.id };
  const months = [
    monthFigures({
      ...at,
      month: "2026-10",
      riskFactorMatrix: { applies: 5, completed: 4, rating: { medium: 3, high: 1 } },
      thresholding: { "1": 4, "2": 1, "3": 2, "4": 1 },
    }),
    monthFigures({
      ...at,
      month: "2026-11",
      riskFactorMatrix: { applies: 3, completed: 3, rating: { medium: 1, high: 2 } },
      thresholding: { "1": 3, "3": 1 },
    }),
  ];
  const agencies = [...catalogue.agencies.values()].filter((a) => a.areaId === "staffordshire");
  const input = {
    area,
    agencies,
    panels: [panel],
    panelId: panel.id,
    period: quarter,
    months,
    baseline: null,
  };
  const staffs = assembleReport(input);

  it("gives the share of referrals with a completed matrix and the ratings, on the area's scale", () => {
    assert.deepEqual(tableOf(staffs, "risk-factor-matrix-completed").rows, [
      { applies: 8, completed: 7, completedShare: 7 / 8 },
    ]);
    assert.deepEqual(cellsOf(tableOf(staffs, "risk-factor-matrix-rating"), "referrals"), [
      ["Low", 0],
      ["Medium", 4],
      ["High", 3],
      ["Not recorded", 0],
      ["Total", 7],
    ]);
  });

  it("counts cases in each of the four thresholding categories, in the terms of reference's words", () => {
    assert.deepEqual(cellsOf(tableOf(staffs, "risk-factor-matrix-thresholding"), "cases"), [
      ["1: Children to be discussed at MACE", 7],
      ["2: Children where there is insufficient information shared", 1],
      ["3: Children who will remain considered for MACE", 3],
      ["4: Children removed from MACE", 1],
      ["Total", 12],
    ]);
    assert.deepEqual(sectionOf(staffs, "risk-factor-matrix").summary, [
      "A completed Risk Factor Matrix came with 7 of 8 (88%) referrals it applies to.",
      "Pre-MACE thresholding placed 12 cases, 7 of them to be discussed at MACE.",
    ]);
  });

  it("is left out of a period whose months carry neither", () => {
    const plain = assembleReport({ ...input, months: [monthFigures({ ...at, month: "2026-10" })] });
    assert.ok(!plain.sections.some((s) => s.id === "risk-factor-matrix"));
  });
});
