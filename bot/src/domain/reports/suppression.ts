import type { Cell, Report, ReportSection, ReportTable } from "./report.js";

// A copy of a report for sharing beyond the panel (the partnership board): small counts are
// hidden as UK official statistics do, so no child can be picked out of a table.

const isSmall = (cell: Cell, threshold: number): boolean =>
  typeof cell === "number" && Number.isInteger(cell) && cell > 0 && cell < threshold;

/**
 * Counts from 1 to threshold - 1 read "fewer than N"; in a table with a total, a count column with
 * exactly one such cell hides its smallest other non-zero count too ("suppressed"), and totals add
 * up what is still shown, so no hidden cell can be worked out by subtraction. Shares and ratios in a
 * row with a hidden count, and in the total row, are hidden (null) as well. Summary lines stating a
 * small count are left out.
 */
export function forSharing(report: Report, threshold: number): Report {
  return {
    ...report,
    sections: report.sections.map((s) => sectionForSharing(s, threshold)),
    suppressedBelow: threshold,
  };
}

function sectionForSharing(section: ReportSection, threshold: number): ReportSection {
  return {
    ...section,
    summary: section.summary.filter((line) => !statesSmallCount(line, threshold)),
    tables: section.tables.map((t) => tableForSharing(t, threshold)),
  };
}

/** Summary lines give their counts as whole numbers ("12 of 40 children"); a decimal is a ratio. */
function statesSmallCount(line: string, threshold: number): boolean {
  return [...line.matchAll(/\d[\d,]*(\.\d+)?/g)].some(
    (m) => m[1] === undefined && isSmall(Number(m[0].replace(/,/g, "")), threshold),
  );
}

/** A count hidden only so that a small one beside it cannot be worked out from the total. */
export const SECONDARY = "suppressed";

function tableForSharing(table: ReportTable, threshold: number): ReportTable {
  const body = table.hasTotal ? table.rows.slice(0, -1) : table.rows;
  const total = table.hasTotal ? table.rows[table.rows.length - 1] : undefined;
  const countKeys = table.columns.filter((c) => c.kind === "count").map((c) => c.key);
  const derivedKeys = table.columns.filter((c) => c.kind === "share" || c.kind === "ratio").map((c) => c.key);

  const hidden = body.map(() => new Map<string, string>());
  for (const key of countKeys) {
    const small = body.flatMap((row, i) => (isSmall(row[key] ?? null, threshold) ? [i] : []));
    for (const i of small) hidden[i]?.set(key, `fewer than ${threshold}`);
    if (total && small.length === 1) {
      const next = body
        .map((row, i) => ({ i, n: row[key] }))
        .filter(
          (c): c is { i: number; n: number } => typeof c.n === "number" && c.n > 0 && !small.includes(c.i),
        )
        .sort((a, b) => a.n - b.n)[0];
      if (next) hidden[next.i]?.set(key, SECONDARY);
    }
  }
  if (hidden.every((cells) => cells.size === 0)) return table;

  const rows = body.map((row, i) => {
    const cells = hidden[i] ?? new Map<string, string>();
    if (cells.size === 0) return row;
    const copy: Record<string, Cell> = { ...row, ...Object.fromEntries(cells) };
    for (const key of derivedKeys) copy[key] = null;
    return copy;
  });
  const secondary = hidden.some((cells) => [...cells.values()].includes(SECONDARY));
  const notes = secondary
    ? [
        ...table.notes,
        `"${SECONDARY}": hidden so that a figure of fewer than ${threshold} cannot be worked out.`,
      ]
    : table.notes;
  if (!total) return { ...table, rows, notes };

  const shownTotal: Record<string, Cell> = { ...total };
  for (const key of countKeys) {
    if (typeof total[key] !== "number") continue;
    shownTotal[key] = rows.reduce(
      (a, row) => a + (typeof row[key] === "number" ? (row[key] as number) : 0),
      0,
    );
  }
  for (const key of derivedKeys) shownTotal[key] = null;
  return {
    ...table,
    rows: [...rows, shownTotal],
    notes: [...notes, `Totals add up the figures shown: cells of fewer than ${threshold} are left out.`],
  };
}
