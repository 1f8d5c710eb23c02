import type { Area } from "../../domain/catalogue/panel.js";
import type { PopulationBaseline } from "../../domain/reports/population-baseline.js";
import { monthsIn } from "../../domain/reports/period.js";
import type { Report, SectionId } from "../../domain/reports/report.js";
import { Refusal } from "../../domain/refusal.js";
import type { Caller } from "../people/people-ports.js";
import { auditReport, readReport, type ReportRequest } from "./read-report.js";
import type { ReportPorts } from "./report-ports.js";

// One section of a panel's or an area's report, as the tab's Reports page shows it, with the
// sections the report has to choose from; each view is audited.

export interface ReportView {
  /** The report with only the section asked for. */
  report: Report;
  sections: { id: SectionId; title: string }[];
  /** The period's months (YYYY-MM), oldest first. */
  months: string[];
  /** Whether this person may work the area's figures out again. */
  canWorkOut: boolean;
  baseline: Pick<PopulationBaseline, "source" | "invented" | "year"> | null;
  /** The report the area's terms of reference owe its partnership, and how often, if they name one. */
  periodicReport: NonNullable<Area["periodicReport"]> | null;
}

export async function viewReport(
  ports: ReportPorts,
  caller: Caller,
  areaId: unknown,
  request: ReportRequest & { section: SectionId },
  via: string,
): Promise<ReportView> {
  const read = await readReport(ports, caller, areaId, request);
  const { report, baseline, access } = read;
  const section = report.sections.find((s) => s.id === request.section);
  if (!section)
    throw new Refusal(
      "not-found",
      `This report has no such section. Choose one of: ${report.sections.map((s) => s.title).join(", ")}.`,
      { code: "unknown-section" },
    );
  await auditReport(ports, caller, read, "report.viewed", `${via}: ${section.id}`);
  return {
    report: { ...report, sections: [section] },
    sections: report.sections.map((s) => ({ id: s.id, title: s.title })),
    months: monthsIn(report.period),
    canWorkOut: access.keepsFigures,
    baseline: baseline && { source: baseline.source, invented: baseline.invented, year: baseline.year },
    periodicReport: ports.catalogue.areas.find((a) => a.id === report.areaId)?.periodicReport ?? null,
  };
}
