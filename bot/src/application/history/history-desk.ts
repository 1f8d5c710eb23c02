import { withPorts } from "../with-ports.js";
import type { HistoryPorts } from "./history-ports.js";
import { subjectAccessExport } from "./subject-access-export.js";
import { subjectAccessByReference } from "./subject-access-request.js";
import { subjectHistory } from "./subject-history.js";

// A subject's record seen whole: its case history across the area's panels, for their members,
// and everything held about it, for the area's administrators answering a subject access request.

export const historyDesk = (ports: HistoryPorts) => ({
  view: withPorts(ports, subjectHistory),
  exportForSubjectAccess: withPorts(ports, subjectAccessExport),
  exportByReference: withPorts(ports, subjectAccessByReference),
});
export type HistoryDesk = ReturnType<typeof historyDesk>;

export type { SubjectHistory } from "./subject-history.js";
export type { SubjectAccessRecord } from "./subject-access-export.js";
