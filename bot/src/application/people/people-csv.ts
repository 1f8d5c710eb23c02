import { parse } from "csv-parse/sync";
import { Refusal } from "../../domain/refusal.js";

// The import file: one row per person and panel role, with the columns the README documents. A
// file that cannot be read at all is refused whole; problems with single rows are for the preview.

export const PEOPLE_CSV_COLUMNS = [
  "objectId",
  "email",
  "displayName",
  "agency",
  "jobTitle",
  "panel",
  "role",
  "deputyFor",
  "approvesReferrals",
] as const;
export type PeopleCsvColumn = (typeof PEOPLE_CSV_COLUMNS)[number];
export type PeopleCsvRow = { line: number } & Record<PeopleCsvColumn, string>;

export const MAX_CSV_BYTES = 512 * 1024;
export const MAX_CSV_ROWS = 2000;

/** A blank file to fill in, with one example row of invented people. */
export const PEOPLE_CSV_TEMPLATE =
  `${PEOPLE_CSV_COLUMNS.join(",")}\n` +
  ",alex.example@council.example,Alex Example,Children's Social Care,Social worker,pre-mace,presenter,,no\n";

// A cell a spreadsheet would run as a formula when the file is opened again.
const FORMULA = /^[=+\-@\t\r]/;

export const runsAsFormula = (cell: string): boolean => FORMULA.test(cell);

const unreadable = (message: string) => new Refusal("invalid", message, { code: "unreadable-file" });

export function readPeopleCsv(text: string): PeopleCsvRow[] {
  if (Buffer.byteLength(text, "utf8") > MAX_CSV_BYTES)
    throw unreadable(`The file is larger than ${MAX_CSV_BYTES / 1024} KB. Split it into smaller files.`);
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    throw unreadable(
      `The file is not a CSV file we can read (${(e as Error).message.split(":")[0]}). Save it as CSV (UTF-8) and try again.`,
    );
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((c) => c.trim());
  const byName = new Map(columns.map((c, i) => [c.toLowerCase(), i]));
  const missing = PEOPLE_CSV_COLUMNS.filter((c) => !byName.has(c.toLowerCase()));
  const extra = columns.filter((c) => !PEOPLE_CSV_COLUMNS.some((k) => k.toLowerCase() === c.toLowerCase()));
  if (missing.length || extra.length)
    throw unreadable(
      [
        missing.length && `The file has no column ${missing.join(", ")}.`,
        extra.length && `The columns ${extra.join(", ")} are not ones we know.`,
        "Start from the template on this page.",
      ]
        .filter(Boolean)
        .join(" "),
    );
  if (!rows.length) throw unreadable("The file has its header row but no people in it.");
  if (rows.length > MAX_CSV_ROWS)
    throw unreadable(`The file has ${rows.length} rows; at most ${MAX_CSV_ROWS} can be imported at once.`);
  return rows.map((cells, i) => {
    const row = { line: i + 2 } as PeopleCsvRow;
    for (const column of PEOPLE_CSV_COLUMNS)
      row[column] = cells[byName.get(column.toLowerCase()) ?? -1] ?? "";
    return row;
  });
}
