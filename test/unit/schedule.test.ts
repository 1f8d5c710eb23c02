import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { nextOccurrences, occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";
import { isBankHoliday, isWorkingDay, nextWorkingDay } from "../../bot/src/domain/schedule/bank-holidays.js";
import type { Catalogue } from "../../bot/src/domain/catalogue/catalogue.js";

const catalogue = loadCatalogue("bot/config/areas");

// Worked out here without the product's recurrence code: the nth given weekday (0 = Sunday) of a month.
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month - 1, 1 + offset + (nth - 1) * 7)).toISOString().slice(0, 10);
}
const months = Array.from({ length: 12 }, (_, i) => i + 1);

describe("When a panel meets", () => {
  it("Merton pre-MACE meets on the first Thursday of every month of 2027", () => {
    const dates = occurrencesBetween(catalogue, "merton-pre-mace", "2027-01-01", "2027-12-31").map(
      (o) => o.date,
    );
    assert.deepEqual(
      dates,
      months.map((m) => nthWeekday(2027, m, 4, 1)),
    );
  });

  it("Merton strategic MACE meets on the third Thursday and Havering MACE on the second Monday", () => {
    assert.deepEqual(
      occurrencesBetween(catalogue, "merton-strategic-mace", "2027-01-01", "2027-12-31").map((o) => o.date),
      months.map((m) => nthWeekday(2027, m, 4, 3)),
    );
    assert.deepEqual(
      occurrencesBetween(catalogue, "havering-mace", "2027-01-01", "2027-12-31").map((o) => o.date),
      months.map((m) => nthWeekday(2027, m, 1, 2)),
    );
  });

  it("keeps 09:30 UK time across the clock changes: GMT in March, BST from the last Sunday of March", () => {
    const [march, april] = occurrencesBetween(catalogue, "merton-pre-mace", "2027-03-01", "2027-04-30");
    assert.equal(march?.start, "2027-03-04T09:30:00+00:00");
    assert.equal(march?.end, "2027-03-04T13:30:00+00:00");
    assert.equal(april?.start, "2027-04-01T09:30:00+01:00");
    assert.equal(april?.end, "2027-04-01T13:30:00+01:00");
    const [november] = occurrencesBetween(catalogue, "merton-pre-mace", "2027-11-01", "2027-11-30");
    assert.equal(november?.start, "2027-11-04T09:30:00+00:00");
  });

  it("Lambeth MAVE meets every two weeks, for three hours, from its first date", () => {
    const dates = occurrencesBetween(catalogue, "lambeth-mave", "2027-01-01", "2027-12-31").map(
      (o) => o.date,
    );
    const expected: string[] = [];
    for (let t = Date.UTC(2026, 0, 6); t <= Date.UTC(2027, 11, 31); t += 14 * 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (d >= "2027-01-01") expected.push(d);
    }
    assert.deepEqual(dates, expected);
    assert.equal(dates.length, 26);
    const first = occurrencesBetween(catalogue, "lambeth-mave", "2027-01-01", "2027-01-31")[0];
    assert.equal(first?.start, "2027-01-05T13:00:00+00:00");
    assert.equal(first?.end, "2027-01-05T16:00:00+00:00");
  });

  it("each Staffordshire district meets six times a year, and no two districts meet on the same day", () => {
    const districts = [...catalogue.panels.values()].filter(
      (p) => p.areaId === "staffordshire" && p.tier === "operational",
    );
    const seen = new Map<string, string>();
    for (const d of districts) {
      const dates = occurrencesBetween(catalogue, d.id, "2027-01-01", "2027-12-31").map((o) => o.date);
      assert.equal(dates.length, 6, d.id);
      for (const date of dates) {
        assert.ok(!seen.has(date), `${d.id} and ${seen.get(date)} both meet on ${date}`);
        seen.set(date, d.id);
      }
    }
    assert.deepEqual(
      occurrencesBetween(catalogue, "staffordshire-tamworth", "2027-01-01", "2027-12-31").map((o) => o.date),
      [1, 3, 5, 7, 9, 11].map((m) => nthWeekday(2027, m, 4, 1)),
    );
  });

  it("the Staffordshire pre-MACE thresholding meets a week before each district panel", () => {
    const panels = occurrencesBetween(catalogue, "staffordshire-cannock", "2027-03-01", "2027-04-30").map(
      (o) => o.date,
    );
    const thresholding = occurrencesBetween(
      catalogue,
      "staffordshire-pre-mace-thresholding",
      "2027-01-01",
      "2027-12-31",
    ).map((o) => o.date);
    assert.equal(thresholding.length, 48);
    for (const date of panels) {
      const weekBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 7 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      assert.ok(
        thresholding.includes(weekBefore),
        `no thresholding on ${weekBefore} before Cannock on ${date}`,
      );
    }
  });

  it("years after a rule began, a range starting between its meetings gives the dates counted from its first", () => {
    const fortnightly: string[] = [];
    for (let t = Date.UTC(2026, 0, 6); t <= Date.UTC(2031, 5, 30); t += 14 * 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (d >= "2031-03-04") fortnightly.push(d);
    }
    assert.deepEqual(
      occurrencesBetween(catalogue, "lambeth-mave", "2031-03-04", "2031-06-30").map((o) => o.date),
      fortnightly,
    );
    // Every other month from January 2026: March and May in a range that starts in February.
    assert.deepEqual(
      occurrencesBetween(catalogue, "staffordshire-tamworth", "2031-02-15", "2031-06-30").map((o) => o.date),
      [3, 5].map((m) => nthWeekday(2031, m, 4, 1)),
    );
  });

  it("the next meetings start with today's meeting until it has ended", () => {
    const during = new Date("2026-12-03T11:00:00Z");
    assert.equal(nextOccurrences(catalogue, "merton-pre-mace", during, 1)[0]?.date, "2026-12-03");
    const after = new Date("2026-12-03T14:00:00Z");
    assert.deepEqual(
      nextOccurrences(catalogue, "merton-pre-mace", after, 3).map((o) => o.date),
      ["2027-01-07", "2027-02-04", "2027-03-04"],
    );
  });

  describe("on a bank holiday in England", () => {
    const withPolicy = (panelId: string, policy: "skip" | "keep"): Catalogue => {
      const panel = catalogue.panels.get(panelId);
      assert.ok(panel);
      const panels = new Map(catalogue.panels);
      panels.set(panelId, { ...panel, schedule: { ...panel.schedule, bankHolidayPolicy: policy } });
      return { ...catalogue, panels };
    };

    it("knows the bank holidays, substitute days included", () => {
      assert.ok(isBankHoliday("2026-01-01"));
      assert.ok(
        isBankHoliday("2027-12-28"),
        "Boxing Day 2027 falls on a Sunday: the Tuesday is the substitute",
      );
      assert.ok(!isBankHoliday("2027-12-29"));
      assert.equal(nextWorkingDay("2027-12-25"), "2027-12-29");
      assert.ok(!isWorkingDay("2027-03-29"), "Easter Monday");
    });

    it("Merton pre-MACE's first Thursday, New Year's Day 2026, moves to the next working day", () => {
      const dates = occurrencesBetween(catalogue, "merton-pre-mace", "2026-01-01", "2026-03-31");
      assert.deepEqual(
        dates.map((o) => o.date),
        ["2026-01-02", "2026-02-05", "2026-03-05"],
      );
      assert.equal(dates[0]?.start, "2026-01-02T09:30:00+00:00");
    });

    it("a Staffordshire district's Wednesday on New Year's Day 2031 moves to Thursday 2 January", () => {
      assert.deepEqual(
        occurrencesBetween(catalogue, "staffordshire-moorlands", "2030-12-01", "2031-02-28").map(
          (o) => o.date,
        ),
        ["2031-01-02"],
      );
    });

    it("a panel set to skip bank holidays leaves that meeting out; one set to keep them meets anyway", () => {
      assert.deepEqual(
        occurrencesBetween(
          withPolicy("merton-pre-mace", "skip"),
          "merton-pre-mace",
          "2026-01-01",
          "2026-02-28",
        ).map((o) => o.date),
        ["2026-02-05"],
      );
      assert.deepEqual(
        occurrencesBetween(
          withPolicy("merton-pre-mace", "keep"),
          "merton-pre-mace",
          "2026-01-01",
          "2026-02-28",
        ).map((o) => o.date),
        ["2026-01-01", "2026-02-05"],
      );
    });

    it("a meeting moved off a holiday just before the range starts is found in the range", () => {
      assert.deepEqual(
        occurrencesBetween(catalogue, "merton-pre-mace", "2026-01-02", "2026-01-31").map((o) => o.date),
        ["2026-01-02"],
      );
    });
  });
});
