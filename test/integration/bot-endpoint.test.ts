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

/** What the process writes to stdout and stderr while `run` runs (the service logs elsewhere). */
async function capturingOutput(run: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write.bind(s));
  for (const s of streams)
    s.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof s.write;
  try {
    await run();
  } finally {
    streams.forEach((s, i) => (s.write = originals[i] as typeof s.write));
  }
  return written;
}

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

  it("writes nothing but its JSON log while refusing forged and expired tokens", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ aud: BOT_ID, serviceurl: activity.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid: "test-bf-key" })
      .setIssuer("https://api.botframework.com")
      .setExpirationTime("1h")
      .sign(privateKey);
    const expired = await keys.sign({ aud: BOT_ID, serviceurl: activity.serviceUrl, exp: 1_700_000_000 });
    const wrongIssuer = await new SignJWT({ aud: BOT_ID })
      .setProtectedHeader({ alg: "RS256", kid: "test-bf-key" })
      .setIssuer("https://attacker.example")
      .sign(privateKey);
    const written = await capturingOutput(async () => {
      for (const token of [forged, expired, wrongIssuer, "not-a-jwt"])
        assert.equal((await post(token)).status, 401);
    });
    assert.deepEqual(written, []);
  });

  it("refuses a token with no signature at all with 401", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: "https://api.botframework.com", aud: BOT_ID })).toString(
      "base64url",
    );
    assert.equal((await post(`${header}.${body}.`)).status, 401);
  });
});
