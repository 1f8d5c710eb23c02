import { CardFactory, CloudAdapter, TurnContext, type ConversationReference } from "botbuilder";
import { AlreadyExists } from "../../application/ports/versioned.js";
import { keyOf } from "../tables/entity-store.js";
import { linksOf, type BotDependencies } from "./bot-dependencies.js";
import { renderCard } from "./cards/render.js";
import { welcomeCard } from "./cards/templates.js";
import { inConversation } from "./proactive.js";

// The conversations the bot is in: remembered so reminders can be sent later, a personal chat
// started when a card must go there, and the welcome a channel gets when the app is added.

/**
 * Keeps the conversation reference so reminders can be sent proactively later.
 * Returns true only for the request that first recorded this conversation.
 */
export async function rememberConversation(deps: BotDependencies, context: TurnContext): Promise<boolean> {
  const activity = context.activity;
  // Without the message's own id: it changes with every message, the conversation does not.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(
    activity,
  ) as Partial<ConversationReference>;
  const type = activity.conversation.conversationType;
  // Group chats are neither: a card meant for one person must never land in one.
  if (type !== "channel" && type !== "personal") return false;
  const isChannel = type === "channel";
  const key = isChannel ? activity.conversation.id : activity.from?.aadObjectId;
  if (!key) return false;
  const team = activity.channelData?.team as { id?: string; name?: string } | undefined;
  const record = {
    scope: isChannel ? ("channel" as const) : ("personal" as const),
    key,
    teamId: team?.id ?? null,
    teamName: team?.name ?? null,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
  const existing = await deps.repos.conversations.get(record.scope, keyOf(key));
  if (!existing) {
    try {
      await deps.repos.conversations.insert(record, "bot");
      return true;
    } catch (e) {
      if (e instanceof AlreadyExists) return false;
      throw e;
    }
  }
  if (JSON.stringify(existing.value.reference) !== JSON.stringify(record.reference)) {
    await deps.repos.conversations.upsert(record, "bot");
  }
  return false;
}

/** Sends a card to the person's personal chat with the bot, starting that chat if need be. */
export async function sendPrivately(
  deps: BotDependencies,
  context: TurnContext,
  card: Record<string, unknown>,
): Promise<void> {
  const activity = context.activity;
  const personId = activity.from.aadObjectId ?? "";
  const send = async (ctx: TurnContext) => {
    await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  };
  const stored = await deps.repos.conversations.get("personal", keyOf(personId));
  const adapter = context.adapter as CloudAdapter;
  if (stored) {
    try {
      await inConversation(adapter, deps.botAppId, stored.value.reference, send);
      return;
    } catch (e) {
      // The stored chat is gone (the app was removed and added again): start a new one.
      deps.log.warn({ reason: (e as Error).message }, "stored personal chat unreachable");
    }
  }
  const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  await adapter.createConversationAsync(
    deps.botAppId,
    activity.channelId,
    activity.serviceUrl,
    "https://api.botframework.com",
    {
      isGroup: false,
      bot: activity.recipient,
      members: [activity.from],
      tenantId: tenantId ?? "",
      channelData: { tenant: { id: tenantId } },
      activity: undefined as never,
    },
    async (ctx) => {
      // The new chat's activity has no sender: record it under the person who pressed.
      const reference = TurnContext.getConversationReference(ctx.activity) as Partial<ConversationReference>;
      await deps.repos.conversations.upsert(
        {
          scope: "personal",
          key: personId,
          teamId: null,
          teamName: null,
          reference: JSON.parse(JSON.stringify({ ...reference, user: activity.from })) as Record<
            string,
            unknown
          >,
        },
        "bot",
      );
      await send(ctx);
      deps.onNewPersonalChat();
    },
  );
}

export async function welcomeChannel(deps: BotDependencies, context: TurnContext): Promise<void> {
  const channelName =
    context.activity.conversation.name ?? context.activity.channelData?.channel?.name ?? "this channel";
  const links = linksOf(deps);
  await context.sendActivity({
    attachments: [
      renderCard(welcomeCard, {
        channelName,
        referUrl: links({ page: "refer" }),
        tabUrl: links({ page: "panels" }),
      }),
    ],
  });
  deps.log.info({ event: "channel-welcomed", conversationType: "channel" }, "welcome card posted");
}
