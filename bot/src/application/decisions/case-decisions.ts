import { withPorts } from "../with-ports.js";
import { decideCase } from "./decide-case.js";
import { viewDecisions } from "./decision-context.js";
import type { DecisionPorts } from "./decision-ports.js";
import { meetingMinutes } from "./meeting-minutes.js";

// What the panel decided about each case at a meeting, and the minutes generated from the
// meeting's sign-ins, apologies, decisions and actions.

export const caseDecisions = (ports: DecisionPorts) => ({
  view: withPorts(ports, viewDecisions),
  decide: withPorts(ports, decideCase),
  minutes: withPorts(ports, meetingMinutes),
});
export type CaseDecisions = ReturnType<typeof caseDecisions>;

export type { DecisionView } from "./decision-context.js";
