import { z } from "zod";
import type { MeetingStatus as InTeams } from "../../../domain/schedule/meeting.js";

// A panel's meetings: as the rule plans them or as they are in Teams calendars, and the
// coordinator's changes to them.

export const IsoDate = z.iso.date("use a date as YYYY-MM-DD");
/** A meeting is named by the date the panel's rule gave it. */
export const MeetingId = IsoDate;
// Two years of meetings at most in one request: enough for any planning, bounded in cost.
export const MeetingRange = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { message: "from must be on or before to", path: ["to"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 731 * 86_400_000, {
    message: "ask for two years or less at a time",
    path: ["to"],
  });
export const MoveMeeting = z.strictObject({
  date: IsoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a time as HH:MM"),
  reason: z.string().trim().max(500).default(""),
});
export type MoveMeetingBody = z.input<typeof MoveMeeting>;
export const CancelMeeting = z.strictObject({
  reason: z.string().trim().min(1, "say why the meeting is cancelled").max(500),
});

/** planned: the rule gives it but it is not in Teams calendars yet. */
export type MeetingStatus = "planned" | InTeams;

export interface PanelMeeting {
  /** The date the panel's rule gave the meeting; it stays the same when the meeting moves. */
  id: string;
  date: string;
  start: string;
  end: string;
  description: string;
  status: MeetingStatus;
  joinUrl: string | null;
  note: string | null;
  /** Sent back (If-Match) with a move or cancellation; null until it is in Teams calendars. */
  version: string | null;
}

export interface MeetingsResponse {
  panelId: string;
  timeZone: string;
  calendar: {
    connected: boolean;
    series: { organiser: string; from: string; to: string; scheduledAt: string } | null;
  };
  meetings: PanelMeeting[];
}

export interface ScheduleResponse {
  outcome: "created" | "updated" | "unchanged";
  organiser: string;
  from: string;
  to: string;
  meetings: PanelMeeting[];
}

export interface MeetingChangeResponse {
  meeting: PanelMeeting;
}
