import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { recordChannelActivity } from "./channel-watch.js";

// Sits between the Agents Playground and the service so that everything the bot sends to a
// channel there (replies, proactive cards, invoke responses) is seen by the channel watch.
// Incoming activities get their serviceUrl pointed here; outgoing calls are passed on unchanged.

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const headersOf = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string" && !["host", "content-length", "connection"].includes(k)) out[k] = v;
  }
  return out;
};

export async function playgroundProxy(botEndpoint: string): Promise<{ url: string; close(): Promise<void> }> {
  const channels = new Set<string>();
  let base = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = req.url ?? "/";
      const relay = url.startsWith("/connector/");
      let target: string;
      let body = raw;
      if (relay) {
        const [, , encoded, ...rest] = url.split("/");
        target = `${decodeURIComponent(encoded ?? "").replace(/\/$/, "")}/${rest.join("/")}`;
        if (raw.length) {
          const activity = JSON.parse(raw.toString()) as {
            conversation?: { id?: string; conversationType?: string };
          };
          const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(url)?.[1] ?? "");
          if (activity.conversation?.conversationType === "channel" || channels.has(conversationId))
            recordChannelActivity(activity);
        }
      } else {
        target = botEndpoint;
        const activity = JSON.parse(raw.toString() || "{}") as Record<string, unknown> & {
          serviceUrl?: string;
          conversation?: { id?: string; conversationType?: string };
        };
        if (activity.conversation?.conversationType === "channel" && activity.conversation.id)
          channels.add(activity.conversation.id);
        if (activity.serviceUrl)
          activity.serviceUrl = `${base}/connector/${encodeURIComponent(activity.serviceUrl)}/`;
        body = Buffer.from(JSON.stringify(activity));
      }
      const answer = await fetch(target, {
        method: req.method ?? "POST",
        headers: headersOf(req),
        ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: new Uint8Array(body) }),
      });
      const text = await answer.text();
      // An invoke answered in a channel is shown there too.
      if (!relay && text && channels.size) {
        const activity = JSON.parse(raw.toString() || "{}") as {
          conversation?: { conversationType?: string };
        };
        if (activity.conversation?.conversationType === "channel") recordChannelActivity(JSON.parse(text));
      }
      res.statusCode = answer.status;
      const type = answer.headers.get("content-type");
      if (type) res.setHeader("content-type", type);
      res.end(text);
    })().catch((e: unknown) => {
      res.statusCode = 502;
      res.end(String(e));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `${base}/api/messages`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
