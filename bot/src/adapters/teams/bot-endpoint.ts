import { CloudAdapter, type Activity, type TurnContext } from "botbuilder";
import type { Logger } from "pino";
import { z } from "zod";
import type { MaceBot } from "./mace-bot.js";

const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2000),
  conversation: z.looseObject({ id: z.string().min(1).max(1000) }),
});

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

/**
 * Authenticates a Bot Framework request, then runs the bot. Any failure to authenticate is a 401:
 * botbuilder's own `process` answers a bad signature with 500 and the library's error text.
 */
export function botEndpoint(deps: {
  auth: BotFrameworkAuthentication;
  adapter: TeamsAdapter;
  bot: MaceBot;
  log: Logger;
}) {
  return async function receive(authorization: string, body: unknown): Promise<BotReply> {
    let identity: Identity;
    try {
      identity = await deps.auth.authenticateRequest(body as Activity, authorization);
    } catch (e) {
      deps.log.warn({ reason: (e as Error).message }, "bot request refused: not authenticated");
      return {
        status: 401,
        body: {
          error: {
            code: "unauthenticated",
            message: "The request is not from an authorised Bot Framework channel.",
          },
        },
      };
    }
    const parsed = IncomingActivity.safeParse(body);
    if (!parsed.success) {
      return {
        status: 400,
        body: {
          error: { code: "invalid-activity", message: "The request is not a Bot Framework activity." },
        },
      };
    }
    const invoke = await deps.adapter.runAuthenticated(
      identity,
      parsed.data as unknown as Activity,
      (context) => deps.bot.run(context),
    );
    return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
  };
}
export type BotEndpoint = ReturnType<typeof botEndpoint>;
