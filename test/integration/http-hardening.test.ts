import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Requests an attacker or a broken client sends: each is answered with a 4xx and a reason, never
// a fault, and every answer carries the headers a public-sector service is expected to send.

describe("The service under malformed requests", () => {
  let service: TestService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service.close());

  const send = (path: string, headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer>) =>
    fetch(`${service.url}${path}`, { method: "POST", headers, body });
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;

  for (const charset of ["latin1", "koi8-r"]) {
    it(`refuses a JSON body in ${charset} with 415 and a reason, before and after sign-in`, async () => {
      for (const path of ["/api/messages", "/api/panels/merton-pre-mace/channel"]) {
        const res = await send(
          path,
          { "content-type": `application/json; charset=${charset}` },
          '{"type":"message"}',
        );
        assert.equal(res.status, 415, path);
        assert.deepEqual(await errorOf(res), {
          code: "unsupported-charset",
          message: "Send the request body as UTF-8 JSON. Nothing was saved.",
        });
      }
    });
  }

  it("refuses a body compressed in a way it does not read with 415, and broken gzip with 400", async () => {
    for (const encoding of ["br", "x-unknown"]) {
      const res = await send(
        "/api/messages",
        { "content-type": "application/json", "content-encoding": encoding },
        "{}",
      );
      assert.equal(res.status, 415, encoding);
      assert.equal((await errorOf(res)).code, "unsupported-encoding");
    }
    const broken = new Uint8Array(gzipSync(Buffer.from('{"type":"message"}')).subarray(0, 12));
    const res = await send(
      "/api/messages",
      { "content-type": "application/json", "content-encoding": "gzip" },
      broken,
    );
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, "unreadable-body");
  });

  it("asks for a bearer token on every 401, and sends HSTS and a permissions policy", async () => {
    const res = await fetch(`${service.url}/api/panels`);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get("www-authenticate"), "Bearer");
    assert.equal(res.headers.get("strict-transport-security"), "max-age=31536000; includeSubDomains");
    assert.match(
      res.headers.get("permissions-policy") ?? "",
      /camera=\(\), microphone=\(\), geolocation=\(\)/,
    );
  });
});

describe("Rate limits", () => {
  let service: TestService;
  before(async () => {
    service = await startTestService({ RATE_LIMIT_PER_PERSON: "5", RATE_LIMIT_PER_ADDRESS: "40" });
  });
  after(() => service.close());

  it("ask a person who calls too often to wait, with Retry-After, while others carry on", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const hannah = await signInAs(service, PEOPLE.mertonNurse.id);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(service, "/api/panels", { token: priya })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    const refused = await call<{ error: { code: string; message: string } }>(service, "/api/panels", {
      token: priya,
    });
    assert.equal(refused.body?.error.code, "too-many-requests");
    assert.match(refused.body?.error.message ?? "", /Wait a minute, then try again/);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.equal((await call(service, "/api/panels", { token: hannah })).status, 200);
  });

  it("limit one network address on every path, the bot endpoint included", async () => {
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++)
      last = (await call(service, "/api/messages", { body: {} })).status;
    assert.equal(last, 429);
  });
});
