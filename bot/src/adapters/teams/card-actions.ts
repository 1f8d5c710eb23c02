import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { z } from "zod";
import type { Actor } from "../../domain/people/actor.js";
import type { BotDependencies } from "./bot-dependencies.js";
import type { CardPlace } from "./cards/action-cards.js";
import { refusedHere, type Allowed } from "./places.js";
import { refusalReply, type RefusalTone } from "./refusal-replies.js";
import type { Verb } from "./verbs.js";

// Card buttons (Action.Execute) routed by verb, as the Agents SDK's adaptiveCards.actionExecute
// does. The router checks where the press came from and turns refusals into messages, so a
// handler only does its step.

/** A new card in place of the pressed one, or a message for the presser alone. */
export type CardReply = { card: Record<string, unknown> } | { message: string };

export interface CardPress {
  context: TurnContext;
  deps: BotDependencies;
  actor: Actor;
  data: Record<string, unknown>;
  place: CardPlace;
}

export type CardRoute = Allowed & {
  tone: RefusalTone;
  /** The reply when the press's data fails a schema; without it that is a fault. */
  badData?: string;
  handle: (press: CardPress) => Promise<CardReply>;
};

export type CardRoutes<V extends Verb> = Record<V, CardRoute>;

export const InvokeAction = z.looseObject({
  action: z.looseObject({
    type: z.literal("Action.Execute"),
    verb: z.string().max(64),
    data: z.record(z.string().max(80), z.unknown()).optional(),
  }),
});

/** What a press that sent something other than a card action is told. */
export const UNEXPECTED_PRESS = "That button did not send what I expected. Type **refer** to start again.";

export const message = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: "application/vnd.microsoft.activity.message",
  value: text as unknown as Record<string, unknown>,
});

/** Routes every verb the cards send; a verb missing here fails to compile. */
export function cardActions(routes: CardRoutes<Verb>, deps: BotDependencies) {
  const byVerb = new Map<string, CardRoute>(Object.entries(routes));

  const reply = async (route: CardRoute, press: CardPress): Promise<CardReply> => {
    try {
      return await route.handle(press);
    } catch (e) {
      const refused = refusalReply(e, route.tone);
      if (refused !== undefined) return { message: refused };
      if (e instanceof z.ZodError && route.badData) return { message: route.badData };
      throw e;
    }
  };

  return async (
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> => {
    const parsed = InvokeAction.safeParse(invokeValue);
    const personId = context.activity.from.aadObjectId;
    if (!parsed.success || !personId) return message(UNEXPECTED_PRESS);
    const { verb, data = {} } = parsed.data.action;
    const route = byVerb.get(verb);
    if (!route) return message("That button is not one I know. Type **help** to see what I can do.");
    const type = context.activity.conversation.conversationType;
    const elsewhere = refusedHere(route, type);
    if (elsewhere) return message(elsewhere);
    const actor = { id: personId, name: context.activity.from.name ?? "" };
    const place = type === "channel" ? "channel" : "personal";
    const answer = await reply(route, { context, deps, actor, data, place });
    if ("message" in answer) return message(answer.message);
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: answer.card };
  };
}
