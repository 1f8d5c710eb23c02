import type { SeriesPlan } from "../../domain/schedule/series.js";

// What the product asks of an organiser's calendar. Microsoft Graph provides it in Teams
// (adapters/graph); nothing here knows how.

export interface Invitee {
  name: string;
  email: string;
}

export interface SeriesRequest {
  plan: SeriesPlan;
  subject: string;
  body: string;
  attendees: Invitee[];
  /** The same value on every attempt, so the calendar keeps one series however often it is asked. */
  transactionId: string;
}

export interface CalendarOccurrence {
  occurrenceId: string;
  /** The local date the series' pattern gave it, even if it has been moved since. */
  originalDate: string;
  start: string;
  end: string;
  joinUrl: string | null;
}

export interface SlotInvite {
  subject: string;
  /** Already carries the join link, where there is one. */
  body: string;
  start: string;
  end: string;
  attendees: Invitee[];
  joinUrl: string | null;
  transactionId: string;
}

export interface TeamsCalendar {
  /** The mailbox the meetings are organised from. */
  readonly organiser: { id: string; name: string };
  createSeries(request: SeriesRequest): Promise<{ seriesId: string; joinUrl: string | null }>;
  updateSeries(seriesId: string, request: SeriesRequest): Promise<{ joinUrl: string | null }>;
  /** The series' meetings starting from `from` to `to` (local dates), cancelled ones left out. */
  occurrences(seriesId: string, from: string, to: string): Promise<CalendarOccurrence[]>;
  /** Changes one meeting only; its attendees get the calendar's update. */
  moveOccurrence(occurrenceId: string, start: string, end: string): Promise<void>;
  /** Cancels one meeting only; its attendees get the calendar's cancellation. */
  cancelOccurrence(occurrenceId: string, comment: string): Promise<void>;
  /** A separate invitation for one presenter's slot. */
  inviteToSlot(invite: SlotInvite): Promise<{ eventId: string }>;
  /** Withdraws a slot's invitation: its attendee gets the calendar's cancellation with the comment. */
  withdrawSlotInvite(eventId: string, comment: string): Promise<void>;
}

/** A calendar request that failed, with a message written for the person who asked. */
export class CalendarProblem extends Error {
  constructor(
    readonly kind:
      | "sign-in"
      | "no-access"
      | "no-teams-licence"
      | "no-mailbox"
      | "busy"
      | "unavailable"
      | "rejected"
      | "not-found",
    message: string,
    /** What the calendar service said, for the log; never shown to the user. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "CalendarProblem";
  }
}
