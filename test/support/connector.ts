import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { recordChannelActivity } from "./channel-watch.js";

// A Bot Connector service on loopback: the endpoint the bot sends its replies and proactive
// messages to, as Teams' connector would receive them. It keeps everything it is sent.

export interface SentActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

export interface RecordingConnector {
  url: string;
  sent: SentActivity[];
  /** Cards replaced in place (a card updated for everyone once its action is done). */
  updated: (SentActivity & { activityId: string })[];
  /** The next `times` sends to a conversation fail with `status`, as Teams refuses them. */
  fail(conversationId: string, status: number, times?: number): void;
  /**
   * Holds the `nth` send that matches, never answering it: resolves when it arrives. The held
   * message is not recorded, as Teams had not taken it; `dropHeld` closes its connection.
   */
  hold(matches: (activity: Record<string, unknown>) => boolean, nth: number): Promise<void>;
  dropHeld(): void;
  /** Cards sent to one conversation, in order. */
  cardsIn(conversationId: string): Record<string, unknown>[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
}

export async function recordingConnector(): Promise<RecordingConnector> {
  const sent: SentActivity[] = [];
  const updated: (SentActivity & { activityId: string })[] = [];
  const failures = new Map<string, { status: number; times: number }>();
  let holding:
    { matches: (a: Record<string, unknown>) => boolean; left: number; arrived: () => void } | undefined;
  let held: ServerResponse | undefined;
  let created = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      res.setHeader("content-type", "application/json");
      const url = req.url ?? "";
      if (req.method === "POST" && /^\/v3\/conversations\/?$/.test(url)) {
        created += 1;
        res.end(JSON.stringify({ id: `a:created-${created}` }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(url);
      if (match && req.method === "PUT") {
        const conversationId = decodeURIComponent(match[1] ?? "");
        updated.push({ conversationId, activityId: decodeURIComponent(match[2] ?? ""), activity: payload });
        res.end(JSON.stringify({ id: match[2] }));
        return;
      }
      if (match && req.method === "POST") {
        const conversationId = decodeURIComponent(match[1] ?? "");
        if (holding?.matches(payload) && --holding.left === 0) {
          held = res;
          holding.arrived();
          holding = undefined;
          return;
        }
        const failure = failures.get(conversationId);
        if (failure && failure.times > 0) {
          failure.times -= 1;
          res.statusCode = failure.status;
          if (failure.status === 429) res.setHeader("retry-after", "1");
          res.end(
            JSON.stringify({
              error: {
                code: failure.status === 403 ? "BotNotInConversationRoster" : "Throttled",
                message: "refused",
              },
            }),
          );
          return;
        }
        sent.push({ conversationId, activity: payload });
        const conversation = payload["conversation"] as { conversationType?: string } | undefined;
        if (conversation?.conversationType === "channel" || conversationId.startsWith("19:"))
          recordChannelActivity(payload);
        res.end(JSON.stringify({ id: `activity-${sent.length}` }));
        return;
      }
      res.statusCode = 404;
      res.end("{}");
    })();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    updated,
    fail: (conversationId, status, times = 1) => failures.set(conversationId, { status, times }),
    hold: (matches, nth) =>
      new Promise<void>((arrived) => {
        holding = { matches, left: nth, arrived };
      }),
    dropHeld: () => held?.destroy(),
    cardsIn: (conversationId) =>
      sent
        .filter((s) => s.conversationId === conversationId)
        .flatMap(
          (s) => (s.activity["attachments"] as { content: Record<string, unknown> }[] | undefined) ?? [],
        )
        .map((a) => a.content),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
