import type { PeopleFinder } from "../../application/ports/people-finder.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import type { CalendarUser } from "./calendar-access.js";
import { graphCredentials } from "./graph-credentials.js";
import { GraphDirectory } from "./graph-directory.js";

// With which credential the People page searches the directory (README: "Microsoft Graph"), by the
// same GRAPH_AUTH as the calendar:
// - delegated: the signed-in administrator's own access, through the tab's SSO token exchanged on
//   their behalf for User.ReadBasic.All, the least permission that lists and searches users;
// - application: the app's own User.Read.All;
// - development: the local Graph stand-in, with delegated tokens from the development identity
//   provider; never in Azure.

export type DirectoryAccess = (user: CalendarUser) => PeopleFinder;

export function directoryAccess(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
): DirectoryAccess | undefined {
  const credentials = graphCredentials(settings, devIdp, "User.ReadBasic.All");
  if (!credentials) return undefined;
  return (user) => new GraphDirectory({ baseUrl: settings.graph.baseUrl, ...credentials(user) });
}
