import assert from "node:assert/strict";
import { accessPanel } from "../../../bot/src/application/access/panel-access.js";
import type { Caller } from "../../../bot/src/application/people/people-ports.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { fakePorts, peopleDesk, type FakePorts } from "../../support/fakes/index.js";

// The People commands as administrators and coordinators use them, on fakes: each within what
// they hold, a panel and an area never left without their coordinator or administrator, and
// every change audited.

const PRE_MACE = "merton-pre-mace";
const ines: Caller = demoActor("Ines Dalgaard"); // Merton's administrator, named in configuration
const priya: Caller = demoActor("Priya Okafor"); // coordinator of both Merton panels
const leila: Caller = demoActor("Leila Haddad"); // coordinator of Lambeth's panels
const asCaller = (p: Person): Caller => ({ id: p.id, name: p.displayName });

const refusedWith = (code: string, field?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code, e.message);
  if (field)
    assert.deepEqual(
      e.fields.map((f) => f.field),
      [field],
    );
  return true;
};

/** An invented Merton police officer with no place on a panel yet. */
const pat: Person = {
  id: "00000000-0000-4000-8000-000000000941",
  displayName: "Pat Invented-Deputy",
  email: "pat.invented@met.example",
  jobTitle: "Detective Sergeant",
  agencyId: "mer-police",
};
const details = (p: Person, extra: object = {}) => ({ ...p, ...extra });

