import type { Action } from "../../domain/actions/action.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { dayInWords } from "../../domain/schedule/dates.js";
import { REGISTER_KIND_LABELS, type RegisterItem } from "../../domain/strategic/register-item.js";
import type { Versioned } from "../ports/versioned.js";

// An entry as the register page, the agenda and the API show it: the entry, where it came from in
// words, and the version to send back with a change.

export interface RegisterItemView extends Omit<RegisterItem, "areaId"> {
  kindLabel: string;
  /** "Escalated from Merton Pre-MACE on 5 November 2026 (case MER-2026-0004)", or who raised it. */
  raisedFromText: string;
  version: string;
  /** The actions agreed on it, soonest due first. */
  actions: RegisterAction[];
}

export type RegisterAction = Pick<Action, "id" | "reference" | "title" | "ownerName" | "dueDate" | "status">;

export function raisedFromText(catalogue: Catalogue, item: RegisterItem): string {
  const from = item.raisedFrom;
  if (from.kind === "member")
    return `Raised by ${item.raised.byName} on ${dayInWords(item.raised.at.slice(0, 10))}`;
  const panel = catalogue.panels.get(from.panelId)?.name ?? "an operational panel";
  return `Escalated from ${panel} on ${dayInWords(from.meetingId)} (case ${from.caseReference})`;
}

export function registerItemView(
  catalogue: Catalogue,
  held: Versioned<RegisterItem>,
  actions: Action[] = [],
): RegisterItemView {
  const { areaId: _areaId, ...item } = held.value;
  return {
    ...item,
    kindLabel: REGISTER_KIND_LABELS[item.kind],
    raisedFromText: raisedFromText(catalogue, held.value),
    version: held.etag,
    actions: actions
      .map(({ id, reference, title, ownerName, dueDate, status }) => ({
        id,
        reference,
        title,
        ownerName,
        dueDate,
        status,
      }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference)),
  };
}
