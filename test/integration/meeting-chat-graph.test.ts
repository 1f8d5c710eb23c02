import assert from "node:assert/strict";
import { GraphChats, teamsChats } from "../../bot/src/adapters/graph/graph-chats.js";
import { GraphConnection } from "../../bot/src/adapters/graph/graph-client.js";
import { devIdentityProvider } from "../../bot/src/adapters/identity/dev-identity-provider.js";
import { ChatLookupFailed } from "../../bot/src/application/ports/teams-chats.js";
import { DEV_TENANT_ID, loadSettings } from "../../bot/src/settings.js";
import { startGraphServer, type GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";

// Which meeting a Teams meeting chat is, as the service asks Microsoft Graph (the stand-in): the
// app's own token reads a meeting chat's join link; Graph's refusals and failures reach the
// service as a failed lookup, never as a meeting.

const ISSUER = "https://idp.test";
const GRAPH = "https://graph.microsoft.com";
const ORGANISER = PEOPLE.mertonCoordinator.id;

describe("Which meeting a Teams meeting chat is, from Microsoft Graph (Graph stand-in)", function () {
  this.timeout(30_000);
  let graph: GraphServer;
  let idp: Awaited<ReturnType<typeof devIdentityProvider>>;
  let joinUrl = "";
  let chatId = "";
  const delegated = (oid: string, scopes: string[]) =>
    idp.issue({ id: oid, name: "someone", email: "" }, 600, { audience: GRAPH, scopes });
  const env = () => ({
    APP_ENV: "test",
    DEV_SIGN_IN: "true",
    STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
    GRAPH_BASE_URL: graph.url,
  });
  const chatReads = () => graph.requests.filter((r) => r.path.startsWith("/v1.0/chats/"));

  before(async () => {
    graph = await startGraphServer({ shortJoinLinks: ["Invented Chat Panel"] });
    idp = await devIdentityProvider({
      issuer: ISSUER,
      audience: "api://localhost/mace-panels",
      tenantId: DEV_TENANT_ID,
      tokenSeconds: 3600,
    });
    graph.trust({ issuer: ISSUER, jwks: idp.jwks });
    const created = await call<{ onlineMeeting: { joinUrl: string } | null }>(
      graph,
      `/v1.0/users/${ORGANISER}/events`,
      {
        token: await delegated(ORGANISER, ["Calendars.ReadWrite"]),
        body: {
          subject: "Invented Chat Panel",
          start: { dateTime: "2027-03-04T09:30:00", timeZone: "GMT Standard Time" },
          end: { dateTime: "2027-03-04T10:30:00", timeZone: "GMT Standard Time" },
          isOnlineMeeting: true,
          onlineMeetingProvider: "teamsForBusiness",
        },
      },
    );
    assert.equal(created.status, 201, created.text);
    joinUrl = created.body.onlineMeeting?.joinUrl ?? "";
    chatId = graph.chatOf(joinUrl) ?? "";
  });
  after(() => graph.close());

  it("in development, the app's own token reads the meeting chat's join link, and a chat Graph does not know is none", async () => {
    const chats = teamsChats(loadSettings({ ...env(), GRAPH_AUTH: "development" }), idp);
    assert.match(joinUrl, /^https:\/\/teams\.microsoft\.com\/meet\/\d{13}\?p=\w+$/);
    assert.equal(await chats.joinUrlOfChat(chatId), joinUrl);
    assert.equal(await chats.joinUrlOfChat("19:meeting_InventedUnknown@thread.v2"), null);
    assert.deepEqual(
      chatReads().map((r) => r.status),
      [200, 404],
    );
    // Without Graph there is no one to ask.
    const off = teamsChats(loadSettings({ ...env(), GRAPH_AUTH: "off" }), idp);
    assert.equal(await off.joinUrlOfChat(chatId), null);
    assert.equal(chatReads().length, 2);
  });

  it("answers as Graph does: a chat as Graph holds it, and a person reads only their own meeting's chat, with a chat permission", async () => {
    const path = `/v1.0/chats/${encodeURIComponent(chatId)}`;
    const organiser = await call(graph, path, { token: await delegated(ORGANISER, ["Chat.ReadBasic"]) });
    assert.equal(organiser.status, 200, organiser.text);
    assert.equal(organiser.body["id"], chatId);
    assert.equal(organiser.body["chatType"], "meeting");
    assert.deepEqual((organiser.body["onlineMeetingInfo"] as { joinWebUrl: string }).joinWebUrl, joinUrl);
    const unpermitted = await call(graph, path, { token: await delegated(ORGANISER, ["User.Read"]) });
    assert.equal(unpermitted.status, 403);
    const someoneElse = await call(graph, path, {
      token: await delegated(PEOPLE.lambethCoordinator.id, ["Chat.ReadBasic"]),
    });
    assert.equal(someoneElse.status, 404);
    assert.equal((await call(graph, path)).status, 401);
  });

  it("a refusal or Graph not answering, after its retries, is a failed lookup saying its kind, never a meeting", async () => {
    const chats = (token: () => Promise<string>) =>
      new GraphChats(
        new GraphConnection({
          baseUrl: graph.url,
          scopes: [`${GRAPH}/.default`],
          retryDelaySeconds: 0,
          maxRetries: 1,
          tokens: { getToken: async () => ({ token: await token() }) },
        }),
      );
    const unpermitted = chats(() => delegated(ORGANISER, ["User.Read"]));
    await assert.rejects(
      unpermitted.joinUrlOfChat(chatId),
      (e: unknown) => e instanceof ChatLookupFailed && e.kind === "no-access" && e.status === 403,
    );
    graph.inject({ status: 503, retryAfterSeconds: 0 }, { status: 503, retryAfterSeconds: 0 });
    const app = chats(() =>
      idp.issue({ id: "app", name: "app", email: "" }, 600, { audience: GRAPH, scopes: [], app: true }),
    );
    await assert.rejects(app.joinUrlOfChat(chatId), (e: unknown) => {
      assert.ok(e instanceof ChatLookupFailed, String(e));
      assert.equal(e.kind, "unavailable");
      assert.ok(!e.message.includes(chatId), "the failure names the chat");
      return true;
    });
    // Answered on the retry, the lookup gives the link.
    graph.inject({ status: 503, retryAfterSeconds: 0 });
    assert.equal(await app.joinUrlOfChat(chatId), joinUrl);
  });
});
