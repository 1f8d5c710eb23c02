import { createRemoteJWKSet, jwtVerify, errors } from "jose";

export interface SignedInUser {
  /** The person's object id in this organisation's tenant: a guest's too, never their home tenant's. */
  id: string;
  name: string;
  tenantId: string;
  /** A B2B guest from a partner agency's tenant; unknown unless the token carries the `acct` claim. */
  guest: boolean | undefined;
  /** Their user principal name, by which configuration may name an area's first administrators. */
  upn: string | undefined;
}

export interface TokenValidationConfig {
  issuer: string;
  audience: string | string[];
  jwksUri: string;
  /** The organisation's own tenant: members and guests alike sign in to it. */
  tenantId: string;
  /** How far the issuer's clock may be from ours. */
  clockToleranceSeconds: number;
}

/** The token could not be accepted; `reason` is safe to show to the user. */
export class InvalidToken extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "InvalidToken";
  }
}

/**
 * One validation path for every bearer token: signature against the issuer's published keys,
 * then issuer, audience, tenant and expiry. Locally the issuer is the development identity
 * provider; in Azure it is Entra ID. Only the configuration differs.
 */
export function tokenValidator(config: TokenValidationConfig) {
  const keys = createRemoteJWKSet(new URL(config.jwksUri), { cooldownDuration: 30_000 });
  return async function validate(token: string): Promise<SignedInUser> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ["RS256", "ES256"],
        requiredClaims: ["exp", "oid", "tid"],
        clockTolerance: config.clockToleranceSeconds,
      });
      // A guest's token is issued by this tenant too: only `idp` and `acct` name their home.
      if (payload["tid"] !== config.tenantId) {
        throw new InvalidToken(
          "Your sign-in belongs to another organisation. Open MACE panels from the partnership's team in Teams.",
        );
      }
      const name = typeof payload["name"] === "string" ? payload["name"] : String(payload["oid"]);
      const acct = payload["acct"];
      // Entra ID puts `upn` in v1 tokens (and guests' #EXT# names); v2 tokens have preferred_username.
      const upn = [payload["upn"], payload["preferred_username"]].find(
        (v): v is string => typeof v === "string" && v.length > 0,
      );
      return {
        id: String(payload["oid"]),
        name,
        tenantId: config.tenantId,
        guest: acct === 1 ? true : acct === 0 ? false : undefined,
        upn,
      };
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new InvalidToken("Your sign-in has expired. Sign in again.");
      if (e instanceof errors.JOSEError)
        throw new InvalidToken("Your sign-in could not be verified. Sign in again.");
      throw e;
    }
  };
}
export type TokenValidator = ReturnType<typeof tokenValidator>;
