import { createRemoteJWKSet, jwtVerify, errors } from "jose";

export interface SignedInUser {
  id: string;
  name: string;
  tenantId: string | undefined;
}

export interface TokenValidationConfig {
  issuer: string;
  audience: string | string[];
  jwksUri: string;
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
 * then issuer, audience and expiry. Locally the issuer is the development identity provider;
 * in Azure it is Entra ID. Only the configuration differs.
 */
export function tokenValidator(config: TokenValidationConfig) {
  const keys = createRemoteJWKSet(new URL(config.jwksUri), { cooldownDuration: 30_000 });
  return async function validate(token: string): Promise<SignedInUser> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ["RS256", "ES256"],
        requiredClaims: ["exp", "oid"],
        clockTolerance: 60,
      });
      const name = typeof payload["name"] === "string" ? payload["name"] : String(payload["oid"]);
      const tid = typeof payload["tid"] === "string" ? payload["tid"] : undefined;
      return { id: String(payload["oid"]), name, tenantId: tid };
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new InvalidToken("Your sign-in has expired. Sign in again.");
      if (e instanceof errors.JOSEError)
        throw new InvalidToken("Your sign-in could not be verified. Sign in again.");
      throw e;
    }
  };
}
export type TokenValidator = ReturnType<typeof tokenValidator>;
