import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Logger } from "pino";
import type { AgendaAnnouncement, ChannelAnnouncer } from "../../application/channel-announcer.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import { inConversation } from "./proactive.js";

/**
 * Where a card's link opens the meeting's agenda: the personal tab in Teams when the app's id is
 * known (a deep link whose sub-entity the tab reads), otherwise the tab's web address.
 */
export function agendaLink(
  a: { panelId: string; meetingId: string },
  publicUrl: string,
  teamsAppId?: string,
): string {
  const page = `panel=${encodeURIComponent(a.panelId)}&meeting=${encodeURIComponent(a.meetingId)}`;
  if (!teamsAppId) return `${publicUrl}/tab/?${page}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/mace-panels?context=${context}`;
}

/** The card a channel gets when an agenda is published: no names, a link into the tab. */
export function agendaPublishedCard(a: AgendaAnnouncement, link: string): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: "Agenda published", weight: "Bolder", size: "Medium", wrap: true },
      {
        type: "FactSet",
        facts: [
          { title: "Panel", value: a.panelName },
          { title: "Meeting", value: a.meetingDescription },
          { title: "Version", value: String(a.version) },
          { title: "Presenter slots", value: String(a.slots) },
        ],
      },
      {
        type: "TextBlock",
        text: "Presenters have been sent their own slot times. Case details are in the tab, for panel members only.",
        wrap: true,
        isSubtle: true,
      },
    ],
    actions: [
      {
        type: "Action.OpenUrl",
        title: "Open the agenda",
        url: link,
      },
    ],
  };
}

/** Posts announcements to the channel each panel is linked to, as the bot. */
export class ChannelPoster implements ChannelAnnouncer {
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      botAppId: string;
      repos: Repositories;
      catalogue: Catalogue;
      log: Logger;
      publicUrl: string;
      teamsAppId?: string | undefined;
    },
  ) {}

  async agendaPublished(a: AgendaAnnouncement): Promise<boolean> {
    const panel = this.deps.catalogue.panels.get(a.panelId);
    if (!panel) return false;
    const stored = await this.deps.repos.panels.get(keyOf(panel.areaId), keyOf(panel.id));
    const channelId = stored?.value.channel?.channelId;
    if (!channelId) return false;
    const channel = await this.deps.repos.conversations.get("channel", keyOf(channelId));
    if (!channel) return false;
    const card = agendaPublishedCard(a, agendaLink(a, this.deps.publicUrl, this.deps.teamsAppId));
    // Sent after the publish has answered: a slow or unreachable channel does not hold it up.
    const send = inConversation(this.deps.adapter, this.deps.botAppId, channel.value.reference, (ctx) =>
      ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }),
    )
      .then(() => undefined)
      .catch((err: unknown) =>
        this.deps.log.warn(
          { reason: (err as Error).message, panelId: a.panelId },
          "channel announcement not sent",
        ),
      )
      .finally(() => this.sending.delete(send));
    this.sending.add(send);
    return true;
  }

  /** Resolves once every announcement under way has been sent or given up. */
  async idle(): Promise<void> {
    await Promise.all([...this.sending]);
  }
}
