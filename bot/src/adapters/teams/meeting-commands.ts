import { CardFactory } from "botbuilder";
import { z } from "zod";
import { Capacity } from "../../domain/attendance/sign-in.js";
import { worksCases } from "../../domain/people/membership.js";
import { keyOf } from "../tables/entity-store.js";
import type { CardRoutes } from "./card-actions.js";
import { signInCard } from "./cards/meeting-cards.js";
import type { CommandTurn } from "./bot-dependencies.js";
import { VERBS, type MeetingVerb } from "./verbs.js";

// Signing in to a meeting on its day: `sign in` typed for the cards, and the card's button.

const SignInPress = z.object({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  agencyId: z.string().min(1).max(80),
  capacity: Capacity,
  agreed: z.literal("true"),
});

/**
 * `sign in` typed on a meeting day: the sign-in card of each meeting today, for the panels linked
 * to this channel, or in personal chat for the person's own panels.
 */
export async function sendSignInCards({ context, deps }: CommandTurn): Promise<void> {
  const activity = context.activity;
  const channel = activity.conversation.conversationType === "channel";
  let panelIds: string[];
  if (channel) {
    const conversationId = activity.conversation.id.split(";messageid=")[0] ?? "";
    panelIds = [];
    for (const area of deps.catalogue.areas) {
      const stored = await deps.repos.panels.listPartition(keyOf(area.id));
      panelIds.push(
        ...stored.filter((p) => p.value.channel?.channelId === conversationId).map((p) => p.value.id),
      );
    }
  } else {
    const memberships = await deps.directory.membershipsOf(activity.from.aadObjectId ?? "");
    panelIds = memberships.filter((m) => worksCases(m.role)).map((m) => m.panelId);
  }
  const meetings = deps.room.meetingsToday(panelIds);
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

export const meetingButtons: CardRoutes<MeetingVerb> = {
  // The answer is for the person who pressed it only, even when the card is in the channel.
  [VERBS.meeting.signIn]: {
    where: "any",
    tone: "apologise",
    handle: async ({ deps, actor, data }) => {
      const parsed = SignInPress.safeParse(data);
      if (!parsed.success)
        return { message: "Choose your agency and tick the agreement, then press Sign in again." };
      const { panelId, meetingId, agencyId, capacity } = parsed.data;
      if (!deps.catalogue.panels.has(panelId))
        return { message: "That sign-in card is not for a panel I know." };
      const { signIn, first } = await deps.room.signIn(actor, panelId, meetingId, {
        agencyId,
        capacity,
        agreed: true,
      });
      const agency = deps.catalogue.agencies.get(signIn.agencyId)?.name ?? signIn.agencyId;
      return {
        message: first
          ? `You are signed in for ${agency}. The meeting's case details are now shown to you in the tab.`
          : `You were already signed in for ${agency}.`,
      };
    },
  },
};
