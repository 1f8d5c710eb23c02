import assert from "node:assert/strict";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { directoryAccess } from "../../bot/src/adapters/graph/directory-access.js";
import { DirectoryProblem, GraphDirectory } from "../../bot/src/adapters/graph/graph-directory.js";
import { devIdentityProvider } from "../../bot/src/adapters/identity/dev-identity-provider.js";
import { DEV_TENANT_ID, loadSettings } from "../../bot/src/settings.js";
import { startGraphServer, type GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";

const ISSUER = "https://idp.test";
const SAM_UPN = "sam.okonjo_met.example#EXT#@merton.example";

describe("Finding people in the organisation's directory through Microsoft Graph", function () {
  // Graph's retry handler waits as Graph asks (Retry-After) before trying again.
  this.timeout(30_000);
  let graph: GraphServer;
  let key: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: "k" })
      .setIssuer(ISSUER)
      .setAudience("https://graph.microsoft.com")
      .setExpirationTime("10m")
      .sign(key);
  /** The directory as the signed-in coordinator reaches it with delegated User.ReadBasic.All. */
  const asCoordinator = (claims: Record<string, unknown> = {}) =>
    new GraphDirectory({
      baseUrl: graph.url,
      scopes: ["User.ReadBasic.All"],
      retryDelaySeconds: 0,
      tokens: {
        getToken: async () => ({
          token: await sign({ oid: PEOPLE.mertonCoordinator.id, scp: "User.ReadBasic.All", ...claims }),
        }),
      },
    });
  /** The directory with the app's own User.Read.All. */
  const asApp = () =>
    new GraphDirectory({
      baseUrl: graph.url,
      scopes: [".default"],
      tokens: { getToken: async () => ({ token: await sign({ roles: ["User.Read.All"] }) }) },
    });
  const usersRequests = () => graph.requests.filter((r) => r.path.startsWith("/v1.0/users"));

  before(async () => {
    graph = await startGraphServer();
    const pair = await generateKeyPair("ES256");
    key = pair.privateKey;
    graph.trust({
      issuer: ISSUER,
      jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k", alg: "ES256" }] },
    });
  });
  after(() => graph.close());
  beforeEach(() => graph.reset());

  it("finds a person by the start of their name, and the person found is the person who signs in", async () => {
    const found = await asCoordinator().search("Grace Men", 10);
    assert.deepEqual(found, [
      {
        id: PEOPLE.mertonSocialWorker.id,
        displayName: "Grace Mensah",
        email: PEOPLE.mertonSocialWorker.email,
        userPrincipalName: PEOPLE.mertonSocialWorker.email,
        jobTitle: null,
        guest: false,
      },
    ]);
    const bySurname = await asCoordinator().search("oka", 10);
    assert.deepEqual(
      bySurname.map((p) => p.id),
      [PEOPLE.mertonCoordinator.id],
    );
  });

  it("finds a person by the start of their address", async () => {
    const found = await asCoordinator().search("felix.od", 10);
    assert.deepEqual(
      found.map((p) => [p.displayName, p.email]),
      [["Felix Oduya", "felix.oduya@merton.example"]],
    );
  });

  it("includes partner agencies' guests, marked as guests with their home address", async () => {
    const [sam] = await asCoordinator().search("Sam Okonjo", 10);
    assert.deepEqual(sam, {
      id: "00000000-0000-4000-8000-000000000204",
      displayName: "Sam Okonjo",
      email: "sam.okonjo@met.example",
      userPrincipalName: SAM_UPN,
      // User.ReadBasic.All reads no job title and no user type: the principal name marks the guest.
      jobTitle: null,
      guest: true,
    });
    const nurses = await asApp().search("ines.marwick@nhs", 10);
    assert.deepEqual(
      nurses.map((p) => [p.displayName, p.guest, p.jobTitle]),
      [["Ines Marwick", true, "Designated Nurse, Safeguarding Children"]],
    );
    const tom = await asCoordinator().search("tom.ashworth@met.example", 10);
    assert.deepEqual(
      tom.map((p) => [p.id, p.guest, p.email]),
      [[PEOPLE.mertonChair.id, true, PEOPLE.mertonChair.email]],
    );
  });

  it("returns at most the number asked for, and never asks Graph for more than its page of 999", async () => {
    const two = await asCoordinator().search("m", 2);
    assert.equal(two.length, 2);
    assert.match(usersRequests()[0]?.query ?? "", /(^|&)\$top=2(&|$)/);
    const many = await asCoordinator().search("m", 5000);
    assert.ok(many.length > 2);
    assert.match(usersRequests()[1]?.query ?? "", /(^|&)\$top=999(&|$)/);
    assert.deepEqual(await asCoordinator().search("m", 0), []);
    assert.deepEqual(await asCoordinator().search("   ", 10), []);
    assert.equal(usersRequests().length, 2);
  });

  it("searches with the quoting Graph asks for: a quote or backslash typed in a name is escaped", async () => {
    const [siobhan] = await asCoordinator().search("O'Rourke", 10);
    assert.equal(siobhan?.displayName, "Siobhan O'Rourke");
    assert.deepEqual(await asCoordinator().search('Grace "G" \\ Mensah', 10), []);
    assert.deepEqual(
      usersRequests().map((r) => r.status),
      [200, 200],
    );
  });

  it("reads one person by object id or by user principal name, and nobody for an unknown one", async () => {
    const directory = asCoordinator();
    assert.equal((await directory.find(PEOPLE.mertonNurse.id))?.email, PEOPLE.mertonNurse.email);
    assert.equal((await directory.find(PEOPLE.lambethCoordinator.email))?.id, PEOPLE.lambethCoordinator.id);
    const sam = await directory.find(SAM_UPN);
    assert.deepEqual([sam?.displayName, sam?.guest], ["Sam Okonjo", true]);
    // Graph reads a principal name starting with "$" only by key syntax.
    assert.equal((await directory.find("$mace.duty@merton.example"))?.displayName, "MACE Duty Desk");
    assert.equal(await directory.find("00000000-0000-4000-8000-00000000ffff"), undefined);
    assert.equal(await directory.find("nobody@merton.example"), undefined);
    assert.equal(await directory.find(""), undefined);
    assert.deepEqual(
      usersRequests().map((r) => r.status),
      [200, 200, 200, 200, 404, 404],
    );
  });

  it("always sends $search with ConsistencyLevel: eventual, which the stand-in, like Graph, requires", async () => {
    await asCoordinator().search("Priya", 5);
    const searches = usersRequests().filter(
      (r) => r.query.includes("%24search=") || r.query.includes("$search="),
    );
    assert.equal(searches.length, 1);
    assert.ok(searches.every((r) => r.consistencyLevel === "eventual"));

    const token = await sign({ oid: PEOPLE.mertonCoordinator.id, scp: "User.ReadBasic.All" });
    const bare = await call(graph, `/v1.0/users?$search=${encodeURIComponent('"displayName:Priya"')}`, {
      token,
    });
    assert.equal(bare.status, 400);
    assert.deepEqual(bare.body["error"], {
      code: "Request_UnsupportedQuery",
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
    assert.equal((await call(graph, "/v1.0/users?$top=1000", { token })).status, 400);
    assert.equal((await call(graph, "/v1.0/users?$select=id,favouriteColour", { token })).status, 400);
    assert.equal((await call(graph, "/v1.0/users/$mace.duty@merton.example", { token })).status, 400);
  });

  it("tells the coordinator plainly when Microsoft 365 refuses the search", async () => {
    await assert.rejects(asCoordinator({ scp: "User.Read" }).search("Priya", 5), (e: unknown) => {
      assert.ok(e instanceof DirectoryProblem);
      assert.equal(e.kind, "no-access");
      assert.match(e.message, /ask your IT team to grant the app the User\.ReadBasic\.All permission/);
      return true;
    });
    // Entra's default guest restrictions: a guest cannot list the host's users.
    const guest = asCoordinator({ oid: PEOPLE.mertonPoliceOfficer.id });
    await assert.rejects(guest.search("Priya", 5), (e: unknown) => {
      assert.ok(e instanceof DirectoryProblem);
      assert.equal(e.kind, "no-access");
      assert.match(e.message, /Guests from a partner agency cannot search it/);
      return true;
    });
  });

  it("waits and retries when Graph throttles, and says so plainly when Graph stays down", async () => {
    graph.inject({ status: 429, retryAfterSeconds: 1, method: "GET" });
    const found = await asCoordinator().search("Priya", 5);
    assert.deepEqual(
      found.map((p) => p.id),
      [PEOPLE.mertonCoordinator.id],
    );
    assert.deepEqual(
      usersRequests().map((r) => r.status),
      [429, 200],
    );

    graph.inject(...Array.from({ length: 5 }, () => ({ status: 503 as const, retryAfterSeconds: 0 })));
    await assert.rejects(asCoordinator().find(PEOPLE.mertonChair.id), (e: unknown) => {
      assert.ok(e instanceof DirectoryProblem);
      assert.equal(e.kind, "unavailable");
      assert.match(e.message, /Microsoft 365 did not answer/);
      return true;
    });
  });
});

describe("Which credential reaches the directory", () => {
  it("in development, the stand-in with the development identity provider's delegated tokens", async () => {
    const graph = await startGraphServer();
    try {
      const idp = await devIdentityProvider({
        issuer: ISSUER,
        audience: "api://localhost/mace-panels",
        tenantId: DEV_TENANT_ID,
        tokenSeconds: 3600,
      });
      graph.trust({ issuer: ISSUER, jwks: idp.jwks });
      const env = {
        APP_ENV: "test",
        DEV_SIGN_IN: "true",
        STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
        GRAPH_BASE_URL: graph.url,
      };
      const access = directoryAccess(loadSettings({ ...env, GRAPH_AUTH: "development" }), idp);
      assert.ok(access);
      const directory = access({ id: PEOPLE.lambethCoordinator.id, name: "Leila Haddad", token: "" });
      const found = await directory.search("Colm", 5);
      assert.deepEqual(
        found.map((p) => p.email),
        ["colm.ferreira@lambeth.example"],
      );
      assert.equal(directoryAccess(loadSettings({ ...env, GRAPH_AUTH: "off" }), idp), undefined);
    } finally {
      await graph.close();
    }
  });
});
