import { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { roleOnPanel } from "../access/panel-access.js";
import { auditPeople } from "./people-audit.js";
import { authorityOf, requireGrant } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// A person's role on a panel: given, changed or taken away by the panel's coordinators or the
// area's administrators. A panel always keeps at least one coordinator.

function panelAndArea(ports: Pick<PeoplePorts, "catalogue">, panelId: unknown) {
  const panel = typeof panelId === "string" ? ports.catalogue.panels.get(panelId) : undefined;
  if (!panel)
    throw new Refusal("not-found", "There is no such panel. Check the link.", { code: "unknown-panel" });
  const area = ports.catalogue.areas.find((a) => a.id === panel.areaId);
  return { panel, areaName: area?.name ?? panel.areaId };
}

async function refuseLastCoordinator(
  ports: Pick<PeoplePorts, "directory">,
  panelId: string,
  personId: string,
  panelName: string,
) {
  const members = await ports.directory.membersOf(panelId);
  const coordinators = members.filter((m) => m.role === "coordinator");
  if (coordinators.length === 1 && coordinators[0]?.personId === personId) {
    throw new Refusal(
      "not-now",
      `${panelName} needs at least one coordinator. Make someone else its coordinator first, then change this role.`,
      { code: "last-coordinator" },
    );
  }
  return members;
}

export async function setPanelRole(
  ports: PeoplePorts,
  caller: Caller,
  panelId: unknown,
  personId: string,
  input: { role: unknown; deputyFor?: unknown },
  via: string,
): Promise<void> {
  const { panel, areaName } = panelAndArea(ports, panelId);
  const role = PanelRole.safeParse(input.role);
  if (!role.success)
    throw new Refusal("invalid", "Choose a role: coordinator, chair, member, deputy, presenter or analyst.", {
      code: "unknown-role",
      fields: [{ field: "role", message: "choose one of the roles" }],
    });
  const authority = await authorityOf(ports, caller);
  requireGrant(
    authority,
    { kind: "panel-role", areaId: panel.areaId, panelId: panel.id, role: role.data },
    areaName,
    panel.name,
  );
  const person = await ports.directory.person(personId);
  if (!person || ports.catalogue.agencies.get(person.agencyId)?.areaId !== panel.areaId) {
    throw new Refusal("not-found", `Add them to ${areaName}'s people first, with their agency.`, {
      code: "unknown-person",
    });
  }
  const members =
    role.data === "coordinator"
      ? await ports.directory.membersOf(panel.id)
      : await refuseLastCoordinator(ports, panel.id, personId, panel.name);
  let deputyFor: string | null = null;
  if (role.data === "deputy") {
    const named = members.find((m) => m.personId === input.deputyFor && m.role === "member");
    const theirs = named && (await ports.directory.person(named.personId));
    if (!named || theirs?.agencyId !== person.agencyId) {
      throw new Refusal(
        "invalid",
        "A deputy stands in for a member of the panel from their own agency: choose that member.",
        {
          code: "deputy-for",
          fields: [{ field: "deputyFor", message: "choose the member of their agency they stand in for" }],
        },
      );
    }
    deputyFor = named.personId;
  }
  await ports.directory.setRole({ personId, panelId: panel.id, role: role.data, deputyFor }, caller.name);
  await auditPeople(
    ports,
    caller,
    panel.areaId,
    [{ action: "role.granted", personId, panelId: panel.id }],
    via,
  );
}

export async function removePanelRole(
  ports: PeoplePorts,
  caller: Caller,
  panelId: unknown,
  personId: string,
  via: string,
): Promise<void> {
  const { panel, areaName } = panelAndArea(ports, panelId);
  const current = await roleOnPanel(ports, personId, panel.id);
  if (!current) throw new Refusal("not-found", "They have no role on this panel.", { code: "no-role" });
  const authority = await authorityOf(ports, caller);
  requireGrant(
    authority,
    { kind: "panel-role", areaId: panel.areaId, panelId: panel.id, role: current },
    areaName,
    panel.name,
  );
  await refuseLastCoordinator(ports, panel.id, personId, panel.name);
  await ports.directory.removeRole(panel.id, personId);
  await auditPeople(
    ports,
    caller,
    panel.areaId,
    [{ action: "role.removed", personId, panelId: panel.id }],
    via,
  );
}
