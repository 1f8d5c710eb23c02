// A report as people read it: sections of tables, each table with the chart drawn from it. The
// tab, the Word document and the CSV files all render this one shape, so a figure is worked out
// once (assemble-report.ts) and every copy of it agrees.

export const SECTION_IDS = [
  "referrals",
  "cohort",
  "demographics",
  "disproportionality",
  "disruption",
  "agencies",
  "risk-factor-matrix",
  "themes",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const PERIOD_KINDS = ["cycle", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First and last day, inclusive (ISO dates). */
  from: string;
  to: string;
  /** In words: "October and November 2026", "Quarter 3, 2026/27", "1 Jan 2026 to 31 Dec 2026". */
  label: string;
}

/** A count, a share or ratio, or text; a suppressed count is the string "fewer than 5" (threshold from configuration). */
export type Cell = number | string | null;

export interface Column {
  key: string;
  label: string;
  /** How the value reads: a label, a count, a share (0–1, shown as a percentage), a ratio, a number of days. */
  kind: "label" | "count" | "share" | "ratio" | "days";
}

export interface ReportTable {
  /** Unique within the report, and the CSV file's name: "referrals-by-kind". */
  id: string;
  caption: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** The last row is a total of the rows above it (suppression recomputes it). */
  hasTotal: boolean;
  /** What a reader needs to read the table right: the source of a baseline, what "not known" counts. */
  notes: string[];
}

export interface ReportChart {
  /** The table it is drawn from, and the columns: categories along one axis, one bar or line per value column. */
  tableId: string;
  kind: "bar" | "stacked-bar" | "line";
  category: string;
  values: string[];
  title: string;
}

export interface ReportSection {
  id: SectionId;
  title: string;
  /** Headline figures in a sentence each, as the document's opening lines for the section. */
  summary: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export interface Report {
  areaId: string;
  /** Null for the whole area's report. */
  panelId: string | null;
  title: string;
  period: Period;
  /** The oldest time any month in the period was worked out: "figures as at". */
  figuresAsAt: string | null;
  sections: ReportSection[];
  /** Set on a copy prepared for sharing beyond the panel: counts below it are suppressed. */
  suppressedBelow: number | null;
}
