import {
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { ZodError } from "zod";

// One connection to Microsoft Graph, shared by the calendar and the directory. The base URL is
// configuration: Microsoft's cloud in production, a local stand-in in tests and on a developer's
// machine. Every request goes through the same middleware: the bearer token, Graph's retry handler
// (429, 503 and 504, honouring Retry-After, with exponential back-off), then fetch. What went wrong
// is sorted into a few kinds here; each adapter words them for its own users.

export interface GraphTokenSource {
  getToken(scopes: string | string[]): Promise<{ token: string } | null>;
}

export type GraphFailure =
  /** The credential threw: no consent, or the sign-in could not be exchanged. */
  | { kind: "no-consent"; detail: string }
  | { kind: "no-token" }
  /** Graph answered 2xx with a body the adapter's schema refused. */
  | { kind: "unexpected-answer"; detail: string }
  /** No HTTP answer at all. */
  | { kind: "unreachable" }
  | {
      kind: "sign-in" | "no-access" | "not-found" | "busy" | "unavailable" | "refused";
      status: number;
      code: string | undefined;
      /** What Graph said, for the log; never shown to a user. */
      detail: string;
    };

class BearerToken implements Middleware {
  private next: Middleware | undefined;
  /** The client wraps errors thrown here in a GraphError; the connection reads the real one here. */
  failure: GraphFailure | undefined;
  constructor(
    private readonly tokens: GraphTokenSource,
    private readonly scopes: string[],
  ) {}
  async execute(context: Context): Promise<void> {
    let token: { token: string } | null;
    try {
      token = await this.tokens.getToken(this.scopes);
    } catch (e) {
      this.failure = { kind: "no-consent", detail: (e as Error).message };
      throw e;
    }
    if (!token) {
      this.failure = { kind: "no-token" };
      throw new Error("no access token");
    }
    context.options ??= {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set("Authorization", `Bearer ${token.token}`);
    context.options.headers = Object.fromEntries(headers.entries());
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function failureOf(e: unknown): GraphFailure {
  if (e instanceof ZodError) return { kind: "unexpected-answer", detail: e.message };
  if (!(e instanceof GraphError)) return { kind: "unreachable" };
  const said = {
    status: e.statusCode,
    code: e.code ?? undefined,
    detail: `${e.statusCode} ${e.code ?? ""}: ${e.message}`,
  };
  switch (e.statusCode) {
    case 401:
      return { kind: "sign-in", ...said };
    case 403:
      return { kind: "no-access", ...said };
    case 404:
      return { kind: "not-found", ...said };
    case 429:
      return { kind: "busy", ...said };
    default:
      return { kind: e.statusCode >= 500 || e.statusCode < 0 ? "unavailable" : "refused", ...said };
  }
}

export interface GraphConnectionOptions {
  baseUrl: string;
  tokens: GraphTokenSource;
  scopes: string[];
  /** Graph's retry handler: seconds before the first retry when Graph sends no Retry-After. */
  retryDelaySeconds?: number;
  maxRetries?: number;
}

export class GraphConnection {
  readonly client: Client;
  private readonly auth: BearerToken;
  private readonly root: string;

  constructor(options: GraphConnectionOptions) {
    const auth = (this.auth = new BearerToken(options.tokens, options.scopes));
    const retry = new RetryHandler(
      new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 4),
    );
    auth.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: `${options.baseUrl}/`,
      defaultVersion: "v1.0",
    });
    this.root = `${options.baseUrl}/v1.0`;
  }

  /** Runs one piece of work; a failure is thrown as the adapter's own problem. */
  async call<T>(work: (client: Client) => Promise<T>, problem: (failure: GraphFailure) => Error): Promise<T> {
    this.auth.failure = undefined;
    try {
      return await work(this.client);
    } catch (e) {
      throw problem(this.auth.failure ?? failureOf(e));
    }
  }

  /** Graph's next links are absolute; the client wants a path under the version. */
  relative(link: string): string {
    return link.startsWith(this.root) ? link.slice(this.root.length) : link;
  }
}
