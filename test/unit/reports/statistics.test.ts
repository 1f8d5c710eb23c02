import assert from "node:assert/strict";
import {
  disproportionality,
  percentileOfDays,
  readingOf,
  share,
  sumCounts,
  wilsonInterval,
} from "../../../bot/src/domain/reports/statistics.js";

// The statistics a report gives, each checked against a value worked out by hand.

const close = (actual: number | undefined, expected: number) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 5e-6, `${String(actual)} ≈ ${expected}`);

describe("A report's statistics", () => {
  it("takes the median and 90th percentile of waiting days by nearest rank", () => {
    // 10 referrals: 3, 3, 7, 7, 7, 10, 21, 21, 21, 40 days.
    // Median: rank ⌈0.5 × 10⌉ = 5 → the 5th is 7. 90th: rank ⌈0.9 × 10⌉ = 9 → the 9th is 21.
    const days = { "21": 3, "3": 2, "40": 1, "7": 3, "10": 1 };
    assert.equal(percentileOfDays(days, 50), 7);
    assert.equal(percentileOfDays(days, 90), 21);
    assert.equal(percentileOfDays(days, 100), 40);
    // One referral more makes 11: median rank ⌈5.5⌉ = 6, 90th rank ⌈9.9⌉ = 10.
    // With a 0 first: 0, 3, 3, 7, 7, 7… the 6th is 7. With a 60 last: the 6th is 10, the 10th is 40.
    assert.equal(percentileOfDays({ ...days, "0": 1 }, 50), 7);
    assert.equal(percentileOfDays({ ...days, "60": 1 }, 50), 10);
    assert.equal(percentileOfDays({ ...days, "60": 1 }, 90), 40);
  });

  it("gives no percentile for no referrals, and the one value for a single referral", () => {
    assert.equal(percentileOfDays({}, 50), null);
    assert.equal(percentileOfDays({ "5": 0 }, 90), null);
    assert.equal(percentileOfDays({ "14": 1 }, 50), 14);
    assert.equal(percentileOfDays({ "14": 1 }, 90), 14);
  });

  it("gives Wilson's 95% score interval for 12 of 40", () => {
    // p = 0.3, z = 1.959964, z² = 3.841459, n = 40.
    // z²/n = 0.096036; z²/2n = 0.048018; centre = (0.3 + 0.048018) / 1.096036 = 0.317524.
    // p(1−p)/n = 0.00525; z²/4n² = 0.000600; √0.005850 = 0.076487; z / 1.096036 = 1.788229;
    // half = 1.788229 × 0.076487 = 0.136776; interval 0.180748 to 0.454300.
    const i = wilsonInterval(12, 40);
    close(i?.low, 0.1807485);
    close(i?.high, 0.4543002);
  });

  it("keeps the interval within 0 and 1 at either end, and gives none for no children", () => {
    // 0 of 40: centre = half = (z²/2n) / (1 + z²/n) = 0.048018 / 1.096036 = 0.043811; upper 0.087622.
    const none = wilsonInterval(0, 40);
    assert.equal(none?.low, 0);
    close(none?.high, 0.0876216);
    const all = wilsonInterval(40, 40);
    close(all?.low, 0.9123784);
    assert.equal(all?.high, 1);
    assert.equal(wilsonInterval(0, 0), null);
  });

  it("divides the referred share and its interval by the baseline share", () => {
    // 12 of 40 referred (0.3) against 6,000 of 50,000 children (0.12): ratio 2.5;
    // interval 0.180748 / 0.12 = 1.506237 to 0.454300 / 0.12 = 3.785835: over-represented.
    const d = disproportionality(12, 40, 6000, 50000);
    close(d?.share, 0.3);
    close(d?.baselineShare, 0.12);
    close(d?.ratio, 2.5);
    close(d?.low, 1.5062371);
    close(d?.high, 3.7858349);
    assert.ok(d);
    assert.equal(readingOf(d), "over-represented");
    assert.equal(readingOf({ low: 0.4, high: 0.95 }), "under-represented");
    assert.equal(readingOf({ low: 0.8, high: 1.3 }), "within the range expected");
    assert.equal(readingOf({ low: 1, high: 1.3 }), "within the range expected");
  });

  it("gives no ratio without referred children or without the group in the baseline", () => {
    assert.equal(disproportionality(0, 0, 6000, 50000), null);
    assert.equal(disproportionality(3, 40, 0, 50000), null);
  });

  it("sums counts key by key, and takes no share of nothing", () => {
    assert.deepEqual(sumCounts([{ a: 1, b: 2 }, { b: 3, c: 4 }, {}]), { a: 1, b: 5, c: 4 });
    assert.equal(share(3, 12), 0.25);
    assert.equal(share(0, 0), null);
  });
});
