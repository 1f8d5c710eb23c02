import { authorityOf } from "./people-access.js";
import type { AccessPorts } from "./access-requests.js";
import type { Caller } from "./people-ports.js";

// For someone on no panel yet: whom to ask, and what they can ask for. Their area is known only
// from their agency once they are in its directory; before that every area is shown, since a
// sign-in alone (one partnership tenant, guests' addresses from anywhere) does not say which.

export interface AreaToAsk {
  id: string;
  name: string;
  panels: { id: string; name: string; coordinators: string[] }[];
  agencies: { id: string; name: string }[];
}

export interface WhoToAsk {
  /** Whether they already have a place: on a panel, administering an area or approving referrals. */
  hasAccess: boolean;
  /** Whether `areas` is their own area, rather than every area. Both are empty for someone with access. */
  areaKnown: boolean;
  areas: AreaToAsk[];
  /** Their requests still waiting for a decision. */
  asked: { panelId: string; panelName: string; at: string }[];
}

export async function whoToAsk(ports: AccessPorts, caller: Caller): Promise<WhoToAsk> {
  const access = await authorityOf(ports, caller);
  const hasAccess =
    access.memberships.length > 0 ||
    access.administers.length > 0 ||
    !!access.person?.approvesReferralsIn?.length;
  // Asked before every command a member types: for them, that one read is all.
  if (hasAccess) return { hasAccess, areaKnown: true, areas: [], asked: [] };
  const ownArea = access.person && ports.catalogue.agencies.get(access.person.agencyId)?.areaId;
  const areas = ports.catalogue.areas.filter((a) => !ownArea || a.id === ownArea);
  const panels = [...ports.catalogue.panels.values()].filter((p) => areas.some((a) => a.id === p.areaId));
  const [members, ...open] = await Promise.all([
    Promise.all(panels.map((p) => ports.directory.membersOf(p.id))),
    ...areas.map((a) => ports.casework.openAccessRequests(a.id)),
  ]);
  const coordinatorIds = (members ?? []).map((list) =>
    list.filter((m) => m.role === "coordinator").map((m) => m.personId),
  );
  const people = await ports.directory.people([...new Set(coordinatorIds.flat())]);
  const nameOf = (id: string) => people.get(id)?.displayName;
  return {
    hasAccess,
    areaKnown: !!ownArea,
    areas: areas.map((area) => ({
      id: area.id,
      name: area.name,
      panels: panels.flatMap((p, i) =>
        p.areaId === area.id
          ? [
              {
                id: p.id,
                name: p.name,
                coordinators: (coordinatorIds[i] ?? []).flatMap((id) => nameOf(id) ?? []),
              },
            ]
          : [],
      ),
      agencies: [...ports.catalogue.agencies.values()]
        .filter((a) => a.areaId === area.id)
        .map((a) => ({ id: a.id, name: a.name })),
    })),
    asked: open
      .flat()
      .filter((r) => r.value.personId === caller.id)
      .map((r) => ({
        panelId: r.value.panelId,
        panelName: ports.catalogue.panels.get(r.value.panelId)?.name ?? r.value.panelId,
        at: r.value.at,
      })),
  };
}
