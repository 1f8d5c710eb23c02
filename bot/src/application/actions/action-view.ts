import type { Action } from "../../domain/actions/action.js";
import { localDay } from "../../domain/schedule/dates.js";
import type { Versioned } from "../ports/versioned.js";
import { Refusal } from "../refusal.js";
import type { ActionPorts } from "./action-ports.js";

// An action as the log shows it: with its owner's agency, whether it is overdue, and its version.

export interface ActionView extends Action {
  ownerAgency: string;
  overdue: boolean;
  version: string;
}

export function actionPanel(ports: Pick<ActionPorts, "catalogue">, panelId: string) {
  const panel = ports.catalogue.panels.get(panelId);
  if (!panel) throw new Refusal("not-found", "There is no such panel.", { code: "unknown-panel" });
  return panel;
}

export function viewOf(ports: Pick<ActionPorts, "catalogue" | "now">, stored: Versioned<Action>): ActionView {
  const a = stored.value;
  return {
    ...a,
    ownerAgency: ports.catalogue.agencies.get(a.ownerAgencyId)?.name ?? a.ownerAgencyId,
    overdue: a.status === "open" && a.dueDate < localDay(ports.now()),
    version: stored.etag,
  };
}
