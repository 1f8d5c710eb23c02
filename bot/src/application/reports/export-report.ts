import type { Report, ReportTable } from "../../domain/reports/report.js";
import { Refusal } from "../../domain/refusal.js";
import type { Caller } from "../people/people-ports.js";
import { auditReport, readReport, type ReportRequest } from "./read-report.js";
import type { ReportPorts } from "./report-ports.js";

// A report leaving the tab, whole as a document or one table as CSV: exact figures for the
// panel, or the partnership board's copy with small counts suppressed at the configured
// threshold. Each export is audited with the copy it made.

/** The panel sees exact figures; the partnership board's copy suppresses small counts. */
export type Sharing = "panel" | "board";

const thresholdFor = (ports: Pick<ReportPorts, "suppressBelow">, sharing: Sharing) =>
  sharing === "board" ? ports.suppressBelow : null;

const forWhom = (sharing: Sharing) => (sharing === "board" ? "the partnership board" : "the panel");

export async function exportReport(
  ports: ReportPorts,
  caller: Caller,
  areaId: unknown,
  request: ReportRequest & { sharing: Sharing },
  via: string,
): Promise<Report> {
  const read = await readReport(ports, caller, areaId, request, thresholdFor(ports, request.sharing));
  await auditReport(ports, caller, read, "report.exported", `${via}, for ${forWhom(request.sharing)}`);
  return read.report;
}

/** One table of the report, with the report it belongs to (its title, period and threshold). */
export async function exportTable(
  ports: ReportPorts,
  caller: Caller,
  areaId: unknown,
  tableId: string,
  request: ReportRequest & { sharing: Sharing },
  via: string,
): Promise<{ report: Report; table: ReportTable }> {
  const read = await readReport(ports, caller, areaId, request, thresholdFor(ports, request.sharing));
  const report = read.report;
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
  if (!table)
    throw new Refusal("not-found", "This report has no such table. Download one from the Reports page.", {
      code: "unknown-table",
    });
  await auditReport(
    ports,
    caller,
    read,
    "report.exported",
    `${via} ${table.id}, for ${forWhom(request.sharing)}`,
  );
  return { report, table };
}
