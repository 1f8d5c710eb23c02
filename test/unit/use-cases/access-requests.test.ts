import assert from "node:assert/strict";
import { NoticeDelivery } from "../../../bot/src/application/notices/notice-delivery.js";
import { accessDesk, type AccessDesk } from "../../../bot/src/application/people/access-desk.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { DEMO_ADMINISTRATORS } from "../../../bot/src/seed/demo-people.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { demoActor } from "../../support/people.js";

// Someone on no panel asks to join one; its coordinator approves with a role or declines.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const lambethCoordinator = demoActor("Leila Haddad");
const mertonAdministrator = { id: DEMO_ADMINISTRATORS.get("merton")?.[0] ?? "", name: "Ines Dalgaard" };
// Invented: on no panel and in no area's directory.
const noor = {
  id: "00000000-0000-4000-8000-000000000199",
  name: "Noor Castellan",
  email: "noor.castellan@merton.example",
};
const ask = {
  panelId: PANEL,
  agencyId: "mer-education",
  reason: "I lead safeguarding at a Mitcham secondary school.",
  jobTitle: "Designated safeguarding lead",
};

const refused = (reason: string, code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.reason, reason, e.message);
  assert.equal(e.code, code);
  return true;
};

describe("Asking to join a panel, and deciding the request", () => {
  let ports: FakePorts;
  let desk: AccessDesk;
  beforeEach(() => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    desk = accessDesk({ ...ports, administrators: DEMO_ADMINISTRATORS });
  });
  const delivered = async (...reached: string[]) => {
    const delivery = new NoticeDelivery({ ...ports, messenger: ports.notices.reach(...reached) });
    delivery.kick("merton");
    await delivery.idle();
    return ports.notices.accessSent.map((s) => [s.recipientId, s.kind, s.request.status]);
  };

  it("someone on no panel is shown every area's panels with their coordinators' names; a member is not", async () => {
    const view = await desk.whoToAsk(noor);
    assert.equal(view.hasAccess, false);
    assert.equal(view.areaKnown, false);
    assert.equal(view.areas.length, ports.catalogue.areas.length);
    const merton = view.areas.find((a) => a.id === "merton");
    assert.deepEqual(merton?.panels.find((p) => p.id === PANEL)?.coordinators, ["Priya Okafor"]);
    assert.ok(merton?.agencies.some((a) => a.id === "mer-education"));
    assert.equal((await desk.whoToAsk(tom)).hasAccess, true);
  });

  it("a request is recorded once, with the name and email Teams gives, and its coordinators are told", async () => {
    const request = await desk.ask(noor, ask, "test");
    assert.deepEqual(
      [request.displayName, request.email, request.status, request.jobTitle],
      ["Noor Castellan", noor.email, "open", "Designated safeguarding lead"],
    );
    assert.deepEqual(ports.notified, ["merton"]);
    await assert.rejects(desk.ask(noor, ask, "test"), refused("not-now", "already-asked"));
    assert.deepEqual(await delivered(priya.id), [[priya.id, "access-requested", "open"]]);
    const view = await desk.whoToAsk(noor);
    assert.deepEqual(
      view.asked.map((a) => a.panelName),
      ["Pre-MACE operational panel"],
    );
    assert.deepEqual(
      ports.casework.auditOf("merton").map((a) => [a.action, a.personId]),
      [["access.requested", noor.id]],
    );
  });

  it("refuses a request without a reason, with one too long, for another area's agency, or without an email", async () => {
    await assert.rejects(desk.ask(noor, { ...ask, reason: "  " }, "test"), (e: unknown) => {
      assert.ok(e instanceof Refusal && e.reason === "invalid");
      assert.deepEqual(
        e.fields.map((f) => f.field),
        ["reason"],
      );
      return true;
    });
    await assert.rejects(
      desk.ask(noor, { ...ask, reason: "x".repeat(501) }, "test"),
      refused("invalid", "invalid-access-request"),
    );
    await assert.rejects(
      desk.ask(noor, { ...ask, agencyId: "lam-police" }, "test"),
      refused("invalid", "unknown-agency"),
    );
    await assert.rejects(
      desk.ask({ ...noor, email: undefined }, ask, "test"),
      refused("invalid", "unusable-identity"),
    );
    await assert.rejects(
      desk.ask({ ...noor, name: "N".repeat(256) }, ask, "test"),
      refused("invalid", "unusable-identity"),
    );
    await assert.rejects(
      desk.ask({ ...tom, email: "tom.ashworth@met.example" }, ask, "test"),
      refused("not-now", "already-on-panel"),
    );
    assert.deepEqual(await ports.casework.openAccessRequests("merton"), []);
  });

  it("the panel's coordinator and the area's administrator see the request; other members and other areas do not", async () => {
    await desk.ask(noor, ask, "test");
    assert.deepEqual(
      (await desk.openRequests(priya, { areaId: "merton" })).map((r) => r.personId),
      [noor.id],
    );
    assert.equal((await desk.openRequests(mertonAdministrator, { panelId: PANEL })).length, 1);
    await assert.rejects(
      desk.openRequests(tom, { areaId: "merton" }),
      refused("not-allowed", "not-a-manager"),
    );
    await assert.rejects(
      desk.openRequests(lambethCoordinator, { areaId: "merton" }),
      refused("not-allowed", "not-a-manager"),
    );
  });

  it("approving adds the person to the area's directory with the role, audited, and tells them", async () => {
    await desk.ask(noor, ask, "test");
    await assert.rejects(
      desk.decide(tom, `${PANEL}~${noor.id}`, { approve: "member" }, "test"),
      refused("not-allowed", "not-yours-to-grant"),
    );
    await assert.rejects(
      desk.decide(priya, `${PANEL}~${noor.id}`, { approve: "deputy" }, "test"),
      refused("invalid", "invalid-access-request"),
    );
    const decided = await desk.decide(priya, `${PANEL}~${noor.id}`, { approve: "member" }, "test");
    assert.deepEqual(
      [decided.status, decided.decided?.byName, decided.decided?.role],
      ["approved", "Priya Okafor", "member"],
    );
    const person = await ports.directory.person(noor.id);
    assert.deepEqual(
      [person?.agencyId, person?.jobTitle, person?.email],
      ["mer-education", "Designated safeguarding lead", noor.email],
    );
    assert.deepEqual(await ports.directory.membershipsOf(noor.id), [
      { personId: noor.id, panelId: PANEL, role: "member", deputyFor: null },
    ]);
    // Entries written at one instant come back in no particular order.
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .map((a) => a.action)
        .sort(),
      ["access.approved", "access.requested", "person.added", "role.granted"],
    );
    // Decided before the coordinator's card went: only the requester is told.
    assert.deepEqual(await delivered(priya.id, noor.id), [[noor.id, "access-decided", "approved"]]);
    await assert.rejects(
      desk.decide(priya, `${PANEL}~${noor.id}`, { decline: "no" }, "test"),
      refused("not-now", "already-decided"),
    );
    assert.equal((await desk.whoToAsk(noor)).hasAccess, true);
  });

  it("declining needs a reason, which the requester is told; they may ask again after", async () => {
    await desk.ask(noor, ask, "test");
    await assert.rejects(
      desk.decide(priya, `${PANEL}~${noor.id}`, { decline: " " }, "test"),
      refused("invalid", "invalid-access-request"),
    );
    await assert.rejects(
      desk.decide(lambethCoordinator, `${PANEL}~${noor.id}`, { decline: "Not ours" }, "test"),
      refused("not-allowed", "not-yours-to-grant"),
    );
    const decided = await desk.decide(
      priya,
      `${PANEL}~${noor.id}`,
      { decline: "Schools join through the education lead." },
      "test",
    );
    assert.equal(decided.decided?.reason, "Schools join through the education lead.");
    assert.equal(await ports.directory.person(noor.id), undefined);
    assert.deepEqual(await delivered(noor.id), [[noor.id, "access-decided", "declined"]]);
    assert.equal((await desk.ask(noor, ask, "test")).status, "open");
    await assert.rejects(
      desk.decide(priya, "nonsense", { decline: "x" }, "test"),
      refused("not-found", "unknown-request"),
    );
  });
});
