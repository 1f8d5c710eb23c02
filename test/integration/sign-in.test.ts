import assert from "node:assert/strict";
import { decodeJwt } from "jose";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// A police force's tenant, from which its officers are invited into the council's as guests.
const POLICE_TENANT = "22222222-2222-4222-8222-222222222222";

describe("Signing in to the tab's API", () => {
  let service: TestService;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({ DEV_TOKEN_SECONDS: "3" }, { now: () => now });
  });
  after(async () => service.close());

  it("gives a partner agency's guest the same answers as the same person signed in as a member", async () => {
    const officer = PEOPLE.mertonPoliceOfficer;
    const person = { id: officer.id, name: officer.displayName, email: officer.email };
    const idp = service.devIdp ?? assert.fail("development sign-in is off");
    const guest = await idp.issue({ ...person, guestFrom: { tenantId: POLICE_TENANT } });
    assert.equal(decodeJwt(guest)["acct"], 1);
    const member = await signInAs(service, officer.id);
    for (const path of ["/api/me", "/api/panels"]) {
      const asGuest = await call(service, path, { token: guest });
      const asMember = await call(service, path, { token: member });
      assert.equal(asGuest.status, 200, path);
      assert.deepEqual(asGuest.body, asMember.body, path);
    }
  });

  it("issues development tokens for the lifetime it is set to, and says so", async () => {
    const res = await call<{ token: string; expiresIn: number }>(service, "/dev-idp/token", {
      body: { personId: PEOPLE.mertonCoordinator.id },
    });
    assert.equal(res.body.expiresIn, 3);
    const { iat, exp } = decodeJwt(res.body.token);
    assert.equal((exp ?? 0) - (iat ?? 0), 3);
  });

  it("refuses a development token once it has expired, and takes the next one", async function () {
    this.timeout(10_000);
    const first = await signInAs(service, PEOPLE.mertonCoordinator.id);
    assert.equal((await call(service, "/api/me", { token: first })).status, 200);
    await new Promise((r) => setTimeout(r, 4_100));
    const expired = await call<{ error: { message: string } }>(service, "/api/me", { token: first });
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, /Your sign-in has expired/);
    const next = await signInAs(service, PEOPLE.mertonCoordinator.id);
    assert.equal((await call(service, "/api/me", { token: next })).status, 200);
  });
});
