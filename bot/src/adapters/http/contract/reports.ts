import { z } from "zod";
import { customPeriodProblem } from "../../../domain/reports/period.js";
import {
  PERIOD_KINDS,
  SECTION_IDS,
  type PeriodKind,
  type Report,
  type SectionId,
} from "../../../domain/reports/report.js";

// An area's or a panel's report: one section at a time for the tab with its charts, the whole
// report as a Word document, each table as CSV, the figures worked out again month by month, and
// the area's child population the disproportionality view compares with.

const PanelIdParam = z.string().regex(/^[a-z0-9-]{1,80}$/, "that is not a panel's id");
const monthText = (which: string) => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, `give ${which} as YYYY-MM`);

const scopeFields = {
  period: z.enum(PERIOD_KINDS, "choose this cycle, this quarter, the last year or your own months"),
  from: monthText("the first month").optional(),
  to: monthText("the last month").optional(),
  panelId: PanelIdParam.optional(),
};

/** The period and scope every report request names: no panel is the area's report. */
export interface ReportScope {
  period: PeriodKind;
  from?: string | undefined;
  to?: string | undefined;
  panelId?: string | undefined;
}

function checkPeriod(q: ReportScope, ctx: z.RefinementCtx): void {
  if (q.period !== "custom") {
    if (q.from !== undefined || q.to !== undefined)
      ctx.addIssue({ code: "custom", path: ["from"], message: "give months only for your own period" });
    return;
  }
  if (q.from === undefined || q.to === undefined) {
    ctx.addIssue({
      code: "custom",
      path: [q.from === undefined ? "from" : "to"],
      message: "give both months",
    });
    return;
  }
  const problem = customPeriodProblem(q.from, q.to);
  if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
}

export const CHART_THEMES = ["light", "dark", "contrast"] as const;
export type ChartTheme = (typeof CHART_THEMES)[number];

/** Who a copy is for: the panel sees exact figures; the partnership board's copy suppresses small counts. */
export const SHARING = ["panel", "board"] as const;
export type Sharing = (typeof SHARING)[number];

/** `GET /api/areas/:areaId/reports` */
export const ReportQuery = z
  .strictObject({
    ...scopeFields,
    section: z.enum(SECTION_IDS, "choose one of the report's sections").default("referrals"),
    theme: z.enum(CHART_THEMES, "choose the light, dark or high-contrast theme").default("light"),
  })
  .superRefine(checkPeriod);
export type ReportQueryParams = z.input<typeof ReportQuery>;

/** `GET …/reports/document.docx` and `…/reports/tables/:tableId.csv` */
export const ReportExportQuery = z
  .strictObject({
    ...scopeFields,
    sharing: z.enum(SHARING, "share with the panel or with the partnership board").default("panel"),
  })
  .superRefine(checkPeriod);
export type ReportExportQueryParams = z.input<typeof ReportExportQuery>;

export const ReportMonthParam = monthText("the month");

/** Where the area's child population figures come from, and whether they are invented (demo areas). */
export interface BaselineSource {
  source: string;
  invented: boolean;
  year: number;
}

export interface ReportResponse {
  /** Only the section asked for. */
  report: Report;
  /** The sections this scope's report has, in order: the tab's choices. */
  sections: { id: SectionId; title: string }[];
  /** Each chart of the section as SVG text in the theme asked for, by the table it is drawn from. */
  charts: Record<string, string>;
  /** The period's months, oldest first (YYYY-MM): those the figures are worked out again for. */
  months: string[];
  /** Whether this person may work the figures out again (coordinators, analysts, administrators). */
  canWorkOut: boolean;
  baseline: BaselineSource | null;
  /** The report the area's terms of reference owe its partnership, and how often, if they name one. */
  periodicReport: { title: string; period: "cycle" | "quarter" | "year"; source: string } | null;
}

/** `POST /api/areas/:areaId/report-figures/:month` */
export interface WorkOutMonthResponse {
  month: string;
  /** The panels whose figures were worked out. */
  panels: number;
  builtAt: string;
}

/** `PUT /api/areas/:areaId/population-baseline`: the CSV has columns `ethnicity,children`. */
export const BaselineReplacement = z.strictObject({
  source: z.string().trim().min(3, "say where the figures come from").max(300),
  year: z
    .number()
    .int()
    .min(1991, "give the year the figures are for")
    .max(2100, "give the year the figures are for"),
  csv: z.string().min(1, "attach the CSV of children by ethnic group").max(100_000, "the CSV is too large"),
});
export type BaselineReplacementBody = z.input<typeof BaselineReplacement>;

export interface BaselineResponse extends BaselineSource {
  /** Children by the form's ethnicity values. */
  children: Partial<Record<string, number>>;
}
