import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import {
  devIdentityProvider,
  type DevIdentityProvider,
} from "../../bot/src/adapters/identity/dev-identity-provider.js";
import { InvalidToken, tokenValidator } from "../../bot/src/adapters/identity/token-validator.js";

// The council's tenant, and a police force's tenant its officers are invited from as guests.
const HOST = "11111111-1111-4111-8111-111111111111";
const POLICE = "22222222-2222-4222-8222-222222222222";
const issuerOf = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;
const AUDIENCE = "api://mace-panels.example/33333333-3333-4333-8333-333333333333";
const officer = {
  id: "00000000-0000-4000-8000-000000000102",
  name: "Tom Ashworth",
  email: "tom.ashworth@met.example",
};

describe("Sign-in tokens", () => {
  let keys: Server;
  let host: DevIdentityProvider;
  let police: DevIdentityProvider;
  // Signs with the council's issuer but another tenant.
  let impostor: DevIdentityProvider;
  // Signs as Entra ID does when the app has not asked for the optional `acct` claim.
  let withoutAcct: { key: CryptoKey; jwk: JWK };
  let validate: ReturnType<typeof tokenValidator>;

  before(async () => {
    const provider = (tenantId: string) =>
      devIdentityProvider({ issuer: issuerOf(tenantId), audience: AUDIENCE, tenantId, tokenSeconds: 3600 });
    [host, police] = await Promise.all([provider(HOST), provider(POLICE)]);
    impostor = await devIdentityProvider({
      issuer: issuerOf(HOST),
      audience: AUDIENCE,
      tenantId: POLICE,
      tokenSeconds: 3600,
    });
    const pair = await generateKeyPair("ES256");
    withoutAcct = { key: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: "plain" } };
    // Entra ID signs every tenant's tokens with the same published keys, so a key alone proves nothing.
    const published = [...host.jwks.keys, ...police.jwks.keys, ...impostor.jwks.keys, withoutAcct.jwk];
    keys = createServer((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((ready) => keys.listen(0, "127.0.0.1", ready));
    const { port } = keys.address() as AddressInfo;
    validate = tokenValidator({
      issuer: issuerOf(HOST),
      audience: [AUDIENCE],
      jwksUri: `http://127.0.0.1:${port}/keys`,
      tenantId: HOST,
      clockToleranceSeconds: 0,
    });
  });
  after(() => keys.close());

  const refusal = async (token: string, message: RegExp) => {
    await assert.rejects(
      validate(token),
      (e: unknown) => e instanceof InvalidToken && message.test(e.reason),
    );
  };

  it("accepts a member of the council's tenant", async () => {
    const user = await validate(await host.issue(officer));
    assert.deepEqual(user, {
      id: officer.id,
      name: "Tom Ashworth",
      tenantId: HOST,
      guest: false,
      upn: officer.email,
    });
  });

  it("accepts a partner agency's guest exactly like a member, by their object id in the council's tenant", async () => {
    const token = await host.issue({ ...officer, guestFrom: { tenantId: POLICE } });
    // The shape Entra ID gives a B2B guest: the host's tenant, their home tenant only as `idp`.
    const claims = decodeJwt(token);
    assert.equal(claims["tid"], HOST);
    assert.equal(claims.iss, issuerOf(HOST));
    assert.equal(claims["acct"], 1);
    assert.equal(claims["idp"], `https://sts.windows.net/${POLICE}/`);
    assert.match(String(claims["upn"]), /^tom\.ashworth_met\.example#EXT#@/);

    const user = await validate(token);
    // The host tenant's #EXT# name, by which configuration names a guest administrator.
    assert.deepEqual(user, {
      id: officer.id,
      name: "Tom Ashworth",
      tenantId: HOST,
      guest: true,
      upn: claims["upn"],
    });
  });

  it("leaves it unknown whether someone is a guest when the token does not say", async () => {
    const token = await new SignJWT({ oid: officer.id, name: officer.name, tid: HOST })
      .setProtectedHeader({ alg: "ES256", kid: "plain" })
      .setIssuer(issuerOf(HOST))
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(withoutAcct.key);
    assert.equal((await validate(token)).guest, undefined);
  });

  it("refuses the guest's token from their own force's tenant", async () => {
    await refusal(await police.issue(officer), /could not be verified/);
  });

  it("refuses a token whose issuer is right but whose tenant is not", async () => {
    await refusal(await impostor.issue(officer), /belongs to another organisation/);
  });

  it("refuses a token for another application", async () => {
    await refusal(
      await host.issue(officer, 3600, { audience: "api://another-app", scopes: [] }),
      /could not be verified/,
    );
  });

  it("refuses a token the moment it expires when both clocks are this one", async () => {
    await refusal(await host.issue(officer, -1), /has expired/);
  });

  it("allows Entra ID's clock a minute's drift, and no more", async () => {
    const lenient = tokenValidator({
      issuer: issuerOf(HOST),
      audience: AUDIENCE,
      jwksUri: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/keys`,
      tenantId: HOST,
      clockToleranceSeconds: 60,
    });
    assert.equal((await lenient(await host.issue(officer, -30))).id, officer.id);
    await assert.rejects(lenient(await host.issue(officer, -90)), InvalidToken);
  });
});
