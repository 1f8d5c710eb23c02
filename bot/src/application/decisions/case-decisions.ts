import { withPorts } from "../with-ports.js";
import { decideCase } from "./decide-case.js";
import { viewDecisions } from "./decision-context.js";
import type { DecisionPorts } from "./decision-ports.js";
import { meetingMinutes } from "./meeting-minutes.js";
import { recordThresholding } from "../thresholding/record-thresholding.js";
import { viewThresholding } from "../thresholding/view-thresholding.js";

// What the panel decided about each case at a meeting, and the minutes generated from the
// meeting's sign-ins, apologies, decisions and actions; where a thresholding meeting compiles a
// district panel's agenda, the category it places each case in.

export const caseDecisions = (ports: DecisionPorts) => ({
  view: withPorts(ports, viewDecisions),
  decide: withPorts(ports, decideCase),
  minutes: withPorts(ports, meetingMinutes),
  /** Staffordshire's thresholding meeting (003): its list, and each case's category. */
  thresholding: withPorts(ports, viewThresholding),
  threshold: withPorts(ports, recordThresholding),
});
export type CaseDecisions = ReturnType<typeof caseDecisions>;

export type { DecisionView } from "./decision-context.js";
