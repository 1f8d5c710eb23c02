import { call, type Reply } from "../../test/support/http.js";
import { TENANT, type TeamsUser } from "../../test/support/teams-chat.js";
import { botReplies, checkInvoke, checkMessage, type InvokeCheck } from "./bot-replies.js";
import type { Recorder } from "./measure.js";
import { BOT_ID, type Rig } from "./stand-ins.js";

// One user's requests as the tab and Teams make them, each timed and checked: the tab's API with
// the person's sign-in token, the bot's endpoint with Bot Framework's token.

export interface Bounds {
  /** Requests started before this (ms since the epoch) are the warm-up, recorded apart. */
  measureFrom: number;
  /** A request not answered in this long counts as an error. */
  timeoutMs: number;
}

export interface Caller {
  teams: TeamsUser;
  tabToken: string;
}

export function requests(
  rig: Rig,
  bounds: Bounds,
  recorders: { warmUp: Recorder; measured: Recorder },
  botToken: string,
) {
  const replies = botReplies(rig.connector);
  let made = 0;

  /** One request, timed; `check` says what is wrong with a 2xx reply, if anything. */
  const timed = async <T>(
    kind: string,
    send: () => Promise<Reply<T>>,
    check: (reply: Reply<T>) => string | undefined = () => undefined,
  ): Promise<Reply<T> | undefined> => {
    made += 1;
    const recorder = Date.now() < bounds.measureFrom ? recorders.warmUp : recorders.measured;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${bounds.timeoutMs} ms`)), bounds.timeoutMs);
    });
    try {
      const reply = await Promise.race([send(), late]);
      const problem = reply.ok ? check(reply) : `HTTP ${reply.status} ${reply.text.slice(0, 120)}`;
      recorder.record(kind, performance.now() - started, problem);
      return problem === undefined ? reply : undefined;
    } catch (e) {
      recorder.record(kind, performance.now() - started, (e as Error).message);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  const toBot = (caller: Caller, extra: Record<string, unknown>) => {
    const id = `load-${made}-${Math.random().toString(36).slice(2)}`;
    const activity = {
      id,
      channelId: "msteams",
      serviceUrl: rig.connector.url,
      from: caller.teams,
      recipient: { id: `28:${BOT_ID}`, name: "MACE panels" },
      conversation: { id: `a:personal-${caller.teams.id}`, conversationType: "personal", tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      ...extra,
    };
    return {
      id,
      send: () => call({ url: rig.serviceUrl }, "/api/messages", { token: botToken, body: activity }),
    };
  };

  return {
    replies,
    made: () => made,
    /** A GET of the tab's API. */
    tab: <T>(caller: Caller, kind: string, path: string) =>
      timed<T>(kind, () => call<T>({ url: rig.serviceUrl }, `/api${path}`, { token: caller.tabToken })),
    /** A message typed to the bot; `expect` is a text its reply must show. */
    say: (caller: Caller, kind: string, text: string, expect?: string) => {
      const { id, send } = toBot(caller, { type: "message", text });
      return timed(kind, send, () => checkMessage(replies.to(id), expect));
    },
    /** A card's Action.Execute button pressed. */
    press: (
      caller: Caller,
      kind: string,
      verb: string,
      data: Record<string, unknown>,
      check: InvokeCheck,
    ) => {
      const { send } = toBot(caller, {
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb, data } },
      });
      return timed(kind, send, (reply) => checkInvoke(reply.body, check));
    },
  };
}
