import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { RegisterItem } from "../../domain/strategic/register-item.js";
import { accessRegister, refuseUnlessReviewer } from "../access/register-access.js";
import {
  heldItem,
  invalidInput,
  refuseIdentifying,
  saveChange,
  type RegisterPorts,
} from "./register-ports.js";
import { registerItemView, type RegisterItemView } from "./register-view.js";

// An entry is closed with its outcome: what was done about the theme or blockage and what came
// of it. A closed entry leaves the agenda and stays on the register's closed list.

export async function closeRegisterItem(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  itemId: unknown,
  outcome: string,
  version: string,
  via: string,
): Promise<RegisterItemView> {
  const access = await accessRegister(ports, actor.id, panelId, "read");
  const { panel } = access;
  const held = await heldItem(ports, panel.areaId, panel.id, itemId, version);
  refuseUnlessReviewer(access, actor.id, held.value);
  if (held.value.status !== "open")
    throw new Refusal("not-now", "This entry is already closed.", { code: "closed" });
  refuseIdentifying({ outcome });
  const next = RegisterItem.safeParse({
    ...held.value,
    status: "closed",
    outcome: { by: actor.id, byName: actor.name, at: ports.now().toISOString(), text: outcome },
  });
  if (!next.success) throw invalidInput(next.error.issues);
  const saved = await saveChange(ports, actor, next.data, held, "register.closed", via);
  return registerItemView(ports.catalogue, saved);
}
