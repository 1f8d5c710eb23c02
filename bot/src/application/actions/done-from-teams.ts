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
  let target = replied;
  if (!target && reply.inChannel) {
    throw new Refusal(
      "invalid",
      "That thread is not an action's reminder. Reply **done** in the thread of the reminder card.",
      { code: "not-a-reminder" },
    );
  }
  if (!target) {
    const mine = await deliveries.remindedTo(actor.id);
    const named = reply.reference ? mine.filter((m) => m.reference === reply.reference) : mine;
    if (named.length === 1) target = named[0];
    else if (reply.reference) {
      throw new Refusal(
        "not-found",
        `I could not find an open action ${reply.reference} sent to you. Check the reference on its reminder card.`,
        { code: "unknown-action" },
      );
    } else if (named.length > 1) {
      throw new Refusal(
        "invalid",
        `You have ${named.length} open actions: ${named.map((m) => m.reference).join(", ")}. Type **done** and the reference, for example **done ${named[0]?.reference} sent on Friday**.`,
        { code: "which-action" },
      );
    } else {
      throw new Refusal(
        "not-found",
        "I could not find an open action of yours to mark done. Reply **done** to the reminder card, or mark it done in the tab's action log.",
        { code: "no-open-action" },
      );
    }
  }
  if (!target) throw new Refusal("not-found", "That action no longer exists.", { code: "unknown-action" });
  const { version, role } = await asNow(ports, actor, target.panelId, target.actionId);
  return completeAction(ports, actor, role, target.panelId, target.actionId, reply.note, version, via);
}
