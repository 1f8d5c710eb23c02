import { AppCredential, OnBehalfOfUserCredential } from "@microsoft/teamsfx";
import type { TeamsCalendar } from "../../application/ports/teams-calendar.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import { GraphCalendar } from "./graph-calendar.js";
import type { GraphTokenSource } from "./graph-client.js";

// Whose calendar the meetings go in, and with which credential (README: "Microsoft Graph").
// - delegated: the coordinator's own, through the tab's SSO token exchanged on their behalf;
// - application: one organiser mailbox, with the app's own permission (restricted to that mailbox
//   by an Exchange application access policy);
// - development: the local Graph stand-in, with delegated tokens from the development identity
//   provider; never in Azure.

export interface CalendarUser {
  id: string;
  name: string;
  /** The bearer token the tab sent: the SSO token to exchange for Graph. */
  token: string;
}

export type CalendarAccess = (user: CalendarUser) => TeamsCalendar;

const GRAPH = "https://graph.microsoft.com";
export const DELEGATED_SCOPES = [`${GRAPH}/Calendars.ReadWrite`];

export function calendarAccess(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
): CalendarAccess | undefined {
  const graph = settings.graph;
  const auth = {
    clientId: graph.clientId ?? "",
    clientSecret: graph.clientSecret ?? "",
    tenantId: graph.tenantId ?? "",
    authorityHost: graph.authorityHost,
  };
  const calendar = (tokens: GraphTokenSource, scopes: string[], organiser: { id: string; name: string }) =>
    new GraphCalendar({ baseUrl: graph.baseUrl, tokens, scopes, organiser });

  switch (graph.auth) {
    case "off":
      return undefined;
    case "delegated":
      return (user) =>
        calendar(new OnBehalfOfUserCredential(user.token, auth), DELEGATED_SCOPES, {
          id: user.id,
          name: user.name,
        });
    case "application": {
      const app = new AppCredential(auth);
      const organiser = graph.organiser ?? "";
      return () => calendar(app, [`${GRAPH}/.default`], { id: organiser, name: organiser });
    }
    case "development": {
      if (!devIdp) return undefined;
      return (user) =>
        calendar(
          {
            getToken: async () => ({
              token: await devIdp.issue({ id: user.id, name: user.name, email: "" }, 3600, {
                audience: GRAPH,
                scopes: ["Calendars.ReadWrite"],
              }),
            }),
          },
          DELEGATED_SCOPES,
          { id: user.id, name: user.name },
        );
    }
  }
}
