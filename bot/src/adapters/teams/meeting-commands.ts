import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import { Capacity } from "../../domain/attendance/sign-in.js";
import { worksCases } from "../../domain/people/membership.js";
import { AlreadyExists } from "../../application/ports/versioned.js";
import { keyOf } from "../tables/entity-store.js";
import type { CardRoutes } from "./card-actions.js";
import { MAX_REFRESHED_VIEWERS, signedInCard, signInCard } from "./cards/meeting-cards.js";
import { linksOf, type BotDependencies, type CommandTurn } from "./bot-dependencies.js";
import { VERBS, type MeetingVerb } from "./verbs.js";

// Signing in to a meeting on its day: `sign in` typed for the cards, and the card's button.

const SignInPress = z.object({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  agencyId: z.string().min(1).max(80),
  capacity: Capacity,
  agreed: z.literal("true"),
});

const ViewPress = z.object({ panelId: z.string().max(80), meetingId: z.iso.date() });

/** The Teams users who signed in from a meeting's card, with `add` among them if given. */
async function cardViewers(
  deps: BotDependencies,
  panelId: string,
  meetingId: string,
  add?: string,
): Promise<string[]> {
  const store = deps.repos.signInCardViewers;
  if (add) {
    await store
      .insert({ panelId, meetingId, teamsUserId: add, at: deps.now().toISOString() }, add)
      .catch((e: unknown) => {
        if (!(e instanceof AlreadyExists)) throw e;
      });
  }
  const rows = await store.listRange(keyOf(`${panelId}|${meetingId}`), "card-viewer|");
  return rows
    .map((r) => r.value)
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, MAX_REFRESHED_VIEWERS)
    .map((v) => v.teamsUserId);
}

/**
 * The card in the channel, for everyone, now naming one more person for automatic refresh. The
 * person who pressed already has their own view; failing to update it only means others press
 * Refresh, so it is logged, not shown.
 */
async function updateCardForEveryone(context: TurnContext, deps: BotDependencies, card: object) {
  const id = context.activity.replyToId;
  if (!id) return;
  await context
    .updateActivity({ type: "message", id, attachments: [CardFactory.adaptiveCard(card)] })
    .catch((err: unknown) => deps.log.warn({ reason: (err as Error).message }, "sign-in card not updated"));
}

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
  const meetings = await deps.room.meetingsToday(panelIds);
  if (!meetings.length) {
    await context.sendActivity(
      channel
        ? "No panel linked to this channel meets today, so there is nothing to sign in to."
        : "None of your panels meets today, so there is nothing to sign in to.",
    );
    return;
  }
  for (const details of meetings) {
    const viewers = await cardViewers(deps, details.panelId, details.meetingId);
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(signInCard(details, linksOf(deps), viewers))],
    });
  }
}

export const meetingButtons: CardRoutes<MeetingVerb> = {
  // The answer is for the person who pressed it only, even when the card is in the channel.
  [VERBS.meeting.signIn]: {
    where: "any",
    tone: "apologise",
    handle: async ({ context, deps, actor, data, place }) => {
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
      const details = deps.room.signInDetails(panelId, meetingId);
      const viewers = await cardViewers(deps, panelId, meetingId, context.activity.from.id);
      if (place === "channel")
        await updateCardForEveryone(context, deps, signInCard(details, linksOf(deps), viewers));
      return { card: signedInCard(details, signIn, agency, viewers, first) };
    },
  },
  // Teams asks for each viewer's own view of the card as it shows it (Universal Actions refresh).
  [VERBS.meeting.view]: {
    where: "any",
    tone: "apologise",
    handle: async ({ deps, actor, data }) => {
      const parsed = ViewPress.safeParse(data);
      if (!parsed.success || !deps.catalogue.panels.has(parsed.data.panelId))
        return { message: "That sign-in card is not for a panel I know." };
      const { panelId, meetingId } = parsed.data;
      const details = deps.room.signInDetails(panelId, meetingId);
      const [mine, viewers] = await Promise.all([
        deps.room.ownSignIn(actor, panelId, meetingId),
        cardViewers(deps, panelId, meetingId),
      ]);
      if (!mine) return { card: signInCard(details, linksOf(deps), viewers) };
      const agency = deps.catalogue.agencies.get(mine.agencyId)?.name ?? mine.agencyId;
      return { card: signedInCard(details, mine, agency, viewers, false) };
    },
  },
};
