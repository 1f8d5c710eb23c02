import { AppCredential, OnBehalfOfUserCredential } from "@microsoft/teamsfx";
import type { PeopleFinder } from "../../application/ports/people-finder.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import type { CalendarUser } from "./calendar-access.js";
import type { GraphTokenSource } from "./graph-client.js";
import { GraphDirectory } from "./graph-directory.js";

// With which credential the People page searches the directory (README: "Microsoft Graph"), by the
// same GRAPH_AUTH as the calendar:
// - delegated: the signed-in administrator's own access, through the tab's SSO token exchanged on
//   their behalf for User.ReadBasic.All, the least permission that lists and searches users;
// - application: the app's own User.Read.All;
// - development: the local Graph stand-in, with delegated tokens from the development identity
//   provider; never in Azure.

export type DirectoryAccess = (user: CalendarUser) => PeopleFinder;

const GRAPH = "https://graph.microsoft.com";
export const DIRECTORY_SCOPES = [`${GRAPH}/User.ReadBasic.All`];

export function directoryAccess(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
): DirectoryAccess | undefined {
  const graph = settings.graph;
  const auth = {
    clientId: graph.clientId ?? "",
    clientSecret: graph.clientSecret ?? "",
    tenantId: graph.tenantId ?? "",
    authorityHost: graph.authorityHost,
  };
  const directory = (tokens: GraphTokenSource, scopes: string[]) =>
    new GraphDirectory({ baseUrl: graph.baseUrl, tokens, scopes });

  switch (graph.auth) {
    case "off":
      return undefined;
    case "delegated":
      return (user) => directory(new OnBehalfOfUserCredential(user.token, auth), DIRECTORY_SCOPES);
    case "application": {
      const app = directory(new AppCredential(auth), [`${GRAPH}/.default`]);
      return () => app;
    }
    case "development": {
      if (!devIdp) return undefined;
      return (user) =>
        directory(
          {
            getToken: async () => ({
              token: await devIdp.issue({ id: user.id, name: user.name, email: "" }, 3600, {
                audience: GRAPH,
                scopes: ["User.ReadBasic.All"],
              }),
            }),
          },
          DIRECTORY_SCOPES,
        );
    }
  }
}
