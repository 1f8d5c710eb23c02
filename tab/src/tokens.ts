import { api } from "./api.js";

// Where the tab's bearer token comes from. Every API call asks for one just before it is sent,
// and a call the service refuses with 401 asks once for a renewed one, so a page left open for
// a four-hour meeting keeps working as tokens expire.

/** The signed-in person's tokens, for as long as the page is open. */
export interface TokenSource {
  /** A token for the call about to be sent. */
  current(): Promise<string>;
  /** Another token, after the service refused the last one. */
  renew(): Promise<string>;
}

interface Issued {
  token: string;
  expiresIn: number;
}

/**
 * Development sign-in: the chosen demo person, with a token from the development identity
 * provider that is replaced shortly before it expires. `issue` asks the provider for one.
 */
export function renewingTokens(issue: () => Promise<Issued>, first: Issued): TokenSource {
  let held = { token: first.token, renewAt: renewalTime(first) };
  let renewing: Promise<string> | null = null;
  const renew = () => {
    // Calls made together share one renewal.
    renewing ??= issue()
      .then((issued) => {
        held = { token: issued.token, renewAt: renewalTime(issued) };
        return issued.token;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };
  return {
    current: () => (Date.now() < held.renewAt ? Promise.resolve(held.token) : renew()),
    renew,
  };
}

/** Development sign-in as a demo person, renewed from the development identity provider. */
export async function demoTokens(personId: string): Promise<TokenSource> {
  return renewingTokens(() => api.demoToken(personId), await api.demoToken(personId));
}

/** A third of the lifetime before expiry, at most a minute: long enough for a slow call to arrive. */
function renewalTime({ expiresIn }: Issued): number {
  return Date.now() + (expiresIn - Math.min(60, expiresIn / 3)) * 1000;
}
