import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";

// botbuilder writes the whole published key set to stderr (console.error, no logger setting) for
// every token whose signature, issuer or expiry fails. The same checks run here first, so only a
// token botbuilder will accept on those counts ever reaches it; it still checks audience and
// endorsements itself.

/** Where Bot Framework's channels publish their signing keys in the public cloud. */
export const PUBLIC_CHANNEL_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration";
const CHANNEL_ISSUER = "https://api.botframework.com";
// As botbuilder's AuthenticationConstants.AllowedSigningAlgorithms and its 5 minutes of clock skew.
const ALGORITHMS = ["RS256", "RS384", "RS512"];
const CLOCK_TOLERANCE_S = 5 * 60;

const Metadata = z.object({ jwks_uri: z.url() });

/** Whether an Authorization header carries a token signed by the channel's published keys. */
export type ChannelTokenCheck = (authorization: string) => Promise<boolean>;

export function channelTokenCheck(metadataUrl: string): ChannelTokenCheck {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const keySet = () => {
    keys ??= (async () => {
      const res = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`the OpenID metadata answered ${res.status}`);
      return createRemoteJWKSet(new URL(Metadata.parse(await res.json()).jwks_uri));
    })();
    // A failed fetch is tried again on the next request rather than remembered.
    keys.catch(() => (keys = undefined));
    return keys;
  };
  return async (authorization) => {
    const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== "bearer" || !token || rest.length) return false;
    try {
      await jwtVerify(token, await keySet(), {
        issuer: CHANNEL_ISSUER,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      return true;
    } catch {
      return false;
    }
  };
}
