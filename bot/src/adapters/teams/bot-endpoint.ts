import { CloudAdapter, type Activity, type TurnContext } from "botbuilder";
import type { Logger } from "pino";
import { z } from "zod";
import { InvokeAction, message, UNEXPECTED_PRESS } from "./card-actions.js";
import type { ChannelTokenCheck } from "./channel-token.js";
import type { MaceBot } from "./mace-bot.js";

// What botbuilder and the bot read from every activity without checking it first.
const Account = z.looseObject({
  id: z.string().min(1).max(1000),
  name: z.string().max(512).optional(),
  aadObjectId: z.string().max(100).optional(),
});
const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
  text: z.string().max(64_000).nullish(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2000),
  from: Account,
  recipient: z.looseObject({ id: z.string().min(1).max(1000) }),
  conversation: z.looseObject({
    id: z.string().min(1).max(1000),
    conversationType: z.string().max(64).optional(),
  }),
  membersAdded: z.array(Account).max(1000).optional(),
  membersRemoved: z.array(Account).max(1000).optional(),
});

// The one invoke the bot answers: any other would be botbuilder's 501, or a crash on its value.
const CARD_ACTION = "adaptiveCard/action";

type BotFrameworkAuthentication = ConstructorParameters<typeof CloudAdapter>[0] & {};
type Identity = Awaited<ReturnType<BotFrameworkAuthentication["authenticateRequest"]>>;

/** CloudAdapter, opened up to run an activity whose caller has already been authenticated. */
export class TeamsAdapter extends CloudAdapter {
  runAuthenticated(identity: Identity, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(identity, activity, logic);
  }
}

export interface BotReply {
  status: number;
  body?: unknown;
}

const refused = (status: number, code: string, text: string): BotReply => ({
  status,
  body: { error: { code, message: text } },
});

const UNAUTHENTICATED = refused(
  401,
  "unauthenticated",
  "The request is not from an authorised Bot Framework channel.",
);

/**
 * Authenticates a Bot Framework request, checks its envelope, then runs the bot. Any failure to
 * authenticate is a 401: botbuilder's own `process` answers a bad signature with 500 and the
 * library's error text. `checkToken`, when set, vets the token before botbuilder sees it.
 */
export function botEndpoint(deps: {
  auth: BotFrameworkAuthentication;
  adapter: TeamsAdapter;
  bot: MaceBot;
  log: Logger;
  checkToken?: ChannelTokenCheck | undefined;
}) {
  return async function receive(authorization: string, body: unknown): Promise<BotReply> {
    let identity: Identity;
    try {
      if (deps.checkToken && !(await deps.checkToken(authorization)))
        throw new Error("the token is not signed by the channel's published keys");
      identity = await deps.auth.authenticateRequest(body as Activity, authorization);
    } catch (e) {
      deps.log.warn({ reason: (e as Error).message }, "bot request refused: not authenticated");
      return UNAUTHENTICATED;
    }
    const parsed = IncomingActivity.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join(".") || "the body";
      return refused(
        400,
        "invalid-activity",
        `The request is not a Bot Framework activity: ${where} is missing or not valid.`,
      );
    }
    const activity = parsed.data;
    if (activity.type === "invoke" && activity.name !== CARD_ACTION)
      return refused(400, "unsupported-invoke", "The bot answers only Adaptive Card actions.");
    // A press whose value is not a card action is answered as the router would, not as a fault.
    if (activity.type === "invoke" && !InvokeAction.safeParse(activity["value"]).success)
      return { status: 200, body: message(UNEXPECTED_PRESS) };
    const invoke = await deps.adapter.runAuthenticated(identity, activity as unknown as Activity, (context) =>
      deps.bot.run(context),
    );
    return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
  };
}
export type BotEndpoint = ReturnType<typeof botEndpoint>;
