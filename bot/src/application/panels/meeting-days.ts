import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { Refusal } from "../../domain/refusal.js";
import type { Meeting } from "../../domain/schedule/meeting.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import type { MeetingStore } from "../ports/meetings.js";

// A meeting keeps its id (the date the panel's rule gave it) when a coordinator moves it, and is
// held on the date stored for it. Every rule about a meeting's day (sign-in, names waiting for it,
// decisions, notes, the minutes' agreement) asks here for the day it is held, never the id.

/** A meeting moves only between its neighbours: one moved this far either way is still found. */
export const MOVED_AT_MOST_DAYS = 92;

/** A meeting as it is held: on its stored date and times, or the rule's until it is in Teams calendars. */
export interface HeldMeeting {
  id: string;
  /** The day it is held. */
  date: string;
  start: string;
  end: string;
}

/** The day a meeting is held, and whether it was cancelled (skipped for a bank holiday, say): then it is not held at all. */
export interface HeldDay {
  day: string;
  cancelled: boolean;
}

/** The day a meeting is held, from its stored record (if any). */
export const heldDayOf = (
  meetingId: string,
  stored: { value: Pick<Meeting, "date" | "status"> } | undefined,
): HeldDay => ({ day: stored?.value.date ?? meetingId, cancelled: stored?.value.status === "cancelled" });

/** The day a meeting is held: one point read. */
export async function heldDay(
  ports: { meetings: Pick<MeetingStore, "meeting"> },
  panelId: string,
  meetingId: string,
): Promise<HeldDay> {
  return heldDayOf(meetingId, await ports.meetings.meeting(panelId, meetingId));
}

/** Why something cannot be done at a cancelled meeting: what cannot happen (`so`), and what to do instead. */
export const cancelledMeeting = (so: string, instead: string): Refusal =>
  new Refusal("not-now", cancelledWords(so, instead), { code: "meeting-cancelled" });

export const cancelledWords = (so: string, instead: string): string =>
  `This meeting was cancelled, so ${so}. ${instead}`;

/**
 * The panel's meetings held from `from` to `to` (by the day they are held, cancelled ones left
 * out), in order: stored ones as stored, the rule's others as it gives them. One key range.
 */
export async function meetingsHeld(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between"> },
  panelId: string,
  from: string,
  to: string,
): Promise<HeldMeeting[]> {
  const wideFrom = addDays(from, -MOVED_AT_MOST_DAYS);
  const wideTo = addDays(to, MOVED_AT_MOST_DAYS);
  const stored = new Map(
    (await ports.meetings.between(panelId, wideFrom, wideTo)).map((m) => [m.value.id, m.value]),
  );
  const held: HeldMeeting[] = [
    ...[...stored.values()]
      .filter((m) => m.status !== "cancelled")
      .map(({ id, date, start, end }) => ({ id, date, start, end })),
    ...occurrencesBetween(ports.catalogue, panelId, wideFrom, wideTo)
      .filter((o) => !stored.has(o.date))
      .map(({ date, start, end }) => ({ id: date, date, start, end })),
  ];
  return held
    .filter((m) => m.date >= from && m.date <= to)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The panel's meetings held on a day, in order: one moved onto another's day is held there too. */
export async function meetingsHeldOn(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between"> },
  panelId: string,
  day: string,
): Promise<HeldMeeting[]> {
  return meetingsHeld(ports, panelId, day, day);
}

/** The panel's next meetings not yet ended at `now`, as held, soonest first: `count` of them within a year. */
export async function comingMeetings(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between">; now: () => Date },
  panelId: string,
  count: number,
): Promise<HeldMeeting[]> {
  const now = ports.now();
  const today = localDay(now);
  return (await meetingsHeld(ports, panelId, today, addDays(today, 370)))
    .filter((m) => Date.parse(m.end) > now.getTime())
    .slice(0, count);
}

/** The panel's first meeting held after a day, within a year; null if none. */
export async function nextMeetingHeldAfter(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between"> },
  panelId: string,
  day: string,
): Promise<HeldMeeting | null> {
  return (await meetingsHeld(ports, panelId, addDays(day, 1), addDays(day, 370)))[0] ?? null;
}

/**
 * Whether a meeting before this one (by id: a series keeps its meetings in order when one moves)
 * is still to end at `now`. A meeting held today or later has an id near today, so only those
 * are read: one key range, none for a meeting long past.
 */
export async function earlierStillToEnd(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between"> },
  panelId: string,
  meetingId: string,
  now: Date,
): Promise<boolean> {
  const from = addDays(localDay(now), -MOVED_AT_MOST_DAYS);
  const to = addDays(meetingId, -1);
  if (to < from) return false;
  const stored = new Map((await ports.meetings.between(panelId, from, to)).map((m) => [m.value.id, m.value]));
  return [
    ...[...stored.values()].filter((m) => m.status !== "cancelled"),
    ...occurrencesBetween(ports.catalogue, panelId, from, to).filter((o) => !stored.has(o.date)),
  ].some((m) => Date.parse(m.end) > now.getTime());
}

/** Whether a meeting, as held, is the panel's next one not yet ended at `now`. */
export const isNextOf = (
  meeting: { end: string; status: string },
  earlierToEnd: boolean,
  now: Date,
): boolean => meeting.status !== "cancelled" && Date.parse(meeting.end) > now.getTime() && !earlierToEnd;

/** A meeting as held, from its stored record or, until it is in Teams calendars, the rule's. */
export function meetingAsHeld(
  catalogue: Catalogue,
  panelId: string,
  meetingId: string,
  stored: { value: Pick<Meeting, "end" | "status"> } | undefined,
): { end: string; status: string } | undefined {
  return (
    stored?.value ??
    occurrencesBetween(catalogue, panelId, meetingId, meetingId).map((o) => ({
      end: o.end,
      status: "planned",
    }))[0]
  );
}

/**
 * Whether this meeting is the panel's next one not yet ended at `now`: its record (read here, or
 * passed in by a caller that has read it) and the earlier ones', read together.
 */
export async function isNextMeeting(
  ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "meeting" | "between"> },
  panelId: string,
  meetingId: string,
  now: Date,
  read?: { value: Pick<Meeting, "end" | "status"> } | undefined,
): Promise<boolean> {
  const [stored, earlier] = await Promise.all([
    read ?? ports.meetings.meeting(panelId, meetingId),
    earlierStillToEnd(ports, panelId, meetingId, now),
  ]);
  const meeting = meetingAsHeld(ports.catalogue, panelId, meetingId, stored);
  return !!meeting && isNextOf(meeting, earlier, now);
}
