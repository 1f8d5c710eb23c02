import { ClientSecretCredential, OnBehalfOfCredential } from "@azure/identity";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import type { CalendarUser } from "./calendar-access.js";
import type { GraphTokenSource } from "./graph-client.js";

// Which credential reaches Microsoft Graph, by GRAPH_AUTH, for the calendar and the directory alike:
// - delegated: the signed-in person's own access, their SSO token exchanged on their behalf;
// - application: the app's own permission;
// - development: the local Graph stand-in, with delegated tokens from the development identity
//   provider; never in Azure.
// What only the app itself may read (a meeting chat, by the permission it holds in that chat) is
// read with the app's own credential whatever GRAPH_AUTH is, but off.

export const GRAPH = "https://graph.microsoft.com";

export type GraphCredentials = (user: CalendarUser) => { tokens: GraphTokenSource; scopes: string[] };

/** The app's own credential, by the same GRAPH_AUTH: for what Graph lets only the app itself read. */
export function appGraphCredentials(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
): { tokens: GraphTokenSource; scopes: string[] } | undefined {
  const graph = settings.graph;
  switch (graph.auth) {
    case "off":
      return undefined;
    case "delegated":
    case "application":
      return {
        tokens: new ClientSecretCredential(
          graph.tenantId ?? "",
          graph.clientId ?? "",
          graph.clientSecret ?? "",
          graph.authorityHost ? { authorityHost: graph.authorityHost } : {},
        ),
        scopes: [`${GRAPH}/.default`],
      };
    case "development": {
      if (!devIdp) return undefined;
      const app = { id: graph.clientId ?? "mace-panels-development", name: "MACE panels", email: "" };
      return {
        tokens: {
          getToken: async () => ({
            token: await devIdp.issue(app, 3600, { audience: GRAPH, scopes: [], app: true }),
          }),
        },
        scopes: [`${GRAPH}/.default`],
      };
    }
  }
}

/** `permission` is the delegated one asked for, such as "Calendars.ReadWrite". */
export function graphCredentials(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
  permission: string,
): GraphCredentials | undefined {
  const graph = settings.graph;
  const clientId = graph.clientId ?? "";
  const clientSecret = graph.clientSecret ?? "";
  const tenantId = graph.tenantId ?? "";
  const options = graph.authorityHost ? { authorityHost: graph.authorityHost } : {};
  const delegated = [`${GRAPH}/${permission}`];
  switch (graph.auth) {
    case "off":
      return undefined;
    case "delegated":
      return (user) => ({
        tokens: new OnBehalfOfCredential({
          tenantId,
          clientId,
          clientSecret,
          userAssertionToken: user.token,
          ...options,
        }),
        scopes: delegated,
      });
    case "application": {
      const app = appGraphCredentials(settings, devIdp);
      return app && (() => app);
    }
    case "development": {
      if (!devIdp) return undefined;
      return (user) => ({
        tokens: {
          getToken: async () => ({
            token: await devIdp.issue({ id: user.id, name: user.name, email: "" }, 3600, {
              audience: GRAPH,
              scopes: [permission],
            }),
          }),
        },
        scopes: delegated,
      });
    }
  }
}
