import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Logger } from "pino";
import {
  DeliveryFailed,
  type ActionChanges,
  type ActionForCard,
  type Place,
  type ReminderContent,
  type ReminderMessenger,
  type SentMessage,
} from "../../application/ports/messengers.js";
import type { DeliveryStore, ReminderMessage } from "../../application/ports/deliveries.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import {
  actionDoneCard,
  actionReminderCard,
  actionUpdatedCard,
  escalationCard,
} from "./cards/action-cards.js";
import { notPossibleCard, passedOnCard } from "./cards/action-change-cards.js";
import { inConversation, panelChannel } from "./proactive.js";
import type { TabLinks } from "./tab-links.js";

/** Why Teams refused, in words a coordinator can act on; and whether trying again could help. */
function classify(e: unknown, where: string): DeliveryFailed {
  const status = (e as { statusCode?: number }).statusCode;
  if (status === 403 || status === 404)
    return new DeliveryFailed(
      true,
      `MACE panels has been removed from ${where}, so Teams would not take the message.`,
    );
  if (status === 429)
    return new DeliveryFailed(false, "Teams asked us to slow down; it will be tried again.");
  if (status && status >= 500)
    return new DeliveryFailed(false, `Teams was not working (${status}); it will be tried again.`);
  if ((e as Error).message?.startsWith("Teams did not answer"))
    return new DeliveryFailed(false, "Teams did not answer in time; it will be tried again.");
  return new DeliveryFailed(false, "Teams could not be reached; it will be tried again.");
}

/**
 * Sends reminder and escalation cards as the bot, to personal chats and panel channels, and
 * updates every card sent about an action when it changes, so everyone sees it done.
 */
export class TeamsReminderMessenger implements ReminderMessenger, ActionChanges {
  private readonly updating = new Set<Promise<void>>();
  /** Cards just pressed to change their action, each until when: the press's answer redraws them. */
  private readonly pressed = new Map<string, number>();

  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      botAppId: string;
      repos: Repositories;
      catalogue: Catalogue;
      deliveries: DeliveryStore;
      log: Logger;
      links: TabLinks;
      /** Shorter than half the sweep's lease, so no other instance takes over a send under way. */
      sendTimeoutMs: number;
    },
  ) {}

  private async conversationOf(
    place: Place,
  ): Promise<{ key: string; reference: Record<string, unknown> } | undefined> {
    if (place.scope === "personal") {
      const chat = await this.deps.repos.conversations.get("personal", keyOf(place.personId));
      return chat && { key: place.personId, reference: chat.value.reference };
    }
    return panelChannel(this.deps.repos, this.deps.catalogue, place.panelId);
  }

  async reaches(place: Place): Promise<boolean> {
    return !!(await this.conversationOf(place));
  }

  private cardFor(place: Place, content: ReminderContent): Record<string, unknown> {
    if (content.type === "escalation") {
      return escalationCard(
        content.panelName,
        content.actions,
        this.deps.links({ page: "actions", panelId: content.panelId }),
      );
    }
    return actionReminderCard(content.action, content.panelName, content.kind, place.scope, this.deps.links);
  }

  async send(place: Place, content: ReminderContent): Promise<SentMessage> {
    const where = place.scope === "personal" ? "the person's chat" : "the panel's channel";
    const conversation = await this.conversationOf(place);
    if (!conversation) throw new DeliveryFailed(true, `There is no longer a way to reach ${where}.`);
    const card = this.cardFor(place, content);
    let activityId: string;
    try {
      const answer = await inConversation(
        this.deps.adapter,
        this.deps.botAppId,
        conversation.reference,
        (ctx) => ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }),
        this.deps.sendTimeoutMs,
      );
      activityId = answer?.id ?? "";
    } catch (e) {
      throw classify(e, where);
    }
    return { activityId, conversationKey: conversation.key };
  }

  /** Every card sent about the action shows its new state: done, not possible, passed on, or updated. */
  changed(action: ActionForCard): void {
    const work = this.updateAll(action)
      .catch((err: unknown) =>
        this.deps.log.warn({ reason: (err as Error).message }, "reminder cards not updated"),
      )
      .finally(() => this.updating.delete(work));
    this.updating.add(work);
  }

  /**
   * The card pressed to change an action is redrawn by the press's own answer ("Extended to…");
   * updating it too would race that answer and could replace it, so it is left alone for a minute.
   */
  leaveAsPressed(activityId: string): void {
    const now = Date.now();
    for (const [id, until] of this.pressed) if (until < now) this.pressed.delete(id);
    this.pressed.set(activityId, now + 60_000);
  }

  async idle(): Promise<void> {
    while (this.updating.size) await Promise.all([...this.updating]);
  }

  private async updateAll(action: ActionForCard): Promise<void> {
    const messages = await this.deps.deliveries.messagesAbout(action.id);
    const panelName = this.deps.catalogue.panels.get(action.panelId)?.name ?? action.panelId;
    for (const m of messages) {
      // A former owner's chat keeps a card saying whose it is now, with nothing left to press.
      const passedOn = m.scope === "personal" && m.conversationKey !== action.ownerId;
      const card =
        action.status === "done"
          ? actionDoneCard(action, panelName, m.scope)
          : action.status === "not-possible"
            ? notPossibleCard(action, panelName, m.scope)
            : passedOn
              ? passedOnCard(action, panelName)
              : actionUpdatedCard(action, panelName, m.scope, this.deps.links);
      if ((this.pressed.get(m.activityId) ?? 0) < Date.now()) await this.update(m, card);
      if (action.status !== "open" && m.scope === "personal")
        await this.deps.deliveries.forgetReminded(m.conversationKey, action.id);
    }
  }

  private async update(m: ReminderMessage, card: Record<string, unknown>): Promise<void> {
    const conversation = await this.deps.repos.conversations.get(m.scope, keyOf(m.conversationKey));
    if (!conversation) return;
    await inConversation(this.deps.adapter, this.deps.botAppId, conversation.value.reference, (ctx) =>
      ctx.updateActivity({
        type: "message",
        id: m.activityId,
        attachments: [CardFactory.adaptiveCard(card)],
      }),
    ).catch((err: unknown) =>
      this.deps.log.warn({ reason: (err as Error).message, place: m.scope }, "reminder card not updated"),
    );
  }
}
