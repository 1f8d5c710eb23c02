import type { Cell, Report, ReportTable } from "../../../bot/src/domain/reports/report.js";

// A reader of the partnership board's copy trying to work its hidden counts out from the document
// alone: subtracting along rows and columns and across tables that count the same thing, narrowing
// "fewer than 5" and "suppressed" by what the others leave, taking the total less what is shown,
// multiplying shares by totals, and reading the numbers the summaries and notes state. Each way
// that gives a hidden count away, or shows what was worked out from one, is said in words.

type Ref = string;
interface Line {
  whole: Ref;
  parts: Ref[];
}
interface Range {
  lo: number;
  hi: number;
}

const ref = (tableId: string, row: string, column: string): Ref => `${tableId} | ${row} | ${column}`;
const NO_BASELINE = "No baseline figure";

/** A row's name: its label, or its place in a table with no label column. */
function rowName(table: ReportTable, i: number): string {
  const label = table.columns.find((c) => c.kind === "label");
  const value = label ? table.rows[i]?.[label.key] : null;
  return typeof value === "string" ? value : String(i);
}

const tablesOf = (report: Report) => new Map(report.sections.flatMap((s) => s.tables).map((t) => [t.id, t]));

function countCells(report: Report): Map<Ref, Cell> {
  const cells = new Map<Ref, Cell>();
  for (const table of tablesOf(report).values())
    table.rows.forEach((row, i) => {
      for (const c of table.columns)
        if (c.kind === "count" && row[c.key] !== null && row[c.key] !== undefined)
          cells.set(ref(table.id, rowName(table, i), c.key), row[c.key] ?? null);
    });
  return cells;
}

/** What the reader knows adds up: columns to their totals, rows to theirs, and the same counts in other tables. */
function linesOf(report: Report): Line[] {
  const tables = tablesOf(report);
  const lines: Line[] = [];
  const names = (id: string) => {
    const t = tables.get(id);
    return t ? t.rows.map((_, i) => rowName(t, i)) : [];
  };
  for (const t of tables.values()) {
    if (!t.hasTotal) continue;
    const rows = names(t.id);
    const total = rows[rows.length - 1] ?? "";
    const body = rows.slice(0, -1).filter((_, i) => t.rows[i]?.["reading"] !== NO_BASELINE);
    for (const c of t.columns.filter((col) => col.kind === "count"))
      lines.push({ whole: ref(t.id, total, c.key), parts: body.map((r) => ref(t.id, r, c.key)) });
  }
  for (const r of names("agencies-actions"))
    lines.push({
      whole: ref("agencies-actions", r, "agreed"),
      parts: ["doneOnTime", "doneLate", "overdue", "open", "notPossible"].map((k) =>
        ref("agencies-actions", r, k),
      ),
    });
  const same = (a: Ref, b: Ref) => lines.push({ whole: a, parts: [b] });
  const totalOf = (id: string, key: string) => ref(id, names(id).at(-1) ?? "", key);
  same(totalOf("referrals-by-kind", "referrals"), totalOf("referrals-by-agency", "referrals"));
  same(totalOf("referrals-by-kind", "referrals"), totalOf("referrals-by-outcome", "referrals"));
  lines.push({
    whole: ref("referrals-by-outcome", "Accepted", "referrals"),
    parts: ["discussed", "notYetDiscussed"].map((k) => ref("referrals-time-to-discussion", "0", k)),
  });
  for (const key of ["referred", "accepted"]) {
    same(totalOf("demographics-ethnicity", key), totalOf("demographics-age-band", key));
    same(totalOf("demographics-ethnicity", key), totalOf("demographics-gender", key));
  }
  const dispro = tables.get("disproportionality-by-ethnicity");
  if (dispro) {
    const rows = names(dispro.id);
    for (const r of rows.slice(0, -1))
      same(ref(dispro.id, r, "referred"), ref("demographics-ethnicity", r, "referred"));
    const noBaseline = rows.filter((_, i) => dispro.rows[i]?.["reading"] === NO_BASELINE);
    lines.push({
      whole: totalOf("demographics-ethnicity", "referred"),
      parts: [
        totalOf(dispro.id, "referred"),
        ref("demographics-ethnicity", "Not known", "referred"),
        ...noBaseline.map((r) => ref(dispro.id, r, "referred")),
      ],
    });
  }
  const byMonth = tables.get("cohort-by-month");
  const months = names("cohort-by-month").filter((_, i) => byMonth?.rows[i]?.["opened"] !== null);
  for (const [key, whole] of [
    ["opened", totalOf("cohort-risk", "atEntry")],
    ["closed", totalOf("cohort-closed-by-reason", "cases")],
  ] as const)
    lines.push({ whole, parts: months.map((m) => ref("cohort-by-month", m, key)) });
  same(totalOf("cohort-risk", "atEnd"), totalOf("cohort-movement", "cases"));
  same(
    ref("risk-factor-matrix-completed", "0", "completed"),
    totalOf("risk-factor-matrix-rating", "referrals"),
  );
  return lines;
}

