import type { Cell, Column, Report, ReportTable } from "../../domain/reports/report.js";

// A report's cells as people read them, the same in the Word document and the CSV files: shares
// as percentages, ratios to two places, and a share hidden with the count it was worked out from
// said to be suppressed rather than left blank.

/** Whether the row shows a count hidden for sharing ("fewer than 5", "suppressed"). */
const hidesACount = (row: Record<string, Cell>, table: ReportTable): boolean =>
  table.columns.some((c) => c.kind === "count" && typeof row[c.key] === "string");

export function cellText(
  report: Pick<Report, "suppressedBelow">,
  table: ReportTable,
  row: Record<string, Cell>,
  column: Column,
): string {
  const cell = row[column.key] ?? null;
  if (cell === null) {
    const isTotal = table.hasTotal && row === table.rows[table.rows.length - 1];
    const hidden = report.suppressedBelow !== null && (isTotal || hidesACount(row, table));
    return hidden && (column.kind === "share" || column.kind === "ratio") ? "suppressed" : "–";
  }
  if (typeof cell === "string") return cell;
  switch (column.kind) {
    case "share":
      return `${(Math.round(cell * 1000) / 10).toFixed(1)}%`;
    case "ratio":
      return cell.toFixed(2);
    default:
      return String(cell);
  }
}

/** A table's rows as text, header first. */
export function tableText(report: Pick<Report, "suppressedBelow">, table: ReportTable): string[][] {
  return [
    table.columns.map((c) => c.label),
    ...table.rows.map((row) => table.columns.map((c) => cellText(report, table, row, c))),
  ];
}
