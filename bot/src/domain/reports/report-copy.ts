import type { Cell, ReportSection, ReportTable } from "./report.js";
import {
  isDerived,
  isFigure,
  type DraftCell,
  type DraftTable,
  type SectionDraft,
  type Shown,
} from "./sections/draft.js";
import { fewerThan, figuresToHide, SECONDARY } from "./suppression.js";

// The drafted sections as one copy shows them: every figure exact, for the panel; or for the
// partnership board, the figures suppression.ts hides read as words wherever they appear, with
// whatever was worked out from them, and summary sentences that would state one left out.

/** Each figure's value, and those given two different values (months stored by different versions). */
function valuesOf(drafts: SectionDraft[]) {
  const values = new Map<string, number>();
  const unsure = new Set<string>();
  const cells = drafts.flatMap((d) => [
    ...d.facts,
    ...d.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r).filter(isFigure))),
  ]);
  for (const { figure, n } of cells) {
    const seen = values.get(figure);
    if (seen === undefined) values.set(figure, n);
    else if (seen !== n) unsure.add(figure);
  }
  return { values, unsure };
}

function cellOf(cell: DraftCell | undefined, hidden: ReadonlyMap<string, string>): Cell {
  if (isFigure(cell)) return hidden.get(cell.figure) ?? cell.n;
  if (isDerived(cell))
    return cell.value !== null && cell.from.some((id) => hidden.has(id)) ? SECONDARY : cell.value;
  return cell ?? null;
}

function tableOf(
  table: DraftTable,
  hidden: ReadonlyMap<string, string>,
  threshold: number | null,
): ReportTable {
  const rows = table.rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, cellOf(cell, hidden)])),
  );
  if (threshold === null) return { ...table, rows };
  const cells = rows.flatMap((r) => Object.values(r));
  const notes = [...table.notes];
  if (cells.includes(SECONDARY))
    notes.push(`"${SECONDARY}": hidden so that a figure of fewer than ${threshold} cannot be worked out.`);
  if (table.hasTotal && cells.some((c) => c === SECONDARY || c === fewerThan(threshold)))
    notes.push("Totals count every figure, the hidden ones included.");
  return { ...table, rows, notes };
}

/** The sections exact (`suppressBelow` null), or as the partnership board's copy shows them. */
export function sectionsOf(drafts: SectionDraft[], suppressBelow: number | null): ReportSection[] {
  const { values, unsure } = valuesOf(drafts);
  const hidden =
    suppressBelow === null
      ? new Map<string, string>()
      : figuresToHide(
          values,
          drafts.flatMap((d) => d.sums),
          suppressBelow,
          unsure,
        );
  const shown: Shown = (id) => (hidden.has(id) ? null : (values.get(id) ?? null));
  return drafts.map((d) => ({
    id: d.id,
    title: d.title,
    summary: d.summary(shown).filter((line) => line !== null),
    tables: d.tables.map((t) => tableOf(t, hidden, suppressBelow)),
    charts: d.charts,
  }));
}
