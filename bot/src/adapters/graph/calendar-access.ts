import type { TeamsCalendar } from "../../application/ports/teams-calendar.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import { GraphCalendar } from "./graph-calendar.js";
import { graphCredentials } from "./graph-credentials.js";

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

export function calendarAccess(
  settings: Settings,
  devIdp: DevIdentityProvider | undefined,
): CalendarAccess | undefined {
  const credentials = graphCredentials(settings, devIdp, "Calendars.ReadWrite");
  if (!credentials) return undefined;
  const { baseUrl, auth, organiser } = settings.graph;
  return (user) =>
    new GraphCalendar({
      baseUrl,
      ...credentials(user),
      // With the app's own permission, one mailbox organises every meeting.
      organiser:
        auth === "application"
          ? { id: organiser ?? "", name: organiser ?? "" }
          : { id: user.id, name: user.name },
    });
}
