import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import type { ActionPorts } from "./action-ports.js";
import type { ActionView } from "./action-view.js";
import { asNow, completeAction } from "./change-action.js";

/** Which action a `done` typed in Teams is about. */
export interface DoneReply {
  /** The reminder replied to, when Teams says (a channel thread, or a reply in personal chat). */
  repliedTo?: { conversationKey: string; activityId: string };
  /** A reference typed after `done`, such as MER-A-2026-0004. */
  reference?: string;
  note: string;
  /** Typed in a channel: only a reply in a reminder's thread counts there. */
  inChannel?: boolean;
}

/**
 * The action a `done` typed outside any reminder's thread means: the one named, among those
 * reminded to the person or, before any reminder, the open ones they own; else their only one.
 */
async function meantBy(
  ports: ActionPorts,
  personId: string,
  reference: string | undefined,
): Promise<{ panelId: string; actionId: string }> {
  const mine = await ports.deliveries.remindedTo(personId);
  const named = reference ? mine.filter((m) => m.reference === reference) : mine;
  const found =
    named.length === 1 ? named[0] : reference ? await ownOpenAction(ports, personId, reference) : undefined;
  if (found) return found;
  if (reference)
    throw new Refusal(
      "not-found",
      `I could not find an open action ${reference} of yours. Check the reference on the action's card or in the tab's action log.`,
      { code: "unknown-action" },
    );
  if (named.length > 1)
    throw new Refusal(
      "invalid",
      `You have ${named.length} open actions: ${named.map((m) => m.reference).join(", ")}. Type **done** and the reference, for example **done ${named[0]?.reference} sent on Friday**.`,
      { code: "which-action" },
    );
  throw new Refusal(
    "not-found",
    "I could not find an open action of yours to mark done. Reply **done** to the reminder card, or mark it done in the tab's action log.",
    { code: "no-open-action" },
  );
}

/** An open action of the person's, by its reference, whether or not a reminder has gone yet. */
async function ownOpenAction(
  ports: ActionPorts,
  personId: string,
  reference: string,
): Promise<{ panelId: string; actionId: string } | undefined> {
  // The reference names its area (MER-A-…): only the person's panels there are read.
  const area = ports.catalogue.areas.find((a) => reference.startsWith(`${a.referencePrefix}-A-`));
  const panels = (await ports.directory.membershipsOf(personId)).flatMap((m) => {
    const panel = ports.catalogue.panels.get(m.panelId);
    return panel && panel.areaId === area?.id ? [panel] : [];
  });
  const open = await Promise.all(panels.map((p) => ports.casework.openActions(p.areaId, p.id)));
  const found = open.flat().find((a) => a.value.reference === reference && a.value.ownerId === personId);
  return found && { panelId: found.value.panelId, actionId: found.value.id };
}

/**
 * Completes the action a `done` typed in Teams is about: the reminder it replies to, else the one
 * whose reference was typed, else the person's only open reminded action.
 */
export async function doneFromTeams(
  ports: ActionPorts,
  actor: Actor,
  reply: DoneReply,
  via: string,
): Promise<ActionView> {
  const { deliveries } = ports;
  const replied = reply.repliedTo
    ? await deliveries.threadOf(reply.repliedTo.conversationKey, reply.repliedTo.activityId)
    : undefined;
  if (replied && reply.reference && replied.reference !== reply.reference) {
    throw new Refusal(
      "invalid",
      `This reminder is about ${replied.reference}, not ${reply.reference}. Reply **done** to the reminder of ${reply.reference}.`,
      { code: "other-action" },
    );
  }
  let target: { panelId: string; actionId: string } | undefined = replied;
  if (!target && reply.inChannel) {
    throw new Refusal(
      "invalid",
      "That thread is not an action's reminder. Reply **done** in the thread of the reminder card.",
      { code: "not-a-reminder" },
    );
  }
  target ??= await meantBy(ports, actor.id, reply.reference);
  const { version, role } = await asNow(ports, actor, target.panelId, target.actionId);
  return completeAction(ports, actor, role, target.panelId, target.actionId, reply.note, version, via);
}
