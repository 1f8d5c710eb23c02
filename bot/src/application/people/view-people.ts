import type { PanelRole } from "../../domain/people/membership.js";
import { auditPeople } from "./people-audit.js";
import { panelsOfArea, requireAreaManager } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// The People page of an area: everyone added to its directory, their agency and job, their role
// on each of the area's panels, and who administers the area.

export interface PersonRow {
  id: string;
  displayName: string;
  email: string;
  userPrincipalName: string | null;
  guest: boolean;
  agencyId: string;
  agency: string;
  jobTitle: string;
  approvesReferrals: boolean;
  suspended: boolean;
  administrator: "configuration" | "product" | null;
  roles: { panelId: string; role: PanelRole; deputyFor: string | null }[];
}

export interface AreaPeopleView {
  area: { id: string; name: string };
  /** What the caller may change here. */
  administrator: boolean;
  coordinatorOf: string[];
  panels: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
  people: PersonRow[];
}

export async function viewAreaPeople(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  via: string,
): Promise<AreaPeopleView> {
  const { area, authority, administrator } = await requireAreaManager(ports, caller, areaId);
  const panels = panelsOfArea(ports, area.id);
  const [people, stored, ...members] = await Promise.all([
    ports.directory.peopleIn(area.id),
    ports.directory.administratorsOf(area.id),
    ...panels.map((p) => ports.directory.membersOf(p.id)),
  ]);
  const named = ports.administrators.get(area.id) ?? [];
  const rows = people.map((p): PersonRow => {
    const configured =
      named.includes(p.id.toLowerCase()) || named.includes((p.userPrincipalName ?? "").toLowerCase());
    return {
      id: p.id,
      displayName: p.displayName,
      email: p.email,
      userPrincipalName: p.userPrincipalName ?? null,
      guest: p.guest ?? false,
      agencyId: p.agencyId,
      agency: ports.catalogue.agencies.get(p.agencyId)?.name ?? p.agencyId,
      jobTitle: p.jobTitle,
      approvesReferrals: p.approvesReferralsIn?.includes(area.id) ?? false,
      suspended: p.suspended ?? false,
      administrator: configured ? "configuration" : stored.includes(p.id) ? "product" : null,
      roles: members
        .flat()
        .filter((m) => m.personId === p.id)
        .map((m) => ({ panelId: m.panelId, role: m.role, deputyFor: m.deputyFor ?? null })),
    };
  });
  await auditPeople(ports, caller, area.id, [{ action: "people.viewed", personId: null }], via);
  return {
    area: { id: area.id, name: area.name },
    administrator,
    coordinatorOf: authority.memberships.filter((m) => m.role === "coordinator").map((m) => m.panelId),
    panels: panels.map((p) => ({ id: p.id, name: p.name })),
    agencies: [...ports.catalogue.agencies.values()]
      .filter((a) => a.areaId === area.id)
      .map((a) => ({ id: a.id, name: a.name })),
    people: rows.sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}
