import { Refusal } from "../../domain/refusal.js";
import type { PeopleFinder, FoundPerson } from "../ports/people-finder.js";
import { authorityOf, panelsOfArea, requireAreaManager } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// Which areas' people a person manages (administrator, or coordinator of one of its panels), for
// the home page's People links, and the directory search open to those managers only.

export async function managedAreas(
  ports: PeoplePorts,
  caller: Caller,
): Promise<{ id: string; name: string; administrator: boolean }[]> {
  let authority;
  try {
    authority = await authorityOf(ports, caller);
  } catch (e) {
    // A suspended person manages nothing; the home page still opens to tell them so.
    if (e instanceof Refusal && e.code === "suspended") return [];
    throw e;
  }
  const coordinates = new Set(
    authority.memberships.filter((m) => m.role === "coordinator").map((m) => m.panelId),
  );
  return ports.catalogue.areas
    .filter(
      (a) =>
        authority.administers.includes(a.id) || panelsOfArea(ports, a.id).some((p) => coordinates.has(p.id)),
    )
    .map((a) => ({ id: a.id, name: a.name, administrator: authority.administers.includes(a.id) }));
}

/** Refuses anyone who does not manage the area's people. */
export async function requireManager(ports: PeoplePorts, caller: Caller, areaId: unknown): Promise<void> {
  await requireAreaManager(ports, caller, areaId);
}

/** People in the organisation's directory whose name or address starts with `query`. */
export async function searchDirectory(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  finder: PeopleFinder,
  query: string,
): Promise<FoundPerson[]> {
  await requireAreaManager(ports, caller, areaId);
  return finder.search(query, 15);
}
