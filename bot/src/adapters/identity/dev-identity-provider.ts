import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

export const DEV_TENANT_ID = "00000000-0000-4000-8000-00000000d0e1";

/**
 * A local stand-in for Entra ID, used only when development sign-in is on (never in Azure):
 * it signs tokens with a key made at start-up and publishes the public half as a JWKS,
 * so the service checks them with exactly the code it uses for Entra ID tokens. With development
 * Graph access on, it also signs the delegated tokens the local Graph stand-in accepts.
 */
export async function devIdentityProvider(issuer: string, audience: string) {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };

  return {
    jwks: { keys: [jwk] },
    async issue(
      user: { id: string; name: string; email: string },
      lifetimeSeconds = 3600,
      access: { audience: string; scopes: string[] } = { audience, scopes: [] },
    ): Promise<string> {
      return new SignJWT({
        oid: user.id,
        name: user.name,
        preferred_username: user.email,
        tid: DEV_TENANT_ID,
        ...(access.scopes.length ? { scp: access.scopes.join(" ") } : {}),
      })
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(issuer)
        .setAudience(access.audience)
        .setSubject(user.id)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey);
    },
  };
}
export type DevIdentityProvider = Awaited<ReturnType<typeof devIdentityProvider>>;
