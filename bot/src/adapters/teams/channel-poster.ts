import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Logger } from "pino";
import type { AgendaAnnouncement, ChannelAnnouncer } from "../../application/ports/channel-announcer.js";
import type { SignInDetails } from "../../application/meeting-room/meeting-room.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Repositories } from "../tables/repositories.js";
import { inConversation, panelChannel } from "./proactive.js";
import { signInCard } from "./cards/meeting-cards.js";
import { tabLinks } from "./tab-links.js";

/** A meeting's agenda in the tab. */
export const agendaLink = (
  a: { panelId: string; meetingId: string },
  publicUrl: string,
  teamsAppId?: string,
): string => tabLinks(publicUrl, teamsAppId)({ page: "agenda", panelId: a.panelId, meetingId: a.meetingId });

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

  agendaPublished(a: AgendaAnnouncement): Promise<boolean> {
    const card = agendaPublishedCard(a, agendaLink(a, this.deps.publicUrl, this.deps.teamsAppId));
    return this.post(a.panelId, card, "channel announcement not sent");
  }

  /** Sends a card to the panel's channel, if it has one, after the caller has answered. */
  private async post(panelId: string, card: Record<string, unknown>, failed: string): Promise<boolean> {
    const channel = await panelChannel(this.deps.repos, this.deps.catalogue, panelId);
    if (!channel) return false;
    // A slow or unreachable channel does not hold up the step that announced it.
    const send = inConversation(this.deps.adapter, this.deps.botAppId, channel.reference, (ctx) =>
      ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }),
    )
      .then(() => undefined)
      .catch((err: unknown) => this.deps.log.warn({ reason: (err as Error).message, panelId }, failed))
      .finally(() => this.sending.delete(send));
    this.sending.add(send);
    return true;
  }

  /** Posts the meeting's sign-in card: the area's statement and agencies, no case. */
  signInOpened(details: SignInDetails): Promise<boolean> {
    const links = tabLinks(this.deps.publicUrl, this.deps.teamsAppId);
    return this.post(details.panelId, signInCard(details, links), "sign-in card not sent");
  }

  /** Resolves once every announcement under way has been sent or given up. */
  async idle(): Promise<void> {
    await Promise.all([...this.sending]);
  }
}
