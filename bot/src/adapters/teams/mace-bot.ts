import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from "botbuilder";
import { accessButtons } from "./access-commands.js";
import { actionButtons } from "./action-buttons.js";
import type { BotDependencies } from "./bot-dependencies.js";
import { cardActions } from "./card-actions.js";
import { runCommand } from "./commands.js";
import { rememberConversation, welcomeChannel } from "./conversations.js";
import { meetingButtons } from "./meeting-commands.js";
import { referralButtons } from "./referral-buttons.js";

/** The Teams bot: commands in personal chat, welcome and conversation references in channels. */
export class MaceBot extends TeamsActivityHandler {
  private readonly pressCard: ReturnType<typeof cardActions>;

  constructor(deps: BotDependencies) {
    super();
    this.pressCard = cardActions(
      { ...referralButtons, ...actionButtons, ...meetingButtons, ...accessButtons },
      deps,
    );

    this.onMessage(async (context, next) => {
      const isNew = await rememberConversation(deps, context);
      if (isNew && context.activity.conversation.conversationType === "personal") deps.onNewPersonalChat();
      await runCommand(deps, context);
      await next();
    });

    // Teams may send both an installation update and a members-added update for one install:
    // the channel is welcomed only by whichever first records it.
    this.onInstallationUpdateAdd(async (context, next) => {
      const isNew = await rememberConversation(deps, context);
      if (isNew && context.activity.conversation.conversationType === "channel")
        await welcomeChannel(deps, context);
      await next();
    });

    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, context, next) => {
      const botAdded = membersAdded.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && context.activity.conversation.conversationType === "channel") {
        if (await rememberConversation(deps, context)) await welcomeChannel(deps, context);
      }
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.pressCard(context, invokeValue);
  }
}
