import type { Caller } from "../people/people-ports.js";
import { accessReport, type ReportAccess } from "../access/report-access.js";
import { assembleReport } from "../../domain/reports/assemble-report.js";
import { customPeriodProblem, monthsIn, periodOf } from "../../domain/reports/period.js";
import type { PopulationBaseline } from "../../domain/reports/population-baseline.js";
import type { PeriodKind, Report } from "../../domain/reports/report.js";
import { localDay } from "../../domain/schedule/dates.js";
import { Refusal } from "../../domain/refusal.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { ReportPorts } from "./report-ports.js";

// A report read whole for one reader: who may see it decided first, then the period's months of
// the area's panels in one key range and its population baseline, read together.

export interface ReportRequest {
  period: PeriodKind;
  /** A custom period's first and last months (YYYY-MM). */
  from?: string | undefined;
  to?: string | undefined;
  /** Absent for the area's report. */
  panelId?: string | undefined;
}

export interface ReadReport {
  access: ReportAccess;
  report: Report;
  baseline: PopulationBaseline | null;
}

function periodFor(ports: Pick<ReportPorts, "now">, request: ReportRequest) {
  const today = localDay(ports.now());
  if (request.period !== "custom") return periodOf(request.period, today);
  if (!request.from || !request.to)
    throw new Refusal("invalid", "Give the period's first and last months.", {
      code: "invalid-period",
      fields: [{ field: request.from ? "to" : "from", message: "give both months" }],
    });
  const problem = customPeriodProblem(request.from, request.to);
  if (problem)
    throw new Refusal("invalid", problem, {
      code: "invalid-period",
      fields: [{ field: "to", message: problem }],
    });
  return periodOf("custom", today, { from: request.from, to: request.to });
}

/** The report for the reader; with `suppressBelow`, the partnership board's copy of it. */
export async function readReport(
  ports: Omit<ReportPorts, "casework" | "workOutMonth" | "suppressBelow">,
  caller: Caller,
  areaId: unknown,
  request: ReportRequest,
  suppressBelow: number | null = null,
): Promise<ReadReport> {
  const access = await accessReport(ports, caller, areaId, request.panelId);
  const period = periodFor(ports, request);
  const months = monthsIn(period);
  const [figures, baseline] = await Promise.all([
    ports.figures.monthsOf(access.area.id, months[0] ?? "", months[months.length - 1] ?? ""),
    ports.baselines.baselineOf(access.area.id),
  ]);
  const report = assembleReport(
    {
      area: access.area,
      agencies: [...ports.catalogue.agencies.values()].filter((a) => a.areaId === access.area.id),
      panels: access.areaPanels,
      panelId: access.panel?.id ?? null,
      period,
      months: figures,
      baseline,
    },
    suppressBelow,
  );
  return { access, report, baseline };
}

/** One audit entry for a report read or exported: who, the area and panel, the months, and how. */
export async function auditReport(
  ports: Pick<ReportPorts, "casework" | "now">,
  caller: Caller,
  read: ReadReport,
  action: Extract<AuditAction, "report.viewed" | "report.exported">,
  via: string,
): Promise<void> {
  const months = monthsIn(read.report.period);
  await ports.casework.appendAudit(read.access.area.id, [
    auditEntry(ports.now(), {
      areaId: read.access.area.id,
      panelId: read.access.panel?.id ?? "",
      actorId: caller.id,
      action,
      subjectId: null,
      reference: `${months[0] ?? ""}..${months[months.length - 1] ?? ""}`,
      via,
    }),
  ]);
}
