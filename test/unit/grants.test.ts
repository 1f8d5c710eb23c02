import assert from "node:assert/strict";
import { mayGrant, whyNot, type Authority, type Grant } from "../../bot/src/domain/people/grants.js";
import { PANEL_ROLES, type Membership } from "../../bot/src/domain/people/membership.js";

// Who may grant what (DESIGN.md §6): an area's administrator everything in their area and nothing
// in another; a panel's coordinator the panel's roles, coordinator and below, and nothing else.

const onPanel = (panelId: string, role: Membership["role"]): Membership => ({
  personId: "someone",
  panelId,
  role,
});
const mertonAdministrator: Authority = { administers: ["merton"], memberships: [] };
const preMaceCoordinator: Authority = {
  administers: [],
  memberships: [onPanel("merton-pre-mace", "coordinator"), onPanel("merton-strategic-mace", "member")],
};
const preMaceChair: Authority = { administers: [], memberships: [onPanel("merton-pre-mace", "chair")] };

/** Every kind of grant in an area, on the named panel. */
const everyGrant = (areaId: string, panelId: string): Grant[] => [
  ...PANEL_ROLES.map((role) => ({ kind: "panel-role" as const, areaId, panelId, role })),
  { kind: "administrator", areaId },
  { kind: "approver", areaId },
  { kind: "suspension", areaId },
  { kind: "details", areaId, panelIds: [panelId] },
];

describe("Who may grant what", () => {
  it("an area's administrator may grant everything in their area", () => {
    for (const grant of everyGrant("merton", "merton-pre-mace"))
      assert.ok(mayGrant(mertonAdministrator, grant), JSON.stringify(grant));
  });

  it("an area's administrator may grant nothing in another area", () => {
    for (const grant of everyGrant("lambeth", "lambeth-mave"))
      assert.ok(!mayGrant(mertonAdministrator, grant), JSON.stringify(grant));
  });

  it("a coordinator may give every role on their panel, coordinator included", () => {
    for (const role of PANEL_ROLES)
      assert.ok(
        mayGrant(preMaceCoordinator, {
          kind: "panel-role",
          areaId: "merton",
          panelId: "merton-pre-mace",
          role,
        }),
        role,
      );
    assert.ok(
      mayGrant(preMaceCoordinator, { kind: "details", areaId: "merton", panelIds: ["merton-pre-mace"] }),
      "and add people to the area's directory for it",
    );
  });

  it("a coordinator may not make administrators, name approvers, suspend, or change another panel", () => {
    const refused: Grant[] = [
      { kind: "administrator", areaId: "merton" },
      { kind: "approver", areaId: "merton" },
      { kind: "suspension", areaId: "merton" },
      { kind: "panel-role", areaId: "merton", panelId: "merton-strategic-mace", role: "presenter" },
      { kind: "details", areaId: "merton", panelIds: ["merton-strategic-mace"] },
      { kind: "panel-role", areaId: "lambeth", panelId: "lambeth-mave", role: "member" },
    ];
    for (const grant of refused) assert.ok(!mayGrant(preMaceCoordinator, grant), JSON.stringify(grant));
  });

  it("a chair, member or presenter may grant nothing", () => {
    for (const grant of everyGrant("merton", "merton-pre-mace"))
      assert.ok(!mayGrant(preMaceChair, grant), JSON.stringify(grant));
  });

  it("says who can, in words for the person refused", () => {
    assert.equal(
      whyNot({ kind: "administrator", areaId: "merton" }, "Merton"),
      "Only Merton's administrators can make someone an administrator.",
    );
    assert.equal(
      whyNot(
        { kind: "panel-role", areaId: "merton", panelId: "merton-pre-mace", role: "member" },
        "Merton",
        "Pre-MACE",
      ),
      "Only Pre-MACE's coordinators or Merton's administrators can change who is on it.",
    );
  });
});
