import assert from "node:assert/strict";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { forgetPerson } from "../support/forget-person.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Asking to join a panel through the tab's API, against Azurite: recorded in the area's records,
// listed for the panel's coordinator only, approved into the directory, or declined.

interface Problem {
  error: { code: string; message: string; fields?: { field: string }[] };
}

// Invented, and on no panel: signed in by the development identity provider directly.
const NEWCOMERS = {
  noor: {
    id: "00000000-0000-4000-8000-000000000199",
    name: "Noor Castellan",
    email: "noor.castellan@merton.example",
  },
  ravi: {
    id: "00000000-0000-4000-8000-000000000198",
    name: "Ravi Okonjo-Hale",
    email: "ravi.okonjo@met.example",
  },
};
const ASK = {
  panelId: "merton-pre-mace",
  agencyId: "mer-education",
  reason: "I lead safeguarding at a Mitcham secondary school.",
};

describe("Access requests through the tab's API (Azurite)", () => {
  let service: TestService;
  before(async () => {
    // The clock every suite seeds the demo referrals on.
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
  });
  after(async () => {
    await service?.close();
    await forgetPerson(NEWCOMERS.noor.id, "merton", "merton-pre-mace");
  });

  const tokenOf = (who: { id: string; name: string; email: string }) => {
    assert.ok(service.devIdp);
    return service.devIdp.issue(who);
  };

  it("someone on no panel is told whom to ask, and asks once", async () => {
    const token = await tokenOf(NEWCOMERS.noor);
    const who = await call<{
      hasAccess: boolean;
      areas: { id: string; panels: { id: string; coordinators: string[] }[] }[];
    }>(service, "/api/access/who-to-ask", { token });
    assert.equal(who.status, 200);
    assert.equal(who.body.hasAccess, false);
    const merton = who.body.areas.find((a) => a.id === "merton");
    assert.deepEqual(merton?.panels.find((p) => p.id === "merton-pre-mace")?.coordinators, ["Priya Okafor"]);

    const bad = await call<Problem>(service, "/api/access-requests", { token, body: { ...ASK, reason: "" } });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.error.fields?.map((f) => f.field),
      ["reason"],
    );
    const asked = await call<{ id: string; status: string; email: string }>(service, "/api/access-requests", {
      token,
      body: ASK,
    });
    assert.equal(asked.status, 201, asked.text);
    assert.deepEqual(
      [asked.body.id, asked.body.status, asked.body.email],
      [`merton-pre-mace~${NEWCOMERS.noor.id}`, "open", NEWCOMERS.noor.email],
    );
    const again = await call<Problem>(service, "/api/access-requests", { token, body: ASK });
    assert.deepEqual([again.status, again.body.error.code], [409, "already-asked"]);
  });

  it("the coordinator sees it; a member and another area's coordinator are refused", async () => {
    const list = await call<{ requests: { displayName: string; agency: string }[] }>(
      service,
      "/api/areas/merton/access-requests",
      { token: await signInAs(service, PEOPLE.mertonCoordinator.id) },
    );
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.requests.map((r) => [r.displayName, r.agency]),
      [["Noor Castellan", "Education"]],
    );
    for (const other of [PEOPLE.mertonPoliceOfficer, PEOPLE.lambethCoordinator]) {
      const refused = await call<Problem>(service, "/api/areas/merton/access-requests", {
        token: await signInAs(service, other.id),
      });
      assert.deepEqual([refused.status, refused.body.error.code], [403, "not-a-manager"]);
    }
  });

  it("approved as a member, the person is in Merton's directory and sees the panel on their next call", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const path = `/api/access-requests/${encodeURIComponent(`merton-pre-mace~${NEWCOMERS.noor.id}`)}/decision`;
    const byMember = await call<Problem>(service, path, {
      token: await signInAs(service, PEOPLE.mertonPoliceOfficer.id),
      body: { approve: "member" },
    });
    assert.equal(byMember.status, 403);
    const decided = await call<{ status: string; decided: { byName: string; role: string } }>(service, path, {
      token: priya,
      body: { approve: "member" },
    });
    assert.equal(decided.status, 200, decided.text);
    assert.deepEqual(
      [decided.body.status, decided.body.decided.byName, decided.body.decided.role],
      ["approved", "Priya Okafor", "member"],
    );
    const panels = await call<{ panels: { id: string; role: string }[] }>(service, "/api/panels", {
      token: await tokenOf(NEWCOMERS.noor),
    });
    assert.deepEqual(
      panels.body.panels.map((p) => [p.id, p.role]),
      [["merton-pre-mace", "member"]],
    );
    const twice = await call<Problem>(service, path, { token: priya, body: { decline: "No" } });
    assert.deepEqual([twice.status, twice.body.error.code], [409, "already-decided"]);

    const casework = caseworkTables(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    assert.equal(
      (await casework.accessRequest("merton", "merton-pre-mace", NEWCOMERS.noor.id))?.value.status,
      "approved",
    );
    assert.deepEqual(await casework.openAccessRequests("merton", "merton-pre-mace"), []);
  });

  it("declined with a reason, nothing is added to the directory", async () => {
    const token = await tokenOf(NEWCOMERS.ravi);
    await call(service, "/api/access-requests", { token, body: { ...ASK, agencyId: "mer-police" } });
    const path = `/api/access-requests/${encodeURIComponent(`merton-pre-mace~${NEWCOMERS.ravi.id}`)}/decision`;
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const noReason = await call<Problem>(service, path, { token: priya, body: { decline: "" } });
    assert.equal(noReason.status, 400);
    const declined = await call<{ status: string }>(service, path, {
      token: priya,
      body: { decline: "Police join through their lead representative." },
    });
    assert.equal(declined.body.status, "declined");
    const who = await call<{ hasAccess: boolean }>(service, "/api/access/who-to-ask", { token });
    assert.equal(who.body.hasAccess, false);
  });
});