const hiddenRange = (cell: Cell, threshold: number): Range | null =>
  typeof cell === "number"
    ? { lo: cell, hi: cell }
    : cell === `fewer than ${threshold}`
      ? { lo: 1, hi: threshold - 1 }
      : cell === "suppressed"
        ? { lo: threshold, hi: Infinity }
        : null;

/** Ranges of the hidden counts, narrowed by every line until nothing changes. */
function narrowed(cells: Map<Ref, Cell>, lines: Line[], threshold: number): Map<Ref, Range> {
  const ranges = new Map<Ref, Range>();
  for (const [r, cell] of cells) {
    const range = hiddenRange(cell, threshold);
    if (range) ranges.set(r, range);
  }
  const usable = lines.filter((l) => [l.whole, ...l.parts].every((r) => ranges.has(r)));
  for (let changed = true, pass = 0; changed && pass < 500; pass++) {
    changed = false;
    const narrow = (r: Ref, lo: number, hi: number) => {
      const was = ranges.get(r);
      if (!was || (lo <= was.lo && hi >= was.hi)) return;
      ranges.set(r, { lo: Math.max(was.lo, lo), hi: Math.min(was.hi, hi) });
      changed = true;
    };
    for (const l of usable) {
      const parts = l.parts.map((r) => ranges.get(r) ?? { lo: 0, hi: Infinity });
      const whole = ranges.get(l.whole) ?? { lo: 0, hi: Infinity };
      const lo = parts.reduce((a, p) => a + p.lo, 0);
      const hi = parts.reduce((a, p) => a + p.hi, 0);
      narrow(l.whole, lo, hi);
      l.parts.forEach((r, i) => {
        const p = parts[i] ?? { lo: 0, hi: Infinity };
        narrow(r, whole.lo - (hi - p.hi), whole.hi - (lo - p.lo));
      });
    }
  }
  return ranges;
}

/** Shares, ratios, days and readings shown although a count they are worked out from is hidden. */
function derivedShown(board: Report, threshold: number): string[] {
  const found: string[] = [];
  const hidden = (c: Cell | undefined) => hiddenRange(c ?? null, threshold) !== null && typeof c === "string";
  const tables = tablesOf(board);
  const meetings = tables.get("agencies-meetings")?.rows.at(-1);
  for (const t of tables.values()) {
    const total = t.hasTotal ? t.rows[t.rows.length - 1] : undefined;
    t.rows.forEach((row, i) => {
      const anyHidden = t.columns.some((c) => c.kind === "count" && hidden(row[c.key]));
      for (const c of t.columns) {
        const value = row[c.key];
        const derived = ["share", "ratio", "days"].includes(c.kind) || c.key === "reading";
        if (!derived || c.key === "baselineShare" || value === null || value === NO_BASELINE || hidden(value))
          continue;
        // A share of a count column is worked out from that column's count and total only.
        const count = /^(.+)Share$/.exec(c.key)?.[1];
        const ofCount = count && t.columns.some((col) => col.key === count && col.kind === "count");
        const from = ofCount
          ? hidden(row[count]) || (value !== 0 && hidden(total?.[count]) && row !== total)
          : anyHidden || (c.key === "attendedShare" && hidden(meetings?.["held"]));
        if (from)
          found.push(
            `${ref(t.id, rowName(t, i), c.key)} shows ${String(value)}, worked out from a hidden count`,
          );
      }
    });
  }
  return found;
}

