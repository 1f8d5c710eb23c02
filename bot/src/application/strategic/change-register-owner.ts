import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessRegister, mayOwnItem, refuseUnlessLead } from "../access/register-access.js";
import { roleOnPanel } from "../access/panel-access.js";
import { heldItem, saveChange, type RegisterPorts } from "./register-ports.js";
import { registerItemView, type RegisterItemView } from "./register-view.js";

// The panel's coordinators and chairs pass an open entry to another of its members to own.

export async function changeRegisterOwner(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  itemId: unknown,
  ownerId: string,
  version: string,
  via: string,
): Promise<RegisterItemView> {
  const access = await accessRegister(ports, actor.id, panelId, "read");
  refuseUnlessLead(access);
  const { panel } = access;
  const held = await heldItem(ports, panel.areaId, panel.id, itemId, version);
  if (held.value.status !== "open")
    throw new Refusal("not-now", "This entry is closed: it keeps the owner it had.", { code: "closed" });
  const [role, owner] = await Promise.all([
    roleOnPanel(ports, ownerId, panel.id),
    ports.directory.person(ownerId),
  ]);
  if (!mayOwnItem(role) || !owner)
    throw new Refusal("invalid", "Choose the entry's owner from the strategic panel's members.", {
      code: "unknown-owner",
      fields: [{ field: "ownerId", message: "Choose a member of the strategic panel." }],
    });
  if (held.value.ownerId === owner.id) return registerItemView(ports.catalogue, held);
  const next = { ...held.value, ownerId: owner.id, ownerName: owner.displayName };
  const saved = await saveChange(ports, actor, next, held, "register.changed", via);
  return registerItemView(ports.catalogue, saved);
}
