/** A request to a running server, as the tab or a client makes it; without a token it is anonymous. */
export interface Request {
  method?: string;
  token?: string | undefined;
  body?: unknown;
  ifMatch?: string | undefined;
}

/** A reply: `body` is its parsed JSON, or undefined when it is not JSON (see `text` and `bytes`). */
export interface Reply<T> {
  status: number;
  ok: boolean;
  headers: Headers;
  etag: string;
  text: string;
  bytes: Buffer;
  body: T;
}

/** One request to `server`'s `path`; a body is sent as JSON, with POST unless another method is given. */
export async function call<T = Record<string, unknown>>(
  server: { url: string },
  path: string,
  { method, token, body, ifMatch }: Request = {},
): Promise<Reply<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  const json = /\bjson\b/.test(res.headers.get("content-type") ?? "");
  return {
    status: res.status,
    ok: res.ok,
    headers: res.headers,
    etag: res.headers.get("etag") ?? "",
    text,
    bytes,
    body: (json && text ? JSON.parse(text) : undefined) as T,
  };
}