/** The numbers a summary or note states that the tables do not show. */
function numbersStated(board: Report, threshold: number): string[] {
  const tables = tablesOf(board);
  const shown = new Set<string>();
  for (const t of tables.values())
    for (const row of t.rows)
      for (const c of t.columns) {
        const v = row[c.key];
        if (typeof v !== "number") continue;
        if (c.kind === "count" || c.kind === "days") shown.add(String(v));
        if (c.kind === "ratio") shown.add(v.toFixed(2));
      }
  const found: string[] = [];
  const cellOf = (id: string, row: string, key: string) =>
    tables.get(id)?.rows.find((r) => Object.values(r).includes(row))?.[key];
  for (const s of board.sections) {
    const texts = [
      ...s.summary,
      ...s.tables.flatMap((t) => t.notes.map((n) => n.replace(/\b(19|20)\d\d\b/g, ""))),
    ];
    for (const text of texts) {
      const words = text
        .replace(/\(\d+%\)|95%|\d+th\b|\b(above|below) 1\b/g, "")
        .replaceAll(`fewer than ${threshold}`, "");
      for (const m of words.matchAll(/\d[\d,]*(\.\d+)?/g))
        if (!shown.has(m[0].replace(/,/g, ""))) found.push(`"${text}" states ${m[0]}, which no table shows`);
      const reading = /^(?:Over|Under)-represented: (.+), (\d+) of (\d+) children referred/.exec(text);
      if (
        reading &&
        cellOf("disproportionality-by-ethnicity", reading[1] ?? "", "referred") !== Number(reading[2])
      )
        found.push(`"${text}" states a count its table hides`);
      const quality = /ethnicity not known for (\d+) of/.exec(text);
      if (quality && cellOf("demographics-ethnicity", "Not known", "referred") !== Number(quality[1]))
        found.push(`"${text}" states a count its table hides`);
    }
  }
  return found;
}

/** Every way the board's copy gives a hidden count away; `exact` is the panel's copy of the same report. */
export function giveaways(board: Report, exact: Report, threshold: number): string[] {
  const cells = countCells(board);
  const truth = countCells(exact);
  const lines = linesOf(board).filter((l) => [l.whole, ...l.parts].every((r) => cells.has(r)));
  const found: string[] = [];
  for (const [r, range] of narrowed(cells, lines, threshold)) {
    if (typeof cells.get(r) === "number" || range.lo !== range.hi) continue;
    if (range.lo !== truth.get(r)) throw new Error(`The reader's lines are wrong: ${r} is not ${range.lo}`);
    found.push(`${r} (${String(cells.get(r))}) is worked out as ${range.lo}`);
  }
  for (const l of lines) {
    const whole = cells.get(l.whole);
    const hiddenParts = l.parts.filter((r) => typeof cells.get(r) === "string");
    if (typeof whole !== "number" || hiddenParts.length === 0) continue;
    const rest =
      whole -
      l.parts.reduce((a, r) => a + (typeof cells.get(r) === "number" ? (cells.get(r) as number) : 0), 0);
    if (rest < threshold)
      found.push(`${hiddenParts.join(", ")} add up to ${rest}: ${l.whole} less the counts shown`);
  }
  return [...found, ...derivedShown(board, threshold), ...numbersStated(board, threshold)];
}
