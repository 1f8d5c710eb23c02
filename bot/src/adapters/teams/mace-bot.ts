import { TeamsActivityHandler, TurnContext, type ConversationReference } from "botbuilder";
import type { Logger } from "pino";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { nextOccurrences } from "../../domain/schedule/occurrences.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import type { Repositories } from "../tables/repositories.js";
import { AlreadyExists, keyOf } from "../tables/entity-store.js";
import { helpCard, noPanelsCard, panelsCard, welcomeCard } from "./cards/templates.js";
import { renderCard } from "./cards/render.js";

export interface BotDependencies {
  catalogue: Catalogue;
  repos: Repositories;
  log: Logger;
  publicUrl: string;
  now: () => Date;
}

const COMMANDS = [
  { name: "help", description: "Show this list of commands." },
  { name: "panels", description: "List the panels you belong to and when each meets next." },
];

/** The Teams bot: commands in personal chat, welcome and conversation references in channels. */
export class MaceBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();

    this.onMessage(async (context, next) => {
      await this.rememberConversation(context);
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "")
        .trim()
        .toLowerCase();
      if (text === "help" || text === "") await this.sendHelp(context);
      else if (text === "panels" || text === "my panels") await this.sendPanels(context);
      else {
        await context.sendActivity(
          `Sorry, I don't know "${text.slice(0, 40)}". Type **help** to see the commands I understand.`,
        );
      }
      await next();
    });

    // Teams may send both an installation update and a members-added update for one install:
    // the channel is welcomed only by whichever first records it.
    this.onInstallationUpdateAdd(async (context, next) => {
      const isNew = await this.rememberConversation(context);
      if (isNew && context.activity.conversation.conversationType === "channel")
        await this.welcomeChannel(context);
      await next();
    });

    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, context, next) => {
      const botAdded = membersAdded.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && context.activity.conversation.conversationType === "channel") {
        if (await this.rememberConversation(context)) await this.welcomeChannel(context);
      }
      await next();
    });
  }

  private get tabUrl(): string {
    return `${this.deps.publicUrl}/tab/`;
  }

  private async sendHelp(context: TurnContext): Promise<void> {
    await context.sendActivity({
      attachments: [renderCard(helpCard, { commands: COMMANDS, tabUrl: this.tabUrl })],
    });
  }

  private async sendPanels(context: TurnContext): Promise<void> {
    const personId = context.activity.from.aadObjectId;
    const memberships = personId ? await this.deps.repos.memberships.listPartition(keyOf(personId)) : [];
    const panels = memberships.flatMap(({ value: m }) => {
      const panel = this.deps.catalogue.panels.get(m.panelId);
      if (!panel) return [];
      const area = this.deps.catalogue.areas.find((a) => a.id === panel.areaId);
      const [next] = nextOccurrences(this.deps.catalogue, panel.id, this.deps.now(), 1);
      return [
        {
          name: panel.name,
          area: area?.name ?? panel.areaId,
          role: m.role,
          next: next ? describeOccurrence(next) : "not scheduled",
        },
      ];
    });
    const card = panels.length
      ? renderCard(panelsCard, { panels, tabUrl: this.tabUrl })
      : renderCard(noPanelsCard, {});
    await context.sendActivity({ attachments: [card] });
  }

  private async welcomeChannel(context: TurnContext): Promise<void> {
    const channelName =
      context.activity.conversation.name ?? context.activity.channelData?.channel?.name ?? "this channel";
    await context.sendActivity({
      attachments: [renderCard(welcomeCard, { channelName, tabUrl: this.tabUrl })],
    });
    this.deps.log.info({ event: "channel-welcomed", conversationType: "channel" }, "welcome card posted");
  }

  /**
   * Keeps the conversation reference so reminders can be sent proactively later.
   * Returns true only for the request that first recorded this conversation.
   */
  private async rememberConversation(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    const reference = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
    const isChannel = activity.conversation.conversationType === "channel";
    const key = isChannel ? activity.conversation.id : activity.from.aadObjectId;
    if (!key) return false;
    const team = activity.channelData?.team as { id?: string; name?: string } | undefined;
    const record = {
      scope: isChannel ? ("channel" as const) : ("personal" as const),
      key,
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    };
    const existing = await this.deps.repos.conversations.get(record.scope, keyOf(key));
    if (!existing) {
      try {
        await this.deps.repos.conversations.insert(record, "bot");
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    }
    if (JSON.stringify(existing.value.reference) !== JSON.stringify(record.reference)) {
      await this.deps.repos.conversations.upsert(record, "bot");
    }
    return false;
  }
}
