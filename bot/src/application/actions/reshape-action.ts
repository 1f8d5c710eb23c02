import { DateTime } from "luxon";
import { Reason, mayReassign, type Action, type ActionChange } from "../../domain/actions/action.js";
import { stepsFrom } from "../../domain/actions/reminder-policy.js";
import type { Actor } from "../../domain/people/actor.js";
import { worksCases, type PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { roleOnPanel } from "../access/panel-access.js";
import type { ActionPorts } from "./action-ports.js";
import type { ActionView } from "./action-view.js";
import { actionPanel } from "./action-view.js";
import { heldForChange, save, type ChangePorts } from "./change-action.js";
import { remindersFor } from "./record-action.js";

// Extending an action, passing it to another member, or closing it as not possible (SafeLives
// keeps "not possible" apart from "not done"). Each is recorded in the action's history with its
// reason, and the reminder index follows, so nobody is chased on a date or for an action that no
// longer applies.

export interface Extension {
  dueDate: string;
  reason: string;
}
export interface Reassignment {
  ownerId: string;
  reason: string;
}

type ReshapePorts = ChangePorts & Pick<ActionPorts, "deliveries">;

const invalid = (code: string, message: string) => new Refusal("invalid", message, { code });

function reasonOf(text: string): string {
  const checked = Reason.safeParse(text);
  if (!checked.success)
    throw invalid("reason-too-short", "Give the reason in a few words, so the panel can follow it later.");
  return checked.data;
}

/** Refused in words for an action done or closed: nothing about it can change any more. */
export function stillOpen(action: Action): void {
  if (action.status !== "open")
    throw new Refusal(
      "not-now",
      `This action is ${action.status === "done" ? "already done" : "closed as not possible"}, so it cannot be changed.`,
      { code: "not-open" },
    );
}

const stamp = (ports: ReshapePorts, actor: Actor) => ({
  by: actor.id,
  byName: actor.name,
  at: ports.now().toISOString(),
});

const withChange = (a: Action, change: ActionChange): Action["changes"] =>
  [...(a.changes ?? []), change].slice(-30);

/** The reminders still to come for an action due on a date: those on or after today. */
function pendingFor(ports: ReshapePorts, a: Action, dueDate: string) {
  const today = localDay(ports.now());
  return remindersFor(ports.catalogue, actionPanel(ports, a.panelId), dueDate).filter((s) => s.on >= today);
}

export async function extendAction(
  ports: ReshapePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  change: Extension,
  version: string,
  via: string,
): Promise<ActionView> {
  const stored = await heldForChange(ports, actor, role, panelId, actionId, version, "extend it");
  const a = stored.value;
  stillOpen(a);
  const reason = reasonOf(change.reason);
  const today = localDay(ports.now());
  if (change.dueDate <= today) throw invalid("due-not-after-today", "The new due date must be after today.");
  if (change.dueDate === a.dueDate)
    throw invalid("same-due-date", "That is the date the action is due already.");
  // An extension only gives more time: an earlier date would cut short what the owner was given.
  if (change.dueDate < a.dueDate)
    throw invalid(
      "due-not-later",
      `The new due date must be later than the date it is due now, ${DateTime.fromISO(a.dueDate).toFormat("cccc d LLLL yyyy")}.`,
    );
  const next: Action = {
    ...a,
    dueDate: change.dueDate,
    changes: withChange(a, {
      kind: "extended",
      ...stamp(ports, actor),
      from: a.dueDate,
      to: change.dueDate,
      reason,
    }),
  };
  // The new date's reminders are indexed before the save, so a saved extension is never unreminded.
  const fresh = stepsFrom(remindersFor(ports.catalogue, actionPanel(ports, panelId), change.dueDate), today);
  await ports.deliveries.index(a, fresh);
  const view = await save(ports, stored, next, actor, "action.extended", via);
  const kept = new Set(fresh.map((s) => `${s.on}|${s.kind}`));
  await ports.deliveries.unindex(
    a,
    pendingFor(ports, a, a.dueDate).filter((s) => !kept.has(`${s.on}|${s.kind}`)),
  );
  return view;
}

export async function reassignAction(
  ports: ReshapePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  change: Reassignment,
  version: string,
  via: string,
): Promise<ActionView> {
  if (!mayReassign(role))
    throw new Refusal(
      "not-allowed",
      "Only the panel's coordinators and chairs can pass an action to someone else.",
      {
        code: "not-coordinator",
      },
    );
  const stored = await heldForChange(ports, actor, role, panelId, actionId, version, "reassign it");
  const a = stored.value;
  stillOpen(a);
  const reason = reasonOf(change.reason);
  // The same choice of owners as when recording an action: the panel's members who work cases.
  const [owner, ownerRole] = await Promise.all([
    ports.directory.person(change.ownerId),
    roleOnPanel(ports, change.ownerId, panelId),
  ]);
  if (!owner || !ownerRole || !worksCases(ownerRole))
    throw invalid("unknown-owner", "Choose the new owner from the panel's members.");
  if (owner.id === a.ownerId) throw invalid("same-owner", `${a.ownerName} owns this action already.`);
  const next: Action = {
    ...a,
    ownerId: owner.id,
    ownerName: owner.displayName,
    ownerAgencyId: owner.agencyId,
    changes: withChange(a, {
      kind: "reassigned",
      ...stamp(ports, actor),
      fromId: a.ownerId,
      fromName: a.ownerName,
      toId: owner.id,
      toName: owner.displayName,
      reason,
    }),
  };
  // Reminders go to whoever owns the action when they are sent; the new owner is sent it now.
  await ports.deliveries.index(a, [{ kind: "reassigned", on: localDay(ports.now()) }]);
  const view = await save(ports, stored, next, actor, "action.reassigned", via);
  // A `done` from the old owner's chat no longer finds it.
  await ports.deliveries.forgetReminded(a.ownerId, a.id);
  return view;
}

export async function closeAsNotPossible(
  ports: ReshapePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  reasonText: string,
  version: string,
  via: string,
): Promise<ActionView> {
  const stored = await heldForChange(
    ports,
    actor,
    role,
    panelId,
    actionId,
    version,
    "close it as not possible",
  );
  const a = stored.value;
  stillOpen(a);
  const reason = reasonOf(reasonText);
  const next: Action = { ...a, status: "not-possible", closed: { ...stamp(ports, actor), reason } };
  const view = await save(ports, stored, next, actor, "action.closed-not-possible", via);
  await ports.deliveries.unindex(a, pendingFor(ports, a, a.dueDate));
  await ports.deliveries.forgetReminded(a.ownerId, a.id);
  return view;
}
