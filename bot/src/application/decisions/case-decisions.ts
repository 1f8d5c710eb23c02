import type { DecisionInput } from "../../domain/decisions/decision.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { decideCase } from "./decide-case.js";
import { decisionsAt } from "./decision-context.js";
import type { DecisionPorts } from "./decision-ports.js";
import { meetingMinutes } from "./meeting-minutes.js";

// What the panel decided about each case at a meeting, and the minutes generated from the
// meeting's sign-ins, apologies, decisions and actions.

export class CaseDecisions {
  constructor(private readonly ports: DecisionPorts) {}

  list = (panelId: string, meetingId: string) => decisionsAt(this.ports, panelId, meetingId);
  decide = (
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    subjectId: string,
    input: DecisionInput,
    version: string,
  ) => decideCase(this.ports, actor, role, panelId, meetingId, subjectId, input, version);
  minutes = (actor: Actor, role: PanelRole, panelId: string, meetingId: string, via: string) =>
    meetingMinutes(this.ports, actor, role, panelId, meetingId, via);
}

export { withoutDetails, type DecisionView } from "./decision-context.js";
