import { auditListView } from "../audit/audit-trail.js";
import type { Actor } from "../../domain/people/actor.js";
import { worksCases, type PanelRole } from "../../domain/people/membership.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { finishedAt, type Action } from "../../domain/actions/action.js";
import { pageOf, type PageRequest } from "../paging/pages.js";
import type { ReminderProblem } from "../ports/deliveries.js";
import type { Versioned } from "../ports/versioned.js";
import type { ActionPorts } from "./action-ports.js";
import { actionPanel, viewOf, type ActionView } from "./action-view.js";

export interface ActionFilter {
  meetingId?: string;
  status?: "open" | "done" | "not-possible";
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

const byDue = (actions: Versioned<Action>[]) =>
  [...actions].sort(
    (a, b) =>
      a.value.dueDate.localeCompare(b.value.dueDate) || a.value.reference.localeCompare(b.value.reference),
  );

/**
 * A panel's actions, filtered; a presenter sees only the actions they own. Open actions come
 * first, soonest due; then done ones, the most recently completed first, a page at a time, so the
 * log never reads the panel's whole history. One meeting's actions come together. Action text can
 * name a child, so the read is audited: one entry for the view, listing the actions it showed.
 */
export async function listActions(
  ports: QueryPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  filter: ActionFilter,
  via = "tab action log",
  page: PageRequest = {},
): Promise<{ actions: ActionView[]; next: string | null }> {
  const panel = actionPanel(ports, panelId);
  const { areaId } = panel;
  let stored: Versioned<Action>[];
  let next: string | null = null;
  if (filter.meetingId) stored = byDue(await ports.casework.actionsAt(areaId, panelId, filter.meetingId));
  else {
    const [open, done] = await Promise.all([
      (filter.status && filter.status !== "open") || page.after
        ? []
        : ports.casework.openActions(areaId, panelId),
      filter.status === "open"
        ? { values: [], next: null }
        : pageOf(
            "actions",
            page,
            (a: Action) => ({ at: finishedAt(a), id: a.id }),
            (size, after) => ports.casework.doneActions(areaId, panelId, size, after),
          ),
    ]);
    stored = [...byDue(open), ...done.values];
    next = done.next;
  }
  const shown = stored
    .map((s) => viewOf(ports, s))
    .filter((a) => role !== "presenter" || a.ownerId === actor.id)
    .filter((a) => !filter.status || a.status === filter.status)
    .filter((a) => !filter.ownerId || a.ownerId === filter.ownerId)
    .filter((a) => !filter.agencyId || a.ownerAgencyId === filter.agencyId)
    .filter((a) => filter.overdue === undefined || a.overdue === filter.overdue);
  await auditListView(ports, {
    areaId,
    panelId,
    actorId: actor.id,
    action: "actions.viewed",
    shown: shown.map((a) => a.reference),
    via,
  });
  return { actions: shown, next };
}

/**
 * What the bot's form for recording an action offers a coordinator: the panel's meetings of the
 * last eight weeks and today (always the latest held), its members, and its open cases by reference.
 */
export async function actionFormChoices(ports: QueryPorts, panelId: string) {
  const panel = actionPanel(ports, panelId);
  const today = localDay(ports.now());
  // The last eight weeks' meetings, today's among them; a panel meeting every two or three
  // months still offers the one just held.
  const meetings = occurrencesBetween(ports.catalogue, panelId, addDays(today, -120), today)
    .map((o) => o.date)
    .reverse()
    .filter((date, i) => i === 0 || date >= addDays(today, -56));
  const [members, { cases }] = await Promise.all([
    possibleOwners(ports, panelId),
    ports.casework.casesAndDrift(panel.areaId, panelId, today),
  ]);
  return {
    meetings,
    actionDueDays: panel.actionDueDays,
    members,
    cases: cases
      .map((c) => ({ subjectId: c.value.subjectId, reference: c.value.reference }))
      .sort((a, b) => a.reference.localeCompare(b.reference)),
  };
}

/** Who can own one of the panel's actions: its members who work cases, by name, with their agency. */
export async function possibleOwners(ports: Pick<QueryPorts, "catalogue" | "directory">, panelId: string) {
  const members = (await ports.directory.membersOf(panelId)).filter((m) => worksCases(m.role));
  const people = await ports.directory.people(members.map((m) => m.personId));
  return members
    .flatMap((m) => {
      const person = people.get(m.personId);
      if (!person) return [];
      const agency = ports.catalogue.agencies.get(person.agencyId)?.name ?? person.agencyId;
      return [{ id: person.id, name: person.displayName, agency }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reminders that could not be delivered, newest first: for the panel's coordinators. */
export async function undeliveredReminders(ports: QueryPorts, panelId: string): Promise<ReminderProblem[]> {
  const panel = actionPanel(ports, panelId);
  const found = await ports.deliveries.problemsOf(panel.areaId, panelId);
  return found.sort((a, b) => b.at.localeCompare(a.at));
}
