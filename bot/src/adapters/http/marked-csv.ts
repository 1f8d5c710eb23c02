import { stringify } from "csv-stringify/sync";

// A CSV leaves the product for the agencies' own systems, so it carries the protective marking
// (DESIGN.md §6) on its first line, above the header, as the Word documents carry it in theirs.

export const MARKING = "OFFICIAL-SENSITIVE";

export function markedCsv(rows: (string | number)[][], columns: string[]): string {
  // A cell starting with =, +, - or @ is not run as a formula when the file is opened.
  return `${MARKING}\n${stringify(rows, { escape_formulas: true, header: true, columns })}`;
}
