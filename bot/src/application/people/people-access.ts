import type { Authority, Grant } from "../../domain/people/grants.js";
import { refuseSuspended } from "../access/panel-access.js";
import { mayGrant, whyNot } from "../../domain/people/grants.js";
import type { PersonAccess } from "../ports/directory.js";
import { Refusal } from "../../domain/refusal.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// Who may manage an area's people: its administrators (named in configuration, or made
// administrator since) and the coordinators of its panels, each within what they hold.

type AccessPorts = Pick<PeoplePorts, "catalogue" | "administrators"> & {
  directory: Pick<PeoplePorts["directory"], "accessOf">;
};

/** Whether configuration names this person an administrator of the area. */
export const namedInConfiguration = (
  ports: Pick<PeoplePorts, "administrators">,
  caller: Caller,
  areaId: string,
) => {
  const named = ports.administrators.get(areaId) ?? [];
  return (
    named.includes(caller.id.toLowerCase()) || (!!caller.upn && named.includes(caller.upn.toLowerCase()))
  );
};

/** What the caller holds: one read of their own partition, and the configuration. */
export async function authorityOf(ports: AccessPorts, caller: Caller): Promise<Authority & PersonAccess> {
  const access = await ports.directory.accessOf(caller.id);
  refuseSuspended(access);
  const configured = ports.catalogue.areas
    .filter((a) => namedInConfiguration(ports, caller, a.id))
    .map((a) => a.id);
  return { ...access, administers: [...new Set([...configured, ...access.administers])] };
}

export function knownArea(ports: Pick<PeoplePorts, "catalogue">, areaId: unknown) {
  const area = ports.catalogue.areas.find((a) => a.id === areaId);
  if (!area)
    throw new Refusal("not-found", "There is no such area. Check the link.", { code: "unknown-area" });
  return area;
}

export const panelsOfArea = (ports: Pick<PeoplePorts, "catalogue">, areaId: string) =>
  [...ports.catalogue.panels.values()].filter((p) => p.areaId === areaId);

/** The People page is for the area's administrators and its panels' coordinators; others are refused. */
export async function requireAreaManager(ports: AccessPorts, caller: Caller, areaId: unknown) {
  const area = knownArea(ports, areaId);
  const authority = await authorityOf(ports, caller);
  const panelIds = panelsOfArea(ports, area.id).map((p) => p.id);
  if (!mayGrant(authority, { kind: "details", areaId: area.id, panelIds })) {
    throw new Refusal(
      "not-allowed",
      `Only ${area.name}'s administrators and its panels' coordinators can see and manage its people.`,
      { code: "not-a-manager" },
    );
  }
  return { area, authority, panelIds, administrator: authority.administers.includes(area.id) };
}

/** Refuses a grant the caller may not make, saying who can. */
export function requireGrant(authority: Authority, grant: Grant, areaName: string, panelName?: string): void {
  if (!mayGrant(authority, grant))
    throw new Refusal("not-allowed", whyNot(grant, areaName, panelName), { code: "not-yours-to-grant" });
}
