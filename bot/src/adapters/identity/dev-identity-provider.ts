import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

export interface DevIdentityConfig {
  issuer: string;
  audience: string;
  /** The tenant every development token is issued in, as Entra ID issues guests' tokens in the host's. */
  tenantId: string;
  tokenSeconds: number;
}

export interface DevUser {
  id: string;
  name: string;
  email: string;
  /** Signs a B2B guest's token: the claims Entra ID gives a partner agency's guest in the host tenant. */
  guestFrom?: { tenantId: string };
}

/**
 * A local stand-in for Entra ID, used only when development sign-in is on (never in Azure):
 * it signs tokens with a key made at start-up and publishes the public half as a JWKS,
 * so the service checks them with exactly the code it uses for Entra ID tokens. With development
 * Graph access on, it also signs the delegated tokens, and the app's own, the local Graph stand-in accepts.
 */
export async function devIdentityProvider(config: DevIdentityConfig) {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };

  return {
    jwks: { keys: [jwk] },
    tokenSeconds: config.tokenSeconds,
    async issue(
      user: DevUser,
      lifetimeSeconds = config.tokenSeconds,
      /** `app`: the app's own token, as Entra ID issues one to the app itself, with no user's scopes. */
      access: { audience: string; scopes: string[]; app?: boolean } = {
        audience: config.audience,
        scopes: [],
      },
    ): Promise<string> {
      return new SignJWT({
        oid: user.id,
        name: user.name,
        preferred_username: user.email,
        tid: config.tenantId,
        ...(user.guestFrom ? guestClaims(user.email, user.guestFrom.tenantId) : { acct: 0 }),
        ...(access.scopes.length ? { scp: access.scopes.join(" ") } : {}),
        ...(access.app ? { idtyp: "app", roles: [] } : {}),
      })
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(config.issuer)
        .setAudience(access.audience)
        .setSubject(user.id)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey);
    },
  };
}
export type DevIdentityProvider = Awaited<ReturnType<typeof devIdentityProvider>>;

/** As Entra ID writes them: the home tenant as `idp`, and the invited address as an `#EXT#` name. */
function guestClaims(email: string, homeTenantId: string) {
  return {
    acct: 1,
    idp: `https://sts.windows.net/${homeTenantId}/`,
    upn: `${email.replace("@", "_")}#EXT#@partnership.onmicrosoft.example`,
  };
}
