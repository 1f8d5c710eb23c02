import type { Cell, ReportChart, ReportTable, SectionId } from "../report.js";

// A section as its builder drafts it, before it is copied for the panel or for the partnership
// board: each count names the figure it shows (one id wherever the figure appears), and each share,
// ratio, number of days or reading names the figures it is worked out from, so the board's copy
// can hide a figure everywhere at once, with everything that would give it away.

/** A count in a table or a summary: "referrals", "referrals/kind:group", "children-referred/ethnicity:asian-indian". */
export interface FigureCell {
  figure: string;
  n: number;
}

/** A value worked out from figures: hidden when any of them is. */
export interface DerivedCell {
  from: string[];
  value: Cell;
}

export type DraftCell = Cell | FigureCell | DerivedCell;

export interface DraftTable extends Omit<ReportTable, "rows"> {
  rows: Record<string, DraftCell>[];
}

/** A figure that is the sum of others: a column and its total, an agency's actions by how they went. */
export interface Sum {
  whole: string;
  parts: string[];
}

/** A figure as the copy shows it: null where the board's copy hides it. */
export type Shown = (figure: string) => number | null;

export interface SectionDraft {
  id: SectionId;
  title: string;
  tables: DraftTable[];
  charts: ReportChart[];
  /** Every sum among the section's figures, within a table or across tables. */
  sums: Sum[];
  /** Figures the summary states as it counts them, some of which no table shows. */
  facts: FigureCell[];
  /** The section's headline sentences; null for one that states a figure the copy hides. */
  summary: (shown: Shown) => (string | null)[];
}

export const figure = (id: string, n: number): FigureCell => ({ figure: id, n });
export const derived = (from: string[], value: Cell): DerivedCell => ({ from, value });

export const isFigure = (c: DraftCell | undefined): c is FigureCell =>
  typeof c === "object" && c !== null && "figure" in c;
export const isDerived = (c: DraftCell | undefined): c is DerivedCell =>
  typeof c === "object" && c !== null && "from" in c;

/** A sentence with figures in it, or null when one of them is hidden (null). */
export function said(strings: TemplateStringsArray, ...values: (string | number | null)[]): string | null {
  if (values.some((v) => v === null)) return null;
  return strings.reduce((text, s, i) => text + s + (i < values.length ? String(values[i]) : ""), "");
}

/** The sums of a table's count columns to its total row. */
export function columnSums(table: DraftTable): Sum[] {
  if (!table.hasTotal) return [];
  const body = table.rows.slice(0, -1);
  const total = table.rows[table.rows.length - 1] ?? {};
  return table.columns.flatMap((c) => {
    const whole = total[c.key];
    if (c.kind !== "count" || !isFigure(whole)) return [];
    const parts = body.map((r) => r[c.key]).filter(isFigure);
    return [{ whole: whole.figure, parts: parts.map((f) => f.figure) }];
  });
}
