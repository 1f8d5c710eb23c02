import {
  CardFactory,
  CloudAdapter,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from "botbuilder";
import type { Logger } from "pino";
import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { nextOccurrences } from "../../domain/schedule/occurrences.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import type { Repositories } from "../tables/repositories.js";
import { AlreadyExists, type Versioned } from "../../application/ports/versioned.js";
import { keyOf } from "../tables/entity-store.js";
import { helpCard, noPanelsCard, panelsCard, welcomeCard } from "./cards/templates.js";
import { renderCard } from "./cards/render.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
  makeReferralChannelCard,
} from "./cards/referral-cards.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { inConversation } from "./proactive.js";
import { signInCard } from "./cards/meeting-cards.js";
import { isReferralVerb, referralAction, startReferralCard } from "./referral-actions.js";
import type { ActionLog } from "../../application/actions/action-log.js";
import { Refusal } from "../../application/refusal.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import { Capacity } from "../../domain/attendance/sign-in.js";
import {
  actionCardPress,
  chooseActionPanelCard,
  isActionVerb,
  parseDone,
  recordActionCard,
} from "./action-commands.js";

export interface BotDependencies {
  catalogue: Catalogue;
  repos: Repositories;
  log: Logger;
  publicUrl: string;
  now: () => Date;
  desk: ReferralDesk;
  actionLog: ActionLog;
  room: MeetingRoom;
  /** Empty locally (the playground), the bot's app ID in Azure. */
  botAppId: string;
  /** Someone opened a chat with the bot for the first time: notices waiting for them can go. */
  onNewPersonalChat: () => void;
}

const COMMANDS = [
  { name: "help", description: "Show this list of commands." },
  { name: "panels", description: "List the panels you belong to and when each meets next." },
  {
    name: "refer",
    description: "Make a referral: a child or young adult, a group, a person or a location of concern.",
  },
  { name: "referrals", description: "Coordinators: the new referrals waiting for you to triage." },
  { name: "approvals", description: "Service managers: the referrals waiting for your approval." },
  { name: "action", description: "Coordinators: record an action agreed at one of your panel's meetings." },
  {
    name: "sign in",
    description:
      "On a meeting day: sign in to the meeting for your agency, agreeing to the panel's statement.",
  },
  {
    name: "done",
    description: "Mark your action done: reply **done** to its reminder, with a note if you like.",
  },
];
// "sign in", "signin", "sign in to the meeting".
const SIGN_IN = /^sign ?in\b/;
// "action", "new action", "record action", "record an action".
const RECORD_ACTION = /^(action|new action|record action|record an action)$/;
// A chat message can carry only so many cards before it stops being readable.
const MAX_CARDS = 10;
// "refer", "new referral", "make a referral", and anything typed after them.
const REFER = /^(refer|referral|new referral|make a referral)\b/;

const SignInPress = z.object({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  agencyId: z.string().min(1).max(80),
  capacity: Capacity,
  agreed: z.literal("true"),
});

const InvokeAction = z.looseObject({
  action: z.looseObject({
    type: z.literal("Action.Execute"),
    verb: z.string().max(64),
    data: z.record(z.string().max(80), z.unknown()).optional(),
  }),
});

