// What every call goes through: the bearer token from sign-in, renewed once if the service refuses
// it, and the service's words for a refusal as an ApiError. The call groups beside this file import
// it from here rather than from ../api.js, which imports them.

import type { ProblemResponse, FieldProblem } from "../../../bot/src/adapters/http/contract/index.js";
import type {
  DownloadLinkBody,
  DownloadLinkResponse,
} from "../../../bot/src/adapters/http/contract/downloads.js";
import type { TokenSource } from "../tokens.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The service's words about particular fields, to show beside each. */
    readonly fields: FieldProblem[] = [],
    /** The service's stable code for the refusal, for a form that offers a way on. */
    readonly code: string = "",
  ) {
    super(message);
  }
}

/** Sends a call with the current token; if the service refuses it (401), once more with a renewed one. */
async function authorised(path: string, tokens: TokenSource, init: RequestInit = {}): Promise<Response> {
  const send = (token: string) => {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    return fetch(path, { ...init, headers });
  };
  const res = await send(await tokens.current());
  return res.status === 401 ? send(await tokens.renew()) : res;
}

/** One call to the service, with the current token; the service's words for a refusal are the error. */
export async function request<T>(
  path: string,
  tokens: TokenSource | null,
  init: RequestInit = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  const withHeaders = { ...init, headers };
  const res = await (tokens ? authorised(path, tokens, withHeaders) : fetch(path, withHeaders));
  const body = (await res.json().catch(() => ({}))) as Partial<ProblemResponse>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body.error?.message ?? `The service answered ${res.status}. Please try again.`,
      body.error?.fields,
      body.error?.code,
    );
  }
  return body as T;
}

/**
 * A download link to a file the service makes, for the signed-in person (openDownload.ts opens it);
 * one the person may not have is refused in the service's words.
 */
export const file = (path: string, tokens: TokenSource): Promise<DownloadLinkResponse> =>
  request<DownloadLinkResponse>("/api/downloads", tokens, {
    method: "POST",
    body: JSON.stringify({ path } satisfies DownloadLinkBody),
  });
