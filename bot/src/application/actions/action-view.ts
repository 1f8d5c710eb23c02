import { knownPanel } from "../panels/known-panels.js";
import { alreadyOverdue, ownerInWords, type Action } from "../../domain/actions/action.js";
import { localDay } from "../../domain/schedule/dates.js";
import type { Versioned } from "../ports/versioned.js";
import type { ActionPorts } from "./action-ports.js";

// An action as the log shows it: with its owner's agency, whether it is overdue, and its version.

export interface ActionView extends Action {
  ownerAgency: string;
  /** Who owns it in words: "Safeguarding lead, Oakfield Academy (through Jo Bloggs, Education)". */
  owner: string;
  overdue: boolean;
  version: string;
}

export function actionPanel(ports: Pick<ActionPorts, "catalogue">, panelId: string) {
  return knownPanel(ports.catalogue, panelId);
}

export function viewOf(ports: Pick<ActionPorts, "catalogue" | "now">, stored: Versioned<Action>): ActionView {
  const a = stored.value;
  const ownerAgency = ports.catalogue.agencies.get(a.ownerAgencyId)?.name ?? a.ownerAgencyId;
  return {
    ...a,
    ownerAgency,
    owner: ownerInWords(a, ownerAgency),
    overdue: a.status === "open" && alreadyOverdue(a.dueDate, localDay(ports.now())),
    version: stored.etag,
  };
}
