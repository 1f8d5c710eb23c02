import express, { type NextFunction, type Request, type Response } from "express";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { calendarStandIn } from "./calendar.js";
import { chatsStandIn } from "./chats.js";
import { directoryStandIn } from "./users.js";
import { GraphRefusal, type Caller } from "./shared.js";

// A strict local stand-in for the Microsoft Graph endpoints the product uses: the calendar
// (calendar.ts), the meeting chats its online meetings have (chats.ts) and the directory's user
// search and read (users.ts). Graph itself cannot be
// reached from here, so this holds everything in memory and refuses what Graph refuses. It checks
// every token as Graph would (signature, issuer, audience, expiry, then the permission the endpoint
// needs), and it can be told to answer with throttling or server errors.

export type { SentMessage } from "./calendar.js";
export type { DirectoryUser } from "./users.js";

export interface GraphFault {
  status: 429 | 500 | 502 | 503 | 504;
  retryAfterSeconds?: number;
  /** Carry out the request, then answer with the fault, as a gateway timing out after commit does. */
  afterCommit?: boolean;
  /** Only requests with this method meet the fault. */
  method?: "GET" | "POST" | "PATCH" | "DELETE";
}

/** Whose tokens are accepted: an identity provider's issuer and its published (or given) keys. */
export type GraphTrust = { issuer: string; audience?: string } & (
  { jwksUri: string } | { jwks: JSONWebKeySet }
);

const GRAPH_AUDIENCE = "https://graph.microsoft.com";

export async function startGraphServer(
  options: {
    trust?: GraphTrust;
    unlicensed?: string[];
    /** Series whose subject holds one of these (a panel's name) are given Teams' short join links. */
    shortJoinLinks?: string[];
    port?: number;
  } = {},
) {
  let trust = options.trust;
  let keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet> | undefined;
  const faults: GraphFault[] = [];
  const requests: {
    method: string;
    path: string;
    status: number;
    query: string;
    consistencyLevel: string | undefined;
  }[] = [];

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "1mb" }));
  app.use((req, res, next) => {
    res.once("finish", () =>
      requests.push({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        query: req.originalUrl.split("?")[1] ?? "",
        consistencyLevel: req.get("consistencylevel"),
      }),
    );
    next();
  });

  // Faults are met before anything else, as a gateway in front of Graph would answer.
  app.use((req, res, next) => {
    const index = faults.findIndex((f) => !f.method || f.method === req.method);
    const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
    if (!fault) return next();
    const answer = (): void => {
      if (fault.retryAfterSeconds !== undefined) res.set("Retry-After", String(fault.retryAfterSeconds));
      res.status(fault.status).json({
        error: {
          code: fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable",
          message: fault.status === 429 ? "Too many requests." : "The service is temporarily unavailable.",
        },
      });
    };
    if (!fault.afterCommit) return answer();
    const realJson = res.json.bind(res);
    const realEnd = res.end.bind(res);
    res.json = () => {
      res.json = realJson;
      answer();
      return res;
    };
    res.end = (() => {
      res.end = realEnd;
      answer();
      return res;
    }) as typeof res.end;
    next();
  });

  // Who is calling; each endpoint then checks the permission it needs.
  const authenticate = async (req: Request): Promise<Caller> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    if (!match?.[1] || !trust) {
      throw new GraphRefusal(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    keys ??= "jwks" in trust ? createLocalJWKSet(trust.jwks) : createRemoteJWKSet(new URL(trust.jwksUri));
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer: trust.issuer,
        audience: trust.audience ?? GRAPH_AUDIENCE,
      });
      const roles = Array.isArray(payload["roles"]) ? (payload["roles"] as string[]) : [];
      const scp = typeof payload["scp"] === "string" ? payload["scp"] : "";
      const oid = payload["oid"];
      return {
        oid: oid === undefined ? undefined : String(oid),
        app: payload["idtyp"] === "app",
        scopes: scp.split(" ").filter(Boolean),
        roles,
      };
    } catch (e) {
      throw new GraphRefusal(
        401,
        "InvalidAuthenticationToken",
        `Access token validation failure: ${(e as Error).message}`,
      );
    }
  };

  const directory = directoryStandIn(app, authenticate);
  const chats = chatsStandIn(app, authenticate);
  const calendar = calendarStandIn(
    app,
    authenticate,
    chats,
    options.unlicensed ?? [],
    options.shortJoinLinks ?? [],
  );

  app.use((req, _res, next) =>
    next(
      new GraphRefusal(
        400,
        "BadRequest",
        `Resource not found for the segment '${req.path.split("/").pop()}'.`,
      ),
    ),
  );
  app.use((e: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (e instanceof GraphRefusal) {
      res.status(e.status).json({ error: { code: e.code, message: e.message } });
      return;
    }
    if (e instanceof SyntaxError) {
      res
        .status(400)
        .json({ error: { code: "BadRequest", message: "Unable to read JSON request payload." } });
      return;
    }
    res.status(500).json({ error: { code: "InternalServerError", message: (e as Error).message } });
  });

  const server = app.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Whose tokens to accept: the identity provider that signs them. */
    trust(next: GraphTrust): void {
      trust = next;
      keys = undefined;
    },
    /** The next matching requests are answered with these faults, in order. */
    inject(...next: GraphFault[]): void {
      faults.push(...next);
    },
    cancelInOutlook: calendar.cancelInOutlook,
    unlicense: calendar.unlicense,
    issueShortJoinLinks: calendar.issueShortJoinLinks,
    chatOf: chats.chatOf,
    events: calendar.events,
    sent: calendar.sent,
    /** The people in the directory, members and guests. */
    users: directory.users,
    requests,
    reset(): void {
      calendar.reset();
      chats.reset();
      faults.length = 0;
      requests.length = 0;
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type GraphServer = Awaited<ReturnType<typeof startGraphServer>>;