/** The Teams bot: commands in personal chat, welcome and conversation references in channels. */
export class MaceBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();

    this.onMessage(async (context, next) => {
      const isNew = await this.rememberConversation(context);
      if (isNew && context.activity.conversation.conversationType === "personal")
        this.deps.onNewPersonalChat();
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "")
        .trim()
        .toLowerCase();
      const personal = context.activity.conversation.conversationType === "personal";
      const rawText = (
        TurnContext.removeRecipientMention(context.activity) ??
        context.activity.text ??
        ""
      ).trim();
      const done = parseDone(rawText);
      if (done) await this.markDone(context, done);
      else if (text === "help" || text === "") await this.sendHelp(context);
      else if (text === "panels" || text === "my panels") await this.sendPanels(context);
      else if (REFER.test(text)) {
        // In a channel, only the button that continues in private: nothing identifying is posted there.
        const card = personal
          ? await startReferralCard(this.deps.desk, this.deps.catalogue, context.activity.from.aadObjectId)
          : makeReferralChannelCard();
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      } else if ((text === "referrals" || text === "approvals") && !personal) {
        await context.sendActivity(
          "Referrals are shown only in your personal chat with me. Open it and type the command there.",
        );
      } else if (text === "referrals") await this.sendReferralsToTriage(context);
      else if (text === "approvals") await this.sendApprovals(context);
      else if (RECORD_ACTION.test(text)) await this.startRecordingAction(context);
      else if (SIGN_IN.test(text)) await this.sendSignInCards(context);
      else if (!personal) {
        // Never repeated in a channel or group: what was typed may be a child's details.
        await context.sendActivity(
          "Sorry, I don't know that command. Type **help** in a private chat with me.",
        );
      } else {
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

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const message = (text: string): AdaptiveCardInvokeResponse => ({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: text as unknown as Record<string, unknown>,
    });
    const parsed = InvokeAction.safeParse(invokeValue);
    const personId = context.activity.from.aadObjectId;
    if (!parsed.success || !personId)
      return message("That button did not send what I expected. Type **refer** to start again.");
    const { verb, data = {} } = parsed.data.action;
    const actor = { id: personId, name: context.activity.from.name ?? "" };
    if (verb === "referral.private") {
      await this.sendPrivately(
        context,
        await startReferralCard(this.deps.desk, this.deps.catalogue, personId),
      );
      return message("I have opened the referral form in your personal chat with MACE panels.");
    }
    if (verb === "meeting.sign-in") return message(await this.signInToMeeting(actor, data));
    if (isActionVerb(verb)) {
      const place = context.activity.conversation.conversationType === "channel" ? "channel" : "personal";
      const reply = await actionCardPress(this.deps, actor, verb, data, place);
      if ("message" in reply) return message(reply.message);
      return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: reply.card };
    }
    if (!isReferralVerb(verb))
      return message("That button is not one I know. Type **help** to see what I can do.");
    if (context.activity.conversation.conversationType !== "personal")
      return message("Referrals are handled in your personal chat with MACE panels, never in a channel.");
    const reply = await referralAction(this.deps, actor, verb, data);
    if ("message" in reply) return message(reply.message);
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: reply.card };
  }

  /** Sends a card to the person's personal chat with the bot, starting that chat if need be. */
  private async sendPrivately(context: TurnContext, card: Record<string, unknown>): Promise<void> {
    const activity = context.activity;
    const personId = activity.from.aadObjectId ?? "";
    const send = async (ctx: TurnContext) => {
      await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    };
    const stored = await this.deps.repos.conversations.get("personal", keyOf(personId));
    const adapter = context.adapter as CloudAdapter;
    if (stored) {
      try {
        await inConversation(adapter, this.deps.botAppId, stored.value.reference, send);
        return;
      } catch (e) {
        // The stored chat is gone (the app was removed and added again): start a new one.
        this.deps.log.warn({ reason: (e as Error).message }, "stored personal chat unreachable");
      }
    }
    const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    await adapter.createConversationAsync(
      this.deps.botAppId,
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
        const reference = TurnContext.getConversationReference(
          ctx.activity,
        ) as Partial<ConversationReference>;
        await this.deps.repos.conversations.upsert(
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
        this.deps.onNewPersonalChat();
      },
    );
  }

  /**
   * `sign in` typed on a meeting day: the sign-in card of each meeting today, for the panels linked
   * to this channel, or in personal chat for the person's own panels.
   */
  private async sendSignInCards(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channel = activity.conversation.conversationType === "channel";
    let panelIds: string[];
    if (channel) {
      const conversationId = activity.conversation.id.split(";messageid=")[0] ?? "";
      panelIds = [];
      for (const area of this.deps.catalogue.areas) {
        const stored = await this.deps.repos.panels.listPartition(keyOf(area.id));
        panelIds.push(
          ...stored.filter((p) => p.value.channel?.channelId === conversationId).map((p) => p.value.id),
        );
      }
    } else {
      const memberships = await this.deps.repos.memberships.listPartition(
        keyOf(activity.from.aadObjectId ?? ""),
      );
      panelIds = memberships.map((m) => m.value.panelId);
    }
    const meetings = this.deps.room.meetingsToday(panelIds);
    if (!meetings.length) {
      await context.sendActivity(
        channel
          ? "No panel linked to this channel meets today, so there is nothing to sign in to."
          : "None of your panels meets today, so there is nothing to sign in to.",
      );
      return;
    }
    for (const details of meetings)
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(signInCard(details))] });
  }

  /** A press of the sign-in card's button: the answer is for the person who pressed it only. */
  private async signInToMeeting(
    actor: { id: string; name: string },
    data: Record<string, unknown>,
  ): Promise<string> {
    const parsed = SignInPress.safeParse(data);
    if (!parsed.success) return "Choose your agency and tick the agreement, then press Sign in again.";
    const { panelId, meetingId, agencyId, capacity } = parsed.data;
    if (!this.deps.catalogue.panels.has(panelId)) return "That sign-in card is not for a panel I know.";
    try {
      const { signIn, first } = await this.deps.room.signIn(actor, panelId, meetingId, {
        agencyId,
        capacity,
        agreed: true,
      });
      const agency = this.deps.catalogue.agencies.get(signIn.agencyId)?.name ?? signIn.agencyId;
      return first
        ? `You are signed in for ${agency}. The meeting's case details are now shown to you in the tab.`
        : `You were already signed in for ${agency}.`;
    } catch (e) {
      if (e instanceof Refusal) return `Sorry: ${e.message}`;
      throw e;
    }
  }

  /** `done` typed in reply to a reminder, in its channel thread or in personal chat. */
  private async markDone(context: TurnContext, done: { reference?: string; note: string }): Promise<void> {
    const activity = context.activity;
    const personId = activity.from.aadObjectId;
    if (!personId) return;
    const channel = activity.conversation.conversationType === "channel";
    // A channel thread's conversation id ends with the id of the message that started it.
    const [conversationId = "", threadRoot] = activity.conversation.id.split(";messageid=");
    const repliedTo =
      channel && (threadRoot ?? activity.replyToId)
        ? { conversationKey: conversationId, activityId: threadRoot ?? activity.replyToId ?? "" }
        : !channel && activity.replyToId
          ? { conversationKey: personId, activityId: activity.replyToId }
          : undefined;
    try {
      const action = await this.deps.actionLog.doneFromTeams(
        { id: personId, name: activity.from.name ?? "" },
        { ...done, inChannel: channel, ...(repliedTo ? { repliedTo } : {}) },
        channel ? "bot: done in channel" : "bot: done in personal chat",
      );
      await context.sendActivity(`Thank you: ${action.reference} is marked done.`);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      // In a channel only a reply to a reminder counts: nothing typed there is ever repeated.
      await context.sendActivity(
        channel && !repliedTo
          ? "To mark an action done here, reply **done** in the thread of its reminder."
          : `Sorry: ${e.message}`,
      );
    }
  }

  private async startRecordingAction(context: TurnContext): Promise<void> {
    if (context.activity.conversation.conversationType !== "personal") {
      await context.sendActivity("Actions are recorded in your personal chat with me, or in the tab.");
      return;
    }
    const personId = context.activity.from.aadObjectId ?? "";
    const memberships = (await this.deps.repos.memberships.listPartition(keyOf(personId))).map(
      (m) => m.value,
    );
    const choice = chooseActionPanelCard(this.deps.catalogue, memberships);
    if (typeof choice === "string") {
      await context.sendActivity(choice);
      return;
    }
    const coordinated = memberships.filter(
      (m) => m.role === "coordinator" && this.deps.catalogue.panels.has(m.panelId),
    );
    const card =
      coordinated.length === 1 && coordinated[0]
        ? await recordActionCard(this.deps.actionLog, this.deps.catalogue, coordinated[0].panelId)
        : choice;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }

  /** The coordinator's new referrals, each as a card to accept, question or decline. */
  private async sendReferralsToTriage(context: TurnContext): Promise<void> {
    const personId = context.activity.from.aadObjectId ?? "";
    const actor = { id: personId, name: context.activity.from.name ?? "" };
    const memberships = await this.deps.repos.memberships.listPartition(keyOf(personId));
    const waiting: Versioned<Referral>[] = [];
    for (const { value: m } of memberships.filter((x) => x.value.role === "coordinator")) {
      if (!this.deps.catalogue.panels.get(m.panelId)?.referralRules) continue;
      waiting.push(...(await this.deps.desk.list(actor, m.panelId, "bot: referrals command", ["new"])));
    }
    const shown = waiting.slice(0, MAX_CARDS);
    await context.sendActivity(
      waiting.length
        ? `${waiting.length} new referral${waiting.length === 1 ? "" : "s"} waiting for triage${waiting.length > shown.length ? `; the ${shown.length} newest are below, and the rest are in the tab` : ""}.`
        : "There are no new referrals waiting for you.",
    );
    for (const { value: r, etag } of shown.reverse()) {
      const panelName = this.deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
      await context.sendActivity({
        attachments: [CardFactory.adaptiveCard(coordinatorReferralCard(r, panelName, this.tabUrl, etag))],
      });
    }
  }

  private async sendApprovals(context: TurnContext): Promise<void> {
    const personId = context.activity.from.aadObjectId ?? "";
    const pending = await this.deps.desk.awaitingApproval(
      { id: personId, name: context.activity.from.name ?? "" },
      "bot: approvals command",
    );
    const cards = pending.map(({ value: r, etag }) =>
      approvalRequestCard(r, this.deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId, etag),
    );
    if (!cards.length) {
      await context.sendActivity("There are no referrals waiting for your approval.");
      return;
    }
    for (const card of cards.slice(0, MAX_CARDS))
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
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
