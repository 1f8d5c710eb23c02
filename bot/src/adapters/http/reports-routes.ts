import { Router, type Request } from "express";
import type { ReportDesk } from "../../application/reports/report-desk.js";
import { monthsIn } from "../../domain/reports/period.js";
import { BASELINE_HEADER, baselineRows } from "../../domain/reports/population-baseline.js";
import type { Report } from "../../domain/reports/report.js";
import { sectionCharts } from "../charts/report-charts.js";
import { tableText } from "../documents/report-cells.js";
import { reportDocx } from "../documents/report-docx.js";
import { signedIn } from "./authenticate.js";
import {
  BaselineReplacement,
  ReportExportQuery,
  ReportQuery,
  type BaselineResponse,
  type ReportResponse,
  type WorkOutMonthResponse,
} from "./contract/index.js";
import { markedCsv } from "./marked-csv.js";
import { route } from "./route.js";

// A panel's or an area's report: a section with its charts for the tab, the whole report as a
// Word document and each table as CSV (exact for the panel, suppressed for the partnership board),
// a month's figures worked out again, and the area's population baseline. Who may do which is
// decided by the report desk.

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "merton-pre-mace-report-2026-10-to-2026-12-board": the scope, the months and who it is for. */
function fileName(report: Report, what: string, sharing: "panel" | "board"): string {
  const months = monthsIn(report.period);
  const scope = report.panelId ?? report.areaId;
  return `${scope}-${what}-${months[0]}-to-${months[months.length - 1]}${sharing === "board" ? "-board" : ""}`;
}

export function reportsRoutes(deps: { reports: ReportDesk; now: () => Date }): Router {
  const router = Router();
  const { reports } = deps;
  const caller = (req: Request) => {
    const { id, name, upn } = signedIn(req);
    return upn ? { id, name, upn } : { id, name };
  };
  const area = (req: Request) => req.params["areaId"];

  router.get(
    "/areas/:areaId/reports",
    route(async (req, res) => {
      const { section, theme, ...scope } = ReportQuery.parse(req.query);
      const view = await reports.view(caller(req), area(req), { ...scope, section }, "tab report");
      const [shown] = view.report.sections;
      const charts = shown ? await sectionCharts(shown, theme) : {};
      res.json({ ...view, charts } satisfies ReportResponse);
    }),
  );

  router.get(
    "/areas/:areaId/reports/document.docx",
    route(async (req, res) => {
      const { sharing, ...scope } = ReportExportQuery.parse(req.query);
      const report = await reports.export(caller(req), area(req), { ...scope, sharing }, "Word document");
      const document = await reportDocx(report, deps.now().toISOString());
      res
        .type(DOCX)
        .set("Content-Disposition", `attachment; filename="${fileName(report, "report", sharing)}.docx"`)
        .send(document);
    }),
  );

  router.get(
    "/areas/:areaId/reports/tables/:tableId.csv",
    route(async (req, res) => {
      const { sharing, ...scope } = ReportExportQuery.parse(req.query);
      const { report, table } = await reports.exportTable(
        caller(req),
        area(req),
        String(req.params["tableId"]),
        { ...scope, sharing },
        "CSV",
      );
      const [header = [], ...rows] = tableText(report, table);
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="${fileName(report, table.id, sharing)}.csv"`)
        .send(markedCsv(rows, header));
    }),
  );

  router.post(
    "/areas/:areaId/report-figures/:month",
    route(async (req, res) => {
      const done = await reports.workOutAgain(caller(req), area(req), req.params["month"]);
      res.json(done satisfies WorkOutMonthResponse);
    }),
  );

  router.get(
    "/areas/:areaId/population-baseline.csv",
    route(async (req, res) => {
      const baseline = await reports.baseline(caller(req), area(req));
      const [, ...rows] = baselineRows(baseline);
      res
        .type("text/csv; charset=utf-8")
        .set(
          "Content-Disposition",
          `attachment; filename="${baseline.areaId}-population-${baseline.year}.csv"`,
        )
        .send(markedCsv(rows, BASELINE_HEADER));
    }),
  );

  router.put(
    "/areas/:areaId/population-baseline",
    route(async (req, res) => {
      const input = BaselineReplacement.parse(req.body);
      const { source, invented, year, children } = await reports.replaceBaseline(
        caller(req),
        area(req),
        input,
        "tab population baseline",
      );
      res.json({ source, invented, year, children } satisfies BaselineResponse);
    }),
  );

  return router;
}
