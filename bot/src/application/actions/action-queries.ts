import { auditListView } from "../audit/audit-trail.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import type { ReminderProblem } from "../ports/deliveries.js";
import type { ActionPorts } from "./action-ports.js";
import { actionPanel, viewOf, type ActionView } from "./action-view.js";

export interface ActionFilter {
  meetingId?: string;
  status?: "open" | "done";
  ownerId?: string;
  agencyId?: string;
  overdue?: boolean;
}

type QueryPorts = Pick<ActionPorts, "catalogue" | "casework" | "directory" | "deliveries" | "now">;

/** One action as it is now. */
export async function findAction(
  ports: QueryPorts,
  panelId: string,
  actionId: string,
): Promise<ActionView | undefined> {
  const panel = actionPanel(ports, panelId);
  const stored = await ports.casework.action(panel.areaId, panelId, actionId);
  return stored && viewOf(ports, stored);
}

/**
 * A panel's actions, filtered; a presenter sees only the actions they own. Action text can name a
 * child, so the read is audited: one entry for the view, listing the actions it showed.
 */
export async function listActions(
  ports: QueryPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  filter: ActionFilter,
  via = "tab action log",
): Promise<ActionView[]> {
  const panel = actionPanel(ports, panelId);
  const stored = await ports.casework.actionsOf(panel.areaId, panelId);
  const shown = stored
    .map((s) => viewOf(ports, s))
    .filter((a) => role !== "presenter" || a.ownerId === actor.id)
    .filter((a) => !filter.meetingId || a.meetingId === filter.meetingId)
    .filter((a) => !filter.status || a.status === filter.status)
    .filter((a) => !filter.ownerId || a.ownerId === filter.ownerId)
    .filter((a) => !filter.agencyId || a.ownerAgencyId === filter.agencyId)
    .filter((a) => filter.overdue === undefined || a.overdue === filter.overdue)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference));
  await auditListView(ports, {
    areaId: panel.areaId,
    panelId,
    actorId: actor.id,
    action: "actions.viewed",
    shown: shown.map((a) => a.reference),
    via,
  });
  return shown;
}

/**
 * What the bot's form for recording an action offers a coordinator: the panel's meetings of the
 * last eight weeks and today, its members, and its open cases by reference.
 */
export async function actionFormChoices(ports: QueryPorts, panelId: string) {
  const panel = actionPanel(ports, panelId);
  const today = localDay(ports.now());
  const meetings = occurrencesBetween(ports.catalogue, panelId, addDays(today, -56), today)
    .map((o) => o.date)
    .reverse();
  const members = await ports.directory.membersOf(panelId);
  const people = await ports.directory.people(members.map((m) => m.personId));
  const { cases } = await ports.casework.casesAndDrift(panel.areaId, panelId, today);
  return {
    meetings,
    members: members
      .flatMap((m) => {
        const person = people.get(m.personId);
        if (!person) return [];
        const agency = ports.catalogue.agencies.get(person.agencyId)?.name ?? person.agencyId;
        return [{ id: person.id, name: person.displayName, agency }];
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    cases: cases
      .map((c) => ({ subjectId: c.value.subjectId, reference: c.value.reference }))
      .sort((a, b) => a.reference.localeCompare(b.reference)),
  };
}

/** Reminders that could not be delivered, newest first: for the panel's coordinators. */
export async function undeliveredReminders(ports: QueryPorts, panelId: string): Promise<ReminderProblem[]> {
  const panel = actionPanel(ports, panelId);
  const found = await ports.deliveries.problemsOf(panel.areaId, panelId);
  return found.sort((a, b) => b.at.localeCompare(a.at));
}
