import assert from "node:assert/strict";
import { customPeriodProblem, monthsIn, periodOf } from "../../../bot/src/domain/reports/period.js";

// The periods a report can cover: this bi-monthly cycle, this quarter of the financial year,
// the last twelve months, or whole months of the reader's choosing.

describe("A report's period", () => {
  it("is this bi-monthly cycle: November and December on 1 December", () => {
    const p = periodOf("cycle", "2026-12-01");
    assert.deepEqual(p, {
      kind: "cycle",
      from: "2026-11-01",
      to: "2026-12-31",
      label: "November and December 2026",
    });
    assert.deepEqual(monthsIn(p), ["2026-11", "2026-12"]);
  });

  it("pairs the months from January: March and April, a leap February ending on the 29th", () => {
    assert.equal(periodOf("cycle", "2027-03-15").label, "March and April 2027");
    assert.equal(periodOf("cycle", "2027-04-30").from, "2027-03-01");
    const leap = periodOf("cycle", "2028-01-10");
    assert.equal(leap.to, "2028-02-29");
    assert.equal(periodOf("cycle", "2027-02-01").to, "2027-02-28");
  });

  it("is the quarter of the financial year starting in April", () => {
    assert.deepEqual(periodOf("quarter", "2026-12-01"), {
      kind: "quarter",
      from: "2026-10-01",
      to: "2026-12-31",
      label: "Quarter 3, 2026/27",
    });
    assert.deepEqual(periodOf("quarter", "2026-04-01"), {
      kind: "quarter",
      from: "2026-04-01",
      to: "2026-06-30",
      label: "Quarter 1, 2026/27",
    });
    assert.equal(periodOf("quarter", "2027-01-31").label, "Quarter 4, 2026/27");
    assert.equal(periodOf("quarter", "2027-03-31").to, "2027-03-31");
    assert.equal(periodOf("quarter", "2026-03-31").label, "Quarter 4, 2025/26");
    assert.equal(periodOf("quarter", "2099-09-30").label, "Quarter 2, 2099/00");
    assert.deepEqual(monthsIn(periodOf("quarter", "2026-08-14")), ["2026-07", "2026-08", "2026-09"]);
  });

  it("is the twelve months ending with this one, for a year", () => {
    const p = periodOf("year", "2026-12-01");
    assert.deepEqual(p, {
      kind: "year",
      from: "2026-01-01",
      to: "2026-12-31",
      label: "January 2026 to December 2026",
    });
    const spanning = periodOf("year", "2027-02-03");
    assert.equal(spanning.from, "2026-03-01");
    assert.equal(spanning.to, "2027-02-28");
    assert.equal(monthsIn(spanning).length, 12);
    assert.equal(monthsIn(spanning)[0], "2026-03");
    assert.equal(monthsIn(spanning)[11], "2027-02");
  });

  it("runs a custom period from the first day of its first month to the last day of its last", () => {
    const p = periodOf("custom", "2026-12-01", { from: "2025-11", to: "2026-02" });
    assert.deepEqual(p, {
      kind: "custom",
      from: "2025-11-01",
      to: "2026-02-28",
      label: "November 2025 to February 2026",
    });
    assert.deepEqual(monthsIn(p), ["2025-11", "2025-12", "2026-01", "2026-02"]);
    assert.equal(periodOf("custom", "2026-12-01", { from: "2026-06", to: "2026-06" }).label, "June 2026");
    assert.equal(periodOf("custom", "2026-12-01", { from: "2026-06-17", to: "2026-07-02" }).to, "2026-07-31");
  });

  it("refuses a custom period that ends before it starts, or runs over ten years, saying what to do", () => {
    assert.equal(
      customPeriodProblem("2026-09", "2026-04"),
      "The period ends before it starts: choose a last month on or after the first.",
    );
    assert.equal(customPeriodProblem("2016-01", "2025-12"), null);
    assert.equal(
      customPeriodProblem("2016-01", "2026-01"),
      "A report covers 10 years at most: choose a shorter period.",
    );
    assert.match(customPeriodProblem("Sept 2026", "2026-10") ?? "", /as YYYY-MM/);
    assert.throws(
      () => periodOf("custom", "2026-12-01", { from: "2026-09", to: "2026-04" }),
      /ends before it starts/,
    );
    assert.throws(() => periodOf("custom", "2026-12-01"), /first and last months/);
  });
});
