import { exposures, withNested, type Hidden } from "./disclosure.js";
import type { Sum } from "./sections/draft.js";

// The figures a copy for the partnership board hides, as UK official statistics do, so that no
// child can be picked out: every count from 1 to threshold - 1, wherever it appears, and then
// more, until nothing shown gives a hidden one away (disclosure.ts). Totals stay exact.

/** A figure hidden so that a small one cannot be worked out, and anything worked out from a hidden one. */
export const SECONDARY = "suppressed";
export const fewerThan = (threshold: number): string => `fewer than ${threshold}`;

const isSmall = (n: number, threshold: number): boolean => n > 0 && n < threshold;

/** The figures of the sums that hold any of `ids`. */
const neighbours = (sums: Sum[], ids: Set<string>): string[] =>
  sums
    .filter((s) => ids.has(s.whole) || s.parts.some((p) => ids.has(p)))
    .flatMap((s) => [s.whole, ...s.parts]);

/** Smallest first, a breakdown's cell before a total. */
function smallestShown(ids: string[], sums: Sum[], values: ReadonlyMap<string, number>, hidden: Hidden) {
  const wholes = new Set(sums.map((s) => s.whole));
  return ids
    .filter((id) => !hidden.has(id) && (values.get(id) ?? 0) > 0)
    .sort(
      (a, b) =>
        Number(wholes.has(a)) - Number(wholes.has(b)) ||
        (values.get(a) ?? 0) - (values.get(b) ?? 0) ||
        a.localeCompare(b),
    )[0];
}

/**
 * The next figure to hide so that a pinned one is no longer given away: the smallest shown in a
 * sum with it; failing that, in a sum with the hidden figures of those, and so on. Null when none is left.
 */
function besidePinned(id: string, sums: Sum[], values: ReadonlyMap<string, number>, hidden: Hidden) {
  let reach = new Set([id]);
  for (;;) {
    const near = [...new Set(neighbours(sums, reach))];
    const next = smallestShown(near, sums, values, hidden);
    if (next) return next;
    const further = new Set([...reach, ...near.filter((n) => hidden.has(n))]);
    if (further.size === reach.size) return null;
    reach = further;
  }
}

/**
 * The figures to hide, each with how it reads: "fewer than N" for a small count, "suppressed" for
 * one hidden beside it or for a figure the report gives two values (`unsure`), so that no hidden
 * figure has one value left, and the hidden parts of a total shown add up to N or more.
 */
export function figuresToHide(
  values: ReadonlyMap<string, number>,
  declared: Sum[],
  threshold: number,
  unsure: Iterable<string> = [],
): Map<string, string> {
  const sums = withNested(declared);
  const hidden = new Map<string, "small" | "secondary">();
  for (const [id, n] of values) if (isSmall(n, threshold)) hidden.set(id, "small");
  for (const id of unsure) if (!hidden.has(id)) hidden.set(id, "secondary");
  const stuck = new Set<string>();
  for (;;) {
    const { pinned, thin } = exposures(values, sums, hidden, threshold);
    // A thin total takes another of its own parts; a pinned figure, the smallest figure beside it.
    const problems = [
      ...thin.map((s) => ({
        key: `sum ${s.whole}`,
        next: () => smallestShown(s.parts, sums, values, hidden),
      })),
      ...pinned.map((id) => ({ key: id, next: () => besidePinned(id, sums, values, hidden) })),
    ].filter((p) => !stuck.has(p.key));
    const problem = problems[0];
    if (!problem) break;
    const next = problem.next();
    if (next) hidden.set(next, "secondary");
    else stuck.add(problem.key);
  }
  return new Map([...hidden].map(([id, how]) => [id, how === "small" ? fewerThan(threshold) : SECONDARY]));
}
