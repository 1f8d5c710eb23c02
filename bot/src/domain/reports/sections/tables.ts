import type { Counts } from "../month-figures.js";
import type { Column, ReportChart } from "../report.js";
import { share, totalOf } from "../statistics.js";
import { derived, figure, type DraftCell, type DraftTable } from "./draft.js";

// Building blocks for the sections' tables: a row per category, a count (and its share) per value.

export interface Category {
  key: string;
  label: string;
}

/** "serious-youth-violence" → "Serious youth violence", for a key with no title of its own. */
export const readable = (key: string): string => {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The known categories in their order, then any other key the figures hold, by its readable name. */
export function categoriesOf(known: Category[], ...counts: Counts[]): Category[] {
  const keys = new Set(known.map((c) => c.key));
  const extra = [...new Set(counts.flatMap((c) => Object.keys(c)))]
    .filter((k) => !keys.has(k) && counts.some((c) => (c[k] ?? 0) > 0))
    .sort()
    .map((key) => ({ key, label: readable(key) }));
  return [...known, ...extra];
}

export interface CountValue {
  key: string;
  label: string;
  /** The figure the column breaks down: its total's id, and the id its cells' ids start with. */
  figure: string;
  counts: Counts;
  /** Also give each row's share of the column's total. */
  withShare?: boolean;
}

export interface CountTableSpec {
  id: string;
  caption: string;
  category: Category;
  /** What the rows break the figures down by, in their ids: "kind" gives "referrals/kind:group". */
  by: string;
  categories: Category[];
  values: CountValue[];
  notes?: string[];
}

export const shareKey = (key: string): string => `${key}Share`;

/** The id of one category's part of a figure. */
export const partOf = (figureId: string, by: string, key: string): string => `${figureId}/${by}:${key}`;

/** A table of counts by category with a total row; shares are of the column's total. */
export function countTable(spec: CountTableSpec): DraftTable {
  const columns: Column[] = [{ key: spec.category.key, label: spec.category.label, kind: "label" }];
  for (const v of spec.values) {
    columns.push({ key: v.key, label: v.label, kind: "count" });
    if (v.withShare) columns.push({ key: shareKey(v.key), label: `${v.label}: share`, kind: "share" });
  }
  const totals = new Map(spec.values.map((v) => [v.key, totalOf(v.counts)]));
  const rowOf = (label: string, key: string | null): Record<string, DraftCell> => {
    const row: Record<string, DraftCell> = { [spec.category.key]: label };
    for (const v of spec.values) {
      const total = totals.get(v.key) ?? 0;
      const n = key === null ? total : (v.counts[key] ?? 0);
      const id = key === null ? v.figure : partOf(v.figure, spec.by, key);
      row[v.key] = figure(id, n);
      if (v.withShare) row[shareKey(v.key)] = derived([id, v.figure], share(n, total));
    }
    return row;
  };
  const rows = spec.categories.map((c) => rowOf(c.label, c.key));
  rows.push(rowOf("Total", null));
  return { id: spec.id, caption: spec.caption, columns, rows, hasTotal: true, notes: spec.notes ?? [] };
}

export const chartOf = (
  table: Pick<DraftTable, "id" | "caption" | "columns">,
  kind: ReportChart["kind"],
  values: string[],
  title = table.caption,
): ReportChart => ({ tableId: table.id, kind, category: table.columns[0]?.key ?? "", values, title });

/** "12 of 40 (30%)", or null when either figure is hidden. */
export function countOf(part: number | null, whole: number | null): string | null {
  if (part === null || whole === null) return null;
  const s = share(part, whole);
  return s === null ? `${part} of ${whole}` : `${part} of ${whole} (${Math.round(s * 100)}%)`;
}
