import { withPorts } from "../with-ports.js";
import { exportReport, exportTable } from "./export-report.js";
import { replaceBaseline, viewBaseline } from "./population-baseline.js";
import type { ReportPorts } from "./report-ports.js";
import { viewReport } from "./view-report.js";
import { workOutAgain } from "./work-out-again.js";

// Reports for a panel or an area: a section for the tab, the whole report or a table to take
// away, the figures worked out again, and the area's population baseline.

export const reportDesk = (ports: ReportPorts) => ({
  view: withPorts(ports, viewReport),
  export: withPorts(ports, exportReport),
  exportTable: withPorts(ports, exportTable),
  workOutAgain: withPorts(ports, workOutAgain),
  baseline: withPorts(ports, viewBaseline),
  replaceBaseline: withPorts(ports, replaceBaseline),
});
export type ReportDesk = ReturnType<typeof reportDesk>;

export type { ReportPorts } from "./report-ports.js";
export type { ReportView } from "./view-report.js";
export type { Sharing } from "./export-report.js";
export type { WorkedOut } from "./work-out-again.js";
