import { z } from "zod";
import type { AgencyKind, Panel } from "../../../domain/catalogue/panel.js";
import type { PanelRole } from "../../../domain/people/membership.js";
import type { ManagedArea } from "./people.js";

// The signed-in person, their panels, a panel's members and its linked channel.

// A panel id is what the application's access check accepts.
export { PanelIdInput as PanelId } from "../../../application/access/panel-access.js";
export const ChannelLink = z.strictObject({ conversationId: z.string().min(1).max(400) });

export interface MeResponse {
  id: string;
  displayName: string;
  jobTitle: string | null;
  agency: string | null;
  /** Areas whose people they manage: the home page links to each one's People page. */
  manages: ManagedArea[];
  /** Whether their agency refers to any panel: the home page then links to their own referrals. */
  refers: boolean;
}

/** A meeting as the panel's rule plans it. */
export interface PlannedMeeting {
  panelId: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** ISO 8601 with the UTC offset in force that day. */
  start: string;
  end: string;
}

export interface UpcomingMeeting extends PlannedMeeting {
  /** The meeting's id: its date by the panel's rule, kept when it moves. */
  id: string;
  description: string;
}

export interface PanelSummary {
  id: string;
  name: string;
  shortName: string;
  tier: Panel["tier"];
  area: { id: string; name: string };
  role: PanelRole;
  /** An action's default due date is this many days after its meeting. */
  actionDueDays: number;
  nextMeetings: UpcomingMeeting[];
}

export interface PanelsResponse {
  panels: PanelSummary[];
}

export interface PanelChannel {
  teamId: string;
  channelId: string;
  name: string;
}

export interface PanelResponse {
  id: string;
  name: string;
  area: { id: string; name: string };
  tier: Panel["tier"];
  role: PanelRole;
  chairRoles: string[];
  coreAgencies: string[];
  quorumAgencyKinds: AgencyKind[];
  durationMinutes: number;
  channel: PanelChannel | null;
  nextMeetings: UpcomingMeeting[];
}

export interface PanelMember {
  id: string;
  displayName: string;
  role: PanelRole;
  agency: string;
}

export interface MembersResponse {
  members: PanelMember[];
}

export interface ChannelResponse {
  channel: PanelChannel | null;
}
