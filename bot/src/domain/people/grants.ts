import type { Membership, PanelRole } from "./membership.js";

// Who may give whom which place (DESIGN.md §6). An area administrator manages the area's people,
// agencies and panel roles; a panel's coordinator manages that panel's roles. Nobody grants a role
// they do not hold: administrator ranks above coordinator, coordinator above every other panel
// role; only an administrator makes administrators, suspends people or names referral approvers.

/** What the person making a change holds. */
export interface Authority {
  /** Areas they administer (named in configuration or made administrator since). */
  administers: string[];
  memberships: Membership[];
}

export type Grant =
  | { kind: "panel-role"; areaId: string; panelId: string; role: PanelRole }
  | { kind: "administrator"; areaId: string }
  | { kind: "approver"; areaId: string }
  | { kind: "suspension"; areaId: string }
  /** Adding a person to the area's directory, or changing their agency and job title. */
  | { kind: "details"; areaId: string; panelIds: string[] };

const RANK: Record<PanelRole, number> = {
  coordinator: 2,
  chair: 1,
  member: 1,
  deputy: 1,
  presenter: 1,
  analyst: 1,
};

export function mayGrant(by: Authority, grant: Grant): boolean {
  if (by.administers.includes(grant.areaId)) return true;
  const coordinates = (panelId: string) =>
    by.memberships.some((m) => m.panelId === panelId && m.role === "coordinator");
  switch (grant.kind) {
    case "panel-role":
      return coordinates(grant.panelId) && RANK[grant.role] <= RANK.coordinator;
    case "details":
      return grant.panelIds.some(coordinates);
    default:
      return false;
  }
}

/** Why a grant is refused, in words for the person who tried. */
export function whyNot(grant: Grant, areaName: string, panelName?: string): string {
  switch (grant.kind) {
    case "panel-role":
      return `Only ${panelName ?? "the panel"}'s coordinators or ${areaName}'s administrators can change who is on it.`;
    case "administrator":
      return `Only ${areaName}'s administrators can make someone an administrator.`;
    case "approver":
      return `Only ${areaName}'s administrators can name who approves referrals.`;
    case "suspension":
      return `Only ${areaName}'s administrators can suspend or restore someone.`;
    case "details":
      return `Only ${areaName}'s administrators and its panels' coordinators can add people or change their details.`;
  }
}
