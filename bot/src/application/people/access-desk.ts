import { withPorts } from "../with-ports.js";
import { askForAccess, decideAccess, openRequests, type AccessPorts } from "./access-requests.js";
import { whoToAsk } from "./who-to-ask.js";

// Asking to join a panel and deciding those requests: the one way in for the bot and the tab.

export const accessDesk = (ports: AccessPorts) => ({
  whoToAsk: withPorts(ports, whoToAsk),
  ask: withPorts(ports, askForAccess),
  openRequests: withPorts(ports, openRequests),
  decide: withPorts(ports, decideAccess),
});
export type AccessDesk = ReturnType<typeof accessDesk>;

export type { AccessPorts, Requester } from "./access-requests.js";
export type { AreaToAsk, WhoToAsk } from "./who-to-ask.js";
