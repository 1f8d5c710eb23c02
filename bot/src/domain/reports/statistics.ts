import type { Counts } from "./month-figures.js";

// The few statistics a report needs, written out so a reader of the code can check them by hand.

/** The count for each key summed over several sets of counts. */
export function sumCounts(sets: Counts[]): Counts {
  const sum: Counts = {};
  for (const set of sets) for (const [key, n] of Object.entries(set)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

export const totalOf = (counts: Counts): number => Object.values(counts).reduce((a, n) => a + n, 0);

/** part / whole, or null when there is no whole to take a share of. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The p-th percentile (0 < p ≤ 100) of a histogram of whole days (days → how many), by nearest
 * rank: the smallest value with at least ⌈p/100 × n⌉ of the n values at or below it. Null when empty.
 */
export function percentileOfDays(histogram: Counts, p: number): number | null {
  const values = Object.entries(histogram)
    .filter(([, n]) => n > 0)
    .map(([days, n]) => ({ days: Number(days), n }))
    .sort((a, b) => a.days - b.days);
  const n = values.reduce((a, v) => a + v.n, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const v of values) {
    seen += v.n;
    if (seen >= rank) return v.days;
  }
  return null;
}

/** The two-sided 95% normal quantile. */
export const Z_95 = 1.959964;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for a proportion of x in n: better than the normal approximation for
 * the small counts panels see, and never outside 0–1. Null when n is 0.
 */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Disproportionality {
  /** x / n: the group's share of referred children whose ethnicity is known. */
  share: number;
  /** The group's share of the area's children, taken as exact. */
  baselineShare: number;
  ratio: number;
  low: number;
  high: number;
}

/**
 * How a group's share of referred children (x of n) compares with its share of the population
 * (population of populationTotal): the ratio of the shares, with the Wilson interval of the
 * referred share divided by the baseline share. Null when either share cannot be taken.
 */
export function disproportionality(
  x: number,
  n: number,
  population: number,
  populationTotal: number,
): Disproportionality | null {
  const interval = wilsonInterval(x, n);
  if (!interval || population <= 0 || populationTotal <= 0) return null;
  const baselineShare = population / populationTotal;
  return {
    share: x / n,
    baselineShare,
    ratio: x / n / baselineShare,
    low: interval.low / baselineShare,
    high: interval.high / baselineShare,
  };
}

export type Reading = "over-represented" | "under-represented" | "within the range expected";

/** A ratio reads as a difference only when its whole interval lies on one side of 1. */
export const readingOf = (d: Pick<Disproportionality, "low" | "high">): Reading =>
  d.low > 1 ? "over-represented" : d.high < 1 ? "under-represented" : "within the range expected";
