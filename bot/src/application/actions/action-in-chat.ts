import type { Actor } from "../../domain/people/actor.js";
import { mayComplete, mayReassign } from "../../domain/actions/action.js";
import { roleOn, type PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { auditListView } from "../audit/audit-trail.js";
import type { ActionPorts } from "./action-ports.js";
import { possibleOwners } from "./action-queries.js";
import { asNow, heldForChange } from "./change-action.js";
import { viewOf, type ActionView } from "./action-view.js";
import { stillOpen } from "./reshape-action.js";

// An action's card in personal chat, for its owner or the panel's coordinators and chairs, with
// what each may change: typed as `action MER-A-2026-0007`, or drawn again to change it. Its text
// can name a child, so showing it is audited.

type InChatPorts = Pick<ActionPorts, "catalogue" | "casework" | "directory" | "now">;

export interface ActionToChange {
  action: ActionView;
  /** Whom it can be passed to, for those who may pass it on; otherwise absent. */
  owners?: Awaited<ReturnType<typeof possibleOwners>>;
}

const withOwners = async (
  ports: InChatPorts,
  action: ActionView,
  role: PanelRole | undefined,
): Promise<ActionToChange> =>
  mayReassign(role) ? { action, owners: await possibleOwners(ports, action.panelId) } : { action };

/** The open action as it is now, for someone who may change it; refused as a change would be. */
export async function actionToChange(
  ports: InChatPorts,
  actor: Actor,
  panelId: string,
  actionId: string,
): Promise<ActionToChange> {
  const { version, role } = await asNow(ports, actor, panelId, actionId);
  const stored = await heldForChange(ports, actor, role, panelId, actionId, version, "change it");
  // A card pressed after the action was done or closed is told so, whichever version it showed.
  stillOpen(stored.value);
  return withOwners(ports, viewOf(ports, stored), role);
}

const notFound = (reference: string) =>
  new Refusal(
    "not-found",
    `I could not find an open action ${reference} that you own or whose panel you coordinate or chair. Check the reference on the action's card or in the tab's action log.`,
    { code: "unknown-action" },
  );

export async function openActionInChat(
  ports: InChatPorts,
  actor: Actor,
  reference: string,
  via: string,
): Promise<ActionToChange> {
  // The reference names its area (MER-A-…): only the person's panels there are read, one key range each.
  const area = ports.catalogue.areas.find((a) => reference.startsWith(`${a.referencePrefix}-A-`));
  const memberships = await ports.directory.membershipsOf(actor.id);
  const panels = memberships.flatMap((m) => {
    const panel = ports.catalogue.panels.get(m.panelId);
    return panel && panel.areaId === area?.id ? [panel] : [];
  });
  const open = await Promise.all(panels.map((p) => ports.casework.openActions(p.areaId, p.id)));
  const found = open.flat().find((a) => a.value.reference === reference);
  if (!found) throw notFound(reference);
  const role = roleOn(memberships, found.value.panelId);
  // Those who may change it see it; anyone else is told nothing of it.
  if (!mayComplete(found.value, actor.id, role)) throw notFound(reference);
  await auditListView(ports, {
    areaId: found.value.areaId,
    panelId: found.value.panelId,
    actorId: actor.id,
    action: "actions.viewed",
    shown: [found.value.reference],
    via,
  });
  return withOwners(ports, viewOf(ports, found), role);
}
