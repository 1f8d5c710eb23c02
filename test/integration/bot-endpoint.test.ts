import assert from "node:assert/strict";
import { generateKeyPair, SignJWT } from "jose";
import { botFrameworkKeys } from "../support/bot-framework-keys.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";

const BOT_ID = "5f0c3a8e-7f7e-4a53-9d5a-1a2b3c4d5e6f";

const activity = {
  type: "message",
  id: "1",
  text: "help",
  channelId: "msteams",
  serviceUrl: "http://127.0.0.1:9/",
  from: { id: "user-1", aadObjectId: PEOPLE.mertonCoordinator.id },
  recipient: { id: `28:${BOT_ID}` },
  conversation: { id: "a:personal", conversationType: "personal" },
};

describe("The bot endpoint with an app ID configured", () => {
  let service: TestService;
  let keys: Awaited<ReturnType<typeof botFrameworkKeys>>;

  before(async () => {
    keys = await botFrameworkKeys();
    service = await startTestService({
      BOT_ID,
      BOT_TYPE: "MultiTenant",
      SECRET_BOT_PASSWORD: "test-only-secret",
      BOT_OPENID_METADATA_URL: keys.metadataUrl,
    });
  });
  after(async () => {
    await service.close();
    await keys.close();
  });

  const post = (token?: string, body: object = activity) => call(service, "/api/messages", { token, body });

  it("accepts a request signed with Bot Framework's published key for this bot", async () => {
    const token = await keys.sign({ aud: BOT_ID, serviceurl: activity.serviceUrl });
    const res = await post(token, { ...activity, type: "typing", text: undefined });
    assert.equal(res.status, 200);
  });

  it("refuses a token Bot Framework signed for another bot with 401", async () => {
    const token = await keys.sign({ aud: "another-bot-id", serviceurl: activity.serviceUrl });
    assert.equal((await post(token)).status, 401);
  });

  it("refuses an unsigned request with 401", async () => {
    assert.equal((await post()).status, 401);
  });

  it("refuses a token that Bot Framework did not sign with 401", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ serviceurl: activity.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid: "test-bf-key" })
      .setIssuer("https://api.botframework.com")
      .setAudience(BOT_ID)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    assert.equal((await post(forged)).status, 401);
  });

  it("refuses a token with no signature at all with 401", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: "https://api.botframework.com", aud: BOT_ID })).toString(
      "base64url",
    );
    assert.equal((await post(`${header}.${body}.`)).status, 401);
  });
});
