import type { Sum } from "./sections/draft.js";

// What a copy with some figures hidden still gives away to a reader who knows how its figures add
// up: a hidden figure that the sums (any combination of them, not only one row or column) and the
// ranges its label gives ("fewer than 5": 1 to 4; "suppressed": 5 or more) leave one value for, or
// the hidden parts of a total shown that add up to fewer than the threshold between them.

/** How each hidden figure reads: a small count, or one hidden beside it. */
export type Hidden = ReadonlyMap<string, "small" | "secondary">;

export interface Exposures {
  /** Hidden figures left with one possible value. */
  pinned: string[];
  /** Sums whose whole is shown and whose hidden parts hold fewer than the threshold. */
  thin: Sum[];
}

interface Equation {
  /** Coefficient of each hidden figure; the equation is Σ coefficient × figure = constant. */
  terms: Map<string, number>;
  constant: number;
}

interface Range {
  lo: number;
  hi: number;
}

const EPSILON = 1e-7;
const MOST_PASSES = 200;

/** Each sum with a hidden figure in it, the figures shown moved to the constant. */
function equationsOf(sums: Sum[], values: ReadonlyMap<string, number>, hidden: Hidden): Equation[] {
  return sums.flatMap(({ whole, parts }) => {
    const terms = new Map<string, number>();
    let constant = 0;
    for (const [id, sign] of [[whole, 1] as const, ...parts.map((p) => [p, -1] as const)]) {
      if (hidden.has(id)) terms.set(id, (terms.get(id) ?? 0) + sign);
      else constant -= sign * (values.get(id) ?? 0);
    }
    for (const [id, a] of terms) if (a === 0) terms.delete(id);
    return terms.size > 0 ? [{ terms, constant }] : [];
  });
}

/** The equations in reduced row echelon form: every figure they settle between them has a row of its own. */
function reduced(equations: Equation[]): Equation[] {
  const ids = [...new Set(equations.flatMap((e) => [...e.terms.keys()]))];
  const rows = equations.map((e) => [...ids.map((id) => e.terms.get(id) ?? 0), e.constant]);
  let pivotRow = 0;
  for (let col = 0; col < ids.length && pivotRow < rows.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++)
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[best]?.[col] ?? 0)) best = r;
    const pivot = rows[best];
    if (!pivot || Math.abs(pivot[col] ?? 0) < EPSILON) continue;
    [rows[best], rows[pivotRow]] = [rows[pivotRow] ?? [], pivot];
    const lead = pivot[col] ?? 1;
    for (let c = 0; c < pivot.length; c++) pivot[c] = (pivot[c] ?? 0) / lead;
    for (const row of rows) {
      const factor = row === pivot ? 0 : (row[col] ?? 0);
      if (Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < row.length; c++) row[c] = (row[c] ?? 0) - factor * (pivot[c] ?? 0);
    }
    pivotRow++;
  }
  return rows.slice(0, pivotRow).map((row) => ({
    terms: new Map(ids.flatMap((id, i) => (Math.abs(row[i] ?? 0) > EPSILON ? [[id, row[i] ?? 0]] : []))),
    constant: row[ids.length] ?? 0,
  }));
}

/** Narrows each hidden figure's range by every equation, again and again until nothing changes. */
function narrowed(equations: Equation[], hidden: Hidden, threshold: number): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const [id, how] of hidden)
    ranges.set(id, how === "small" ? { lo: 1, hi: threshold - 1 } : { lo: threshold, hi: Infinity });
  for (let pass = 0, changed = true; changed && pass < MOST_PASSES; pass++) {
    changed = false;
    for (const { terms, constant } of equations)
      for (const [id, a] of terms) {
        let low = 0;
        let high = 0;
        for (const [other, b] of terms) {
          if (other === id) continue;
          const r = ranges.get(other) ?? { lo: 0, hi: Infinity };
          low += b > 0 ? b * r.lo : b * r.hi;
          high += b > 0 ? b * r.hi : b * r.lo;
        }
        const [from, to] =
          a > 0
            ? [(constant - high) / a, (constant - low) / a]
            : [(constant - low) / a, (constant - high) / a];
        const was = ranges.get(id) ?? { lo: 0, hi: Infinity };
        const lo = Math.max(was.lo, Math.ceil(from - EPSILON));
        const hi = Math.min(was.hi, Math.floor(to + EPSILON));
        if (lo > was.lo || hi < was.hi) {
          ranges.set(id, { lo, hi });
          changed = true;
        }
      }
  }
  return ranges;
}

/**
 * The sums with those implied by one within another: the children referred are the children of
 * the groups compared and of the others, so the others' hidden counts must hold enough too.
 */
export function withNested(sums: Sum[]): Sum[] {
  const nested = sums.flatMap((outer) => {
    const parts = new Set(outer.parts);
    return sums.flatMap((inner) =>
      inner.whole !== outer.whole &&
      inner.parts.length > 0 &&
      inner.parts.every((p) => parts.has(p)) &&
      !parts.has(inner.whole)
        ? [
            {
              whole: outer.whole,
              parts: [inner.whole, ...outer.parts.filter((p) => !inner.parts.includes(p))],
            },
          ]
        : [],
    );
  });
  return [...sums, ...nested];
}

export function exposures(
  values: ReadonlyMap<string, number>,
  sums: Sum[],
  hidden: Hidden,
  threshold: number,
): Exposures {
  const equations = equationsOf(sums, values, hidden);
  const ranges = narrowed([...equations, ...reduced(equations)], hidden, threshold);
  // A range narrowed to one value gives the figure away; one narrowed past nothing means the
  // document gives it two values (figures stored at different times), each of which a reader can
  // work out, so that is given away too.
  const pinned = [...ranges].flatMap(([id, r]) => (r.lo >= r.hi ? [id] : []));
  const thin = sums.filter((s) => {
    if (hidden.has(s.whole)) return false;
    const held = s.parts.filter((p) => hidden.has(p));
    return held.length > 0 && held.reduce((a, p) => a + (values.get(p) ?? 0), 0) < threshold;
  });
  return { pinned, thin };
}
