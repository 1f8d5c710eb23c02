import type { Actor } from "../../domain/people/actor.js";
import { accessRegister } from "../access/register-access.js";
import { issueRegisterItem, type NewRegisterItem } from "./issue-register-item.js";
import type { RegisterPorts } from "./register-ports.js";
import type { RegisterItemView } from "./register-view.js";

// A member of the strategic panel raises a theme, trend or blockage on its register directly.

export async function raiseRegisterItem(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  input: NewRegisterItem,
  via: string,
): Promise<RegisterItemView> {
  const { panel } = await accessRegister(ports, actor.id, panelId, "raise");
  return issueRegisterItem(ports, actor, panel, input, { kind: "member" }, via);
}
