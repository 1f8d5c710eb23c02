import { DateTime } from "luxon";
import { mayComplete, type Action } from "../../domain/actions/action.js";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { roleOnPanel } from "../access/panel-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import type { ActionPorts } from "./action-ports.js";
import { actionPanel, viewOf, type ActionView } from "./action-view.js";

// Marking an action done and adding an owner's update: only its owner, a coordinator or a chair
// may, on the version they read; everyone told about the action sees the change.

export type ChangePorts = Pick<ActionPorts, "catalogue" | "casework" | "directory" | "now" | "changes">;

const unknownAction = () =>
  new Refusal("not-found", "There is no such action on this panel.", { code: "unknown-action" });

const changedBy = (current: Versioned<Action>) =>
  new Refusal(
    "conflict",
    `This action was changed by ${current.updatedBy} at ${DateTime.fromISO(current.updatedAt, { zone: "Europe/London" }).toFormat("HH:mm")} after you opened it. Reload to see the change.`,
    { code: "changed-by-someone-else", changedBy: { name: current.updatedBy, at: current.updatedAt } },
  );

/** The action as read at `version`, if this person may change it. */
export async function heldForChange(
  ports: ChangePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  version: string,
  doing: string,
): Promise<Versioned<Action>> {
  const panel = actionPanel(ports, panelId);
  const stored = await ports.casework.action(panel.areaId, panelId, actionId);
  if (!stored) throw unknownAction();
  if (stored.etag !== version) throw changedBy(stored);
  if (!mayComplete(stored.value, actor.id, role)) {
    throw new Refusal(
      "not-allowed",
      `Only ${stored.value.ownerName}, who owns this action, or the panel's coordinators and chairs can ${doing}.`,
      { code: "not-the-owner" },
    );
  }
  return stored;
}

export async function save(
  ports: ChangePorts,
  stored: Versioned<Action>,
  next: Action,
  actor: Actor,
  kind: AuditAction,
  via: string,
): Promise<ActionView> {
  const unit = ports.casework.unit(next.areaId, actor.name);
  unit.replaceAction(next, stored);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: next.areaId,
      panelId: next.panelId,
      actorId: actor.id,
      action: kind,
      subjectId: next.subjectId,
      reference: next.reference,
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    // Another change got in between this one's read and save: say whose, as for an old version.
    const current = await ports.casework.action(next.areaId, next.panelId, next.id);
    if (current && current.etag !== stored.etag) throw changedBy(current);
    throw new Refusal("conflict", "This action changed just now. Reload to see the change.", {
      code: "changed-by-someone-else",
    });
  }
  const saved = await ports.casework.action(next.areaId, next.panelId, next.id);
  if (!saved) throw unknownAction();
  const view = viewOf(ports, saved);
  ports.changes?.changed(view);
  return view;
}

const alreadyDone = (message: string) => new Refusal("not-now", message, { code: "already-done" });

export async function completeAction(
  ports: ChangePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  note: string,
  version: string,
  via: string,
): Promise<ActionView> {
  const stored = await heldForChange(ports, actor, role, panelId, actionId, version, "mark it done");
  if (stored.value.status === "done")
    throw alreadyDone(`This action was already marked done by ${stored.value.completed?.byName}.`);
  const next: Action = {
    ...stored.value,
    status: "done",
    completed: { by: actor.id, byName: actor.name, at: ports.now().toISOString(), note },
  };
  return save(ports, stored, next, actor, "action.completed", via);
}

export async function addActionUpdate(
  ports: ChangePorts,
  actor: Actor,
  role: PanelRole | undefined,
  panelId: string,
  actionId: string,
  text: string,
  version: string,
  via: string,
): Promise<ActionView> {
  const stored = await heldForChange(ports, actor, role, panelId, actionId, version, "add an update");
  if (stored.value.status === "done") throw alreadyDone("This action is done, so it takes no more updates.");
  const next: Action = {
    ...stored.value,
    updates: [
      ...stored.value.updates,
      { by: actor.id, byName: actor.name, at: ports.now().toISOString(), text },
    ].slice(-30),
  };
  return save(ports, stored, next, actor, "action.updated", via);
}

/** The action as it is now, and the person's role: a press on a card acts on the action as it is now. */
export async function asNow(ports: ChangePorts, actor: Actor, panelId: string, actionId: string) {
  const panel = actionPanel(ports, panelId);
  const current = await ports.casework.action(panel.areaId, panelId, actionId);
  if (!current) throw new Refusal("not-found", "That action no longer exists.", { code: "unknown-action" });
  return { version: current.etag, role: await roleOnPanel(ports, actor.id, panelId) };
}