describe("Managing an area's people", () => {
  let ports: FakePorts;
  let people: ReturnType<typeof peopleDesk>;
  beforeEach(() => {
    ports = fakePorts("2026-12-01T10:00:00Z");
    people = peopleDesk(ports);
  });
  const roleOf = async (personId: string, panelId = PRE_MACE) =>
    (await ports.directory.membersOf(panelId)).find((m) => m.personId === personId)?.role;
  const audited = () =>
    ports.casework
      .auditOf("merton")
      .map((e) => [e.action, e.actorId, e.personId, e.panelId].join(" "))
      .sort();

  it("an administrator can do everything in their area", async () => {
    await people.savePerson(ines, "merton", details(pat), "test");
    await people.setRole(ines, PRE_MACE, pat.id, { role: "coordinator" }, "test");
    await people.setAdministrator(ines, "merton", pat.id, true, "test");
    await people.savePerson(ines, "merton", details(pat, { approvesReferrals: true }), "test");
    await people.savePerson(
      ines,
      "merton",
      details(pat, { approvesReferrals: true, suspended: true }),
      "test",
    );
    const stored = await ports.directory.person(pat.id);
    assert.deepEqual([stored?.approvesReferralsIn, stored?.suspended], [["merton"], true]);
    assert.equal(await roleOf(pat.id), "coordinator");
    assert.deepEqual(await ports.directory.administratorsOf("merton"), [pat.id]);
    const view = await people.view(ines, "merton", "test");
    assert.ok(view.people.some((p) => p.id === pat.id));
  });

  it("an administrator can do nothing in another area", async () => {
    const colm = PEOPLE.lambethManager;
    await assert.rejects(people.view(ines, "lambeth", "test"), refusedWith("not-a-manager"));
    await assert.rejects(
      people.savePerson(ines, "lambeth", details(colm, { jobTitle: "Changed" }), "test"),
      refusedWith("not-a-manager"),
    );
    await assert.rejects(
      people.setRole(ines, "lambeth-mave", colm.id, { role: "chair" }, "test"),
      refusedWith("not-yours-to-grant"),
    );
    await assert.rejects(
      people.setAdministrator(ines, "lambeth", colm.id, true, "test"),
      refusedWith("not-yours-to-grant"),
    );
    assert.equal(await roleOf(colm.id, "lambeth-mave"), "member");
    assert.deepEqual(ports.casework.auditOf("lambeth"), []);
  });

  it("a coordinator gives roles on their panel, coordinator and below, and nowhere else", async () => {
    await people.savePerson(priya, "merton", details(pat), "test");
    for (const role of ["presenter", "member", "chair", "coordinator"]) {
      await people.setRole(priya, PRE_MACE, pat.id, { role }, "test");
      assert.equal(await roleOf(pat.id), role);
    }
    await assert.rejects(
      people.setRole(leila, PRE_MACE, pat.id, { role: "member" }, "test"),
      refusedWith("not-yours-to-grant"),
    );
  });

  it("a coordinator cannot make anyone an administrator, themselves included, name approvers or suspend", async () => {
    for (const who of [priya.id, PEOPLE.mertonNurse.id])
      await assert.rejects(
        people.setAdministrator(priya, "merton", who, true, "test"),
        refusedWith("not-yours-to-grant"),
      );
    const hannah = PEOPLE.mertonNurse;
    await assert.rejects(
      people.savePerson(priya, "merton", details(hannah, { approvesReferrals: true }), "test"),
      refusedWith("not-yours-to-grant"),
    );
    await assert.rejects(
      people.savePerson(priya, "merton", details(hannah, { suspended: true }), "test"),
      refusedWith("not-yours-to-grant"),
    );
    const kept = await ports.directory.person(hannah.id);
    assert.deepEqual([kept?.approvesReferralsIn, kept?.suspended], [undefined, undefined]);
    assert.deepEqual(await ports.directory.administratorsOf("merton"), []);
    assert.deepEqual(audited(), []);
  });

  it("the last coordinator of a panel cannot be removed or made something else", async () => {
    await assert.rejects(
      people.removeRole(ines, PRE_MACE, priya.id, "test"),
      refusedWith("last-coordinator"),
    );
    await assert.rejects(
      people.setRole(ines, PRE_MACE, priya.id, { role: "member" }, "test"),
      refusedWith("last-coordinator"),
    );
    assert.equal(await roleOf(priya.id), "coordinator");

    // With a second coordinator, either may go.
    await people.savePerson(ines, "merton", details(pat), "test");
    await people.setRole(ines, PRE_MACE, pat.id, { role: "coordinator" }, "test");
    await people.removeRole(ines, PRE_MACE, priya.id, "test");
    assert.equal(await roleOf(priya.id), undefined);
  });

  it("the last administrator of an area cannot be removed", async () => {
    await people.savePerson(ines, "merton", details(pat), "test");
    await people.setAdministrator(ines, "merton", pat.id, true, "test");
    // Configuration named none: Pat is the area's only administrator.
    ports.administrators.set("merton", []);
    await assert.rejects(
      people.setAdministrator(asCaller(pat), "merton", pat.id, false, "test"),
      refusedWith("last-administrator"),
    );
    assert.deepEqual(await ports.directory.administratorsOf("merton"), [pat.id]);
  });

  it("a suspended person is refused everywhere until restored", async () => {
    const hannah = PEOPLE.mertonNurse;
    await people.savePerson(ines, "merton", details(hannah, { suspended: true }), "test");
    for (const panelId of [PRE_MACE, "merton-strategic-mace"])
      await assert.rejects(accessPanel(ports, hannah.id, panelId), refusedWith("suspended"));

    // A suspended coordinator cannot manage people either.
    await people.savePerson(ines, "merton", details(PEOPLE.mertonCoordinator, { suspended: true }), "test");
    await assert.rejects(people.view(priya, "merton", "test"), refusedWith("suspended"));
    await assert.rejects(
      people.setRole(priya, PRE_MACE, hannah.id, { role: "chair" }, "test"),
      refusedWith("suspended"),
    );

    await people.savePerson(ines, "merton", details(hannah), "test");
    assert.equal((await accessPanel(ports, hannah.id, PRE_MACE)).role, "member");
  });

  it("a deputy must name a member of the panel from their own agency", async () => {
    await people.savePerson(ines, "merton", details(pat), "test");
    await assert.rejects(
      people.setRole(priya, PRE_MACE, pat.id, { role: "deputy", deputyFor: PEOPLE.mertonNurse.id }, "test"),
      refusedWith("deputy-for", "deputyFor"),
    );
    await assert.rejects(
      people.setRole(priya, PRE_MACE, pat.id, { role: "deputy" }, "test"),
      refusedWith("deputy-for", "deputyFor"),
    );
    assert.equal(await roleOf(pat.id), undefined);
    const daniel = PEOPLE.mertonPoliceOfficer;
    await people.setRole(priya, PRE_MACE, pat.id, { role: "deputy", deputyFor: daniel.id }, "test");
    const held = (await ports.directory.membersOf(PRE_MACE)).find((m) => m.personId === pat.id);
    assert.deepEqual([held?.role, held?.deputyFor], ["deputy", daniel.id]);
  });

  it("a display name over the 256 characters Entra ID allows is refused with the field, and nothing is written", async () => {
    ports.directory.calls.reset();
    for (const length of [257, 400])
      await assert.rejects(
        people.savePerson(ines, "merton", details(pat, { displayName: "A".repeat(length) }), "test"),
        refusedWith("invalid-person", "displayName"),
      );
    assert.equal(ports.directory.calls.of("savePerson"), 0);
    assert.equal(await ports.directory.person(pat.id), undefined);
    assert.deepEqual(audited(), []);
    await people.savePerson(ines, "merton", details(pat, { displayName: "A".repeat(256) }), "test");
    assert.equal((await ports.directory.person(pat.id))?.displayName.length, 256);
  });

  it("each change writes an audit entry: who, what and whose", async () => {
    await people.savePerson(ines, "merton", details(pat), "test");
    await people.savePerson(ines, "merton", details(pat, { jobTitle: "Detective Inspector" }), "test");
    await people.setRole(priya, PRE_MACE, pat.id, { role: "member" }, "test");
    await people.removeRole(priya, PRE_MACE, pat.id, "test");
    await people.setAdministrator(ines, "merton", pat.id, true, "test");
    await people.setAdministrator(ines, "merton", pat.id, false, "test");
    await people.savePerson(ines, "merton", details(pat, { suspended: true }), "test");
    await people.savePerson(ines, "merton", details(pat), "test");
    assert.deepEqual(
      audited(),
      [
        ["person.added", ines.id, pat.id, ""],
        ["person.changed", ines.id, pat.id, ""],
        ["role.granted", priya.id, pat.id, PRE_MACE],
        ["role.removed", priya.id, pat.id, PRE_MACE],
        ["administrator.granted", ines.id, pat.id, ""],
        ["administrator.removed", ines.id, pat.id, ""],
        ["person.suspended", ines.id, pat.id, ""],
        ["person.restored", ines.id, pat.id, ""],
      ]
        .map((e) => e.join(" "))
        .sort(),
    );
  });
});
