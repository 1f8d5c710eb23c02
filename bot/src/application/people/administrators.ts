import { Refusal } from "../../domain/refusal.js";
import { auditPeople } from "./people-audit.js";
import { authorityOf, knownArea, requireGrant } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

/**
 * Makes a person an administrator of an area, or stops them being one. Only administrators can;
 * an area always keeps one, and those named in configuration are changed only there.
 */
export async function setAdministrator(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  personId: string,
  administrator: boolean,
  via: string,
): Promise<void> {
  const area = knownArea(ports, areaId);
  const authority = await authorityOf(ports, caller);
  requireGrant(authority, { kind: "administrator", areaId: area.id }, area.name);
  const person = await ports.directory.person(personId);
  if (!person || ports.catalogue.agencies.get(person.agencyId)?.areaId !== area.id)
    throw new Refusal("not-found", `Add them to ${area.name}'s people first, with their agency.`, {
      code: "unknown-person",
    });
  if (!administrator) {
    const stored = await ports.directory.administratorsOf(area.id);
    const configured = ports.administrators.get(area.id) ?? [];
    if (configured.includes(personId.toLowerCase()))
      throw new Refusal(
        "not-now",
        "This administrator is named in the service's configuration; change it there.",
        {
          code: "configured-administrator",
        },
      );
    if (!configured.length && stored.length === 1 && stored[0] === personId)
      throw new Refusal(
        "not-now",
        `${area.name} needs at least one administrator. Make someone else one first.`,
        {
          code: "last-administrator",
        },
      );
  }
  await ports.directory.setAdministrator(area.id, personId, administrator, caller.name);
  await auditPeople(
    ports,
    caller,
    area.id,
    [{ action: administrator ? "administrator.granted" : "administrator.removed", personId }],
    via,
  );
}
