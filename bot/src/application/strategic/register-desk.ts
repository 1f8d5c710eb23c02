import { withPorts } from "../with-ports.js";
import { changeRegisterOwner } from "./change-register-owner.js";
import { closeRegisterItem } from "./close-register-item.js";
import { planMeeting } from "./plan-meeting.js";
import { raiseFromEscalation } from "./raise-from-escalation.js";
import { raiseRegisterItem } from "./raise-register-item.js";
import type { RegisterPorts } from "./register-ports.js";
import { reviewRegisterItem } from "./review-register-item.js";
import { viewRegister } from "./view-register.js";

// The strategic MACE's register and forward plan, for the tab's Register page and the agenda.

export const registerDesk = (ports: RegisterPorts) => ({
  view: withPorts(ports, viewRegister),
  raise: withPorts(ports, raiseRegisterItem),
  raiseFromEscalation: withPorts(ports, raiseFromEscalation),
  review: withPorts(ports, reviewRegisterItem),
  close: withPorts(ports, closeRegisterItem),
  changeOwner: withPorts(ports, changeRegisterOwner),
  planMeeting: withPorts(ports, planMeeting),
});
export type RegisterDesk = ReturnType<typeof registerDesk>;
export type { RegisterPorts } from "./register-ports.js";
