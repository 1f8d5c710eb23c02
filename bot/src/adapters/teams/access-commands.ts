import { CardFactory, TeamsInfo, type TurnContext } from "botbuilder";
import type { WhoToAsk } from "../../application/people/access-desk.js";
import type { Actor } from "../../domain/people/actor.js";
import { linksOf, type BotDependencies, type CommandTurn } from "./bot-dependencies.js";
import type { CardPress, CardReply, CardRoute, CardRoutes } from "./card-actions.js";
import { accessDecidedCard, askedCard, askForAccessCard, notOnPanelCard } from "./cards/access-cards.js";
import { isRefusal, refusalReply } from "./refusal-replies.js";
import type { AccessVerb } from "./verbs.js";
import { VERBS } from "./verbs.js";

// Someone on no panel: told so, with whom to ask, and able to ask; the coordinators' Approve and
// Decline buttons. All in personal chat: these cards name people.

const actorOf = (context: TurnContext): Actor => ({
  id: context.activity.from.aadObjectId ?? "",
  name: context.activity.from.name ?? "",
});

/**
 * For a command that needs a place on a panel: when the person has none, sends the card saying
 * so (or the refusal, for a suspended person) and returns true.
 */
export async function toldNotOnPanel({ context, deps }: CommandTurn): Promise<boolean> {
  if (!context.activity.from.aadObjectId) return false;
  let view: WhoToAsk;
  try {
    view = await deps.access.whoToAsk(actorOf(context));
  } catch (e) {
    const refused = refusalReply(e, "plain");
    if (refused === undefined) throw e;
    await context.sendActivity(refused);
    return true;
  }
  if (view.hasAccess) return false;
  // In a channel, only a pointer: the card lists people, for the person alone.
  await context.sendActivity(
    context.activity.conversation.conversationType === "personal"
      ? { attachments: [CardFactory.adaptiveCard(notOnPanelCard(view, linksOf(deps)))] }
      : "You are not on any MACE panel yet. Type **help** in your personal chat with me to ask for access.",
  );
  return true;
}

/** The email Teams has for the person: their profile in the team's tenant. */
async function emailOf(context: TurnContext, deps: BotDependencies): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch (e) {
    deps.log.warn({ reason: (e as Error).message }, "Teams did not give the requester's profile");
    return undefined;
  }
}

const inPersonalChat = (handle: CardRoute["handle"]): CardRoute => ({
  where: "personal",
  elsewhere: "Requests to join a panel are made in your personal chat with MACE panels.",
  tone: "plain",
  badData: "Some of what was sent is too long. Shorten it and try again.",
  handle,
});

const text = (v: unknown): string => (typeof v === "string" ? v : "");

const decide =
  (approve: boolean) =>
  async ({ deps, actor, data }: CardPress): Promise<CardReply> => {
    const decision = approve
      ? { approve: text(data["role"]) || "member" }
      : { decline: text(data["reason"]) };
    if (!approve && !text(data["reason"]).trim())
      return {
        message: "Write the reason for declining, for the person who asked, then press Decline again.",
      };
    const decided = await deps.access.decide(actor, data["requestId"], decision, "bot: access request card");
    const panelName = deps.catalogue.panels.get(decided.panelId)?.name ?? decided.panelId;
    return { card: accessDecidedCard(decided, panelName, false) };
  };

export const accessButtons: CardRoutes<AccessVerb> = {
  [VERBS.access.form]: inPersonalChat(async ({ deps, actor }) => ({
    card: askForAccessCard(await deps.access.whoToAsk(actor), linksOf(deps)),
  })),
  [VERBS.access.ask]: inPersonalChat(async ({ context, deps, actor, data }) => {
    const asked = {
      panelId: data["panelId"],
      agencyId: data["agencyId"],
      reason: data["reason"],
      jobTitle: data["jobTitle"],
    };
    try {
      const request = await deps.access.ask(
        { ...actor, email: await emailOf(context, deps) },
        asked,
        "bot: ask for access",
      );
      const view = await deps.access.whoToAsk(actor);
      const panel = view.areas.flatMap((a) => a.panels).find((p) => p.id === request.panelId);
      return { card: askedCard(panel?.name ?? request.panelId, panel?.coordinators ?? []) };
    } catch (e) {
      // A problem with what was chosen or typed: the same card again, with it, to put right.
      if (!isRefusal(e) || e.reason !== "invalid") throw e;
      return { card: askForAccessCard(await deps.access.whoToAsk(actor), linksOf(deps), data, e.message) };
    }
  }),
  [VERBS.access.approve]: inPersonalChat(decide(true)),
  [VERBS.access.decline]: inPersonalChat(decide(false)),
};
