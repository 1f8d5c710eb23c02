import type { Logger } from "pino";
import { botAuthentication } from "../adapters/teams/bot-authentication.js";
import { TeamsAdapter } from "../adapters/teams/bot-endpoint.js";
import { ChannelPoster } from "../adapters/teams/channel-poster.js";
import { TeamsNoticeMessenger } from "../adapters/teams/notice-messenger.js";
import { TeamsReminderMessenger } from "../adapters/teams/reminder-messenger.js";
import { tabLinks } from "../adapters/teams/tab-links.js";
import { NoticeDelivery } from "../application/notices/notice-delivery.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { Settings } from "../settings.js";
import type { Storage } from "./storage.js";

// What the service says in Teams: the bot's adapter, the notices to people in their personal
// chats, the panel channels' posts and the action reminders.

export function teamsSide(
  settings: Settings,
  catalogue: Catalogue,
  storage: Storage,
  log: Logger,
  now: () => Date,
) {
  const auth = botAuthentication(settings);
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // The error's name and message only: a failed send to Teams carries the card, with its details.
    log.error(
      { reason: (error as Error).message, name: (error as Error).name, activityType: context.activity.type },
      "bot turn failed",
    );
    // Teams may be the very thing that failed: telling the chat must not fail the turn again.
    await context
      .sendActivity("Sorry, something went wrong on our side. Please try again in a minute.")
      .catch((e: unknown) => log.warn({ reason: (e as Error).message }, "the chat could not be told"));
  };
  const botAppId = settings.bot.appId ?? "";
  const { repos } = storage;
  const links = tabLinks(settings.publicUrl, settings.teamsAppId);
  const notices = new NoticeDelivery({
    catalogue,
    casework: storage.casework,
    directory: storage.directory,
    messenger: new TeamsNoticeMessenger({ catalogue, repos, adapter, botAppId, links }),
    log,
    now,
  });
  const channelPoster = new ChannelPoster({
    adapter,
    botAppId,
    repos,
    catalogue,
    log,
    publicUrl: settings.publicUrl,
    teamsAppId: settings.teamsAppId,
  });
  const reminders = new TeamsReminderMessenger({
    adapter,
    botAppId,
    repos,
    catalogue,
    deliveries: storage.deliveries,
    log,
    links,
    sendTimeoutMs: Math.min(20_000, settings.reminders.leaseMs / 3),
  });
  return { auth, adapter, botAppId, notices, channelPoster, reminders };
}

export type TeamsSide = ReturnType<typeof teamsSide>;
