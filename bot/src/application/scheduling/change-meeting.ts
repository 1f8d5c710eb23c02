import { DateTime } from "luxon";
import type { Actor } from "../../domain/people/actor.js";
import { addDays, dayInWords } from "../../domain/schedule/dates.js";
import type { Meeting } from "../../domain/schedule/meeting.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { MOVED_AT_MOST_DAYS } from "../panels/meeting-days.js";
import type { TeamsCalendar } from "../ports/teams-calendar.js";
import type { Versioned } from "../ports/versioned.js";
import { meetingView, type MeetingView } from "./meetings-between.js";
import { LONDON, longDay, refuse, type SchedulingPorts } from "./scheduling-ports.js";

// A coordinator moves or cancels one meeting; only that occurrence changes in Teams, and its
// attendees get the calendar's update or cancellation for it alone.

type ChangePorts = Pick<SchedulingPorts, "catalogue" | "meetings" | "now" | "heldToday">;

async function heldMeeting(
  ports: ChangePorts,
  panelId: string,
  meetingId: string,
  version: string,
): Promise<Versioned<Meeting>> {
  const held = await ports.meetings.meeting(panelId, meetingId);
  if (!held)
    throw refuse(
      "not-found",
      "not-in-teams",
      "That meeting is not in Teams calendars yet. Schedule the panel in Teams first.",
    );
  if (held.etag !== version) {
    throw refuse(
      "conflict",
      "changed-by-someone-else",
      `This meeting was changed by ${held.updatedBy} at ${DateTime.fromISO(held.updatedAt).setZone(LONDON).toFormat("HH:mm")} after you opened it. Reload to see their change, then make yours again.`,
    );
  }
  if (held.value.status === "cancelled")
    throw refuse("not-now", "cancelled", "That meeting has been cancelled, so it cannot be changed.");
  if (!held.value.occurrenceId)
    throw refuse("not-found", "not-in-teams", "That meeting is not in Teams calendars yet.");
  return held;
}

/**
 * Records the change (refused if the meeting changed since it was read), then makes it in the
 * calendar; if the calendar refuses, the record goes back to what it was.
 */
async function change(
  ports: ChangePorts,
  held: Versioned<Meeting>,
  next: Meeting,
  actor: Actor,
  inCalendar: () => Promise<void>,
): Promise<MeetingView> {
  const saved = await ports.meetings.replaceMeeting(next, held.etag, actor.name);
  ports.heldToday?.forget(next.panelId);
  try {
    await inCalendar();
  } catch (e) {
    await ports.meetings.replaceMeeting(held.value, saved.etag, actor.name);
    ports.heldToday?.forget(next.panelId);
    throw e;
  }
  return meetingView(saved);
}

/** How far a meeting can move from its usual date: within the reach of every lookup by the day it is held. */
const MOVE_WEEKS = Math.floor(MOVED_AT_MOST_DAYS / 7);

/**
 * A meeting moves at most MOVE_WEEKS from its usual date, and a series keeps its meetings in
 * order: only to a day between its neighbours, stored or still as the rule gives them.
 */
async function checkBetweenNeighbours(ports: ChangePorts, panelId: string, meeting: Meeting, date: string) {
  const reach = MOVE_WEEKS * 7;
  if (date < addDays(meeting.id, -reach) || date > addDays(meeting.id, reach))
    throw refuse(
      "invalid",
      "too-far",
      `A meeting can move at most ${MOVE_WEEKS} weeks from its usual date, ${dayInWords(meeting.id)}. To meet further away, cancel this meeting and bring its cases to the panel's next meeting.`,
    );
  const from = addDays(meeting.id, -MOVED_AT_MOST_DAYS);
  const to = addDays(meeting.id, MOVED_AT_MOST_DAYS);
  const stored = await ports.meetings.between(panelId, from, to);
  const storedIds = new Set(stored.map((m) => m.value.id));
  const around = [
    ...stored.map((m) => m.value).filter((m) => m.status !== "cancelled"),
    ...occurrencesBetween(ports.catalogue, panelId, from, to)
      .filter((o) => !storedIds.has(o.date))
      .map((o) => ({ id: o.date, date: o.date })),
  ]
    .filter((m) => m.id !== meeting.id)
    .sort((a, b) => a.id.localeCompare(b.id));
  const before = around.filter((m) => m.id < meeting.id).pop();
  const after = around.find((m) => m.id > meeting.id);
  if ((before && date <= before.date) || (after && date >= after.date)) {
    const limits = [before && `after ${longDay(before.date)}`, after && `before ${longDay(after.date)}`]
      .filter(Boolean)
      .join(" and ");
    throw refuse(
      "invalid",
      "outside-its-place",
      `A meeting in a series can move only to a day ${limits}. To meet outside that, cancel this meeting and use the next one.`,
    );
  }
}

/** Moves one meeting to another date and start time. */
export async function moveMeeting(
  ports: ChangePorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  to: { date: string; startTime: string; reason: string },
  version: string,
  calendar: TeamsCalendar,
): Promise<MeetingView> {
  const held = await heldMeeting(ports, panelId, meetingId, version);
  const length = DateTime.fromISO(held.value.end).diff(DateTime.fromISO(held.value.start));
  const start = DateTime.fromISO(`${to.date}T${to.startTime}`, { zone: LONDON });
  if (!start.isValid) throw refuse("invalid", "invalid-time", "That date and time do not exist.");
  if (start.toJSDate() <= ports.now())
    throw refuse("invalid", "in-the-past", "Choose a date and time that has not passed yet.");
  await checkBetweenNeighbours(ports, panelId, held.value, to.date);
  const startIso = start.toISO({ suppressMilliseconds: true }) ?? "";
  const endIso = start.plus(length).toISO({ suppressMilliseconds: true }) ?? "";
  return change(
    ports,
    held,
    {
      ...held.value,
      date: to.date,
      start: startIso,
      end: endIso,
      status: "moved",
      note: to.reason || `Moved from ${longDay(held.value.id)}`,
      setBy: "coordinator",
    },
    actor,
    () => calendar.moveOccurrence(held.value.occurrenceId ?? "", startIso, endIso),
  );
}

/** Cancels one meeting. */
export async function cancelMeeting(
  ports: ChangePorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  reason: string,
  version: string,
  calendar: TeamsCalendar,
): Promise<MeetingView> {
  const held = await heldMeeting(ports, panelId, meetingId, version);
  return change(
    ports,
    held,
    { ...held.value, status: "cancelled", note: reason, setBy: "coordinator" },
    actor,
    () => calendar.cancelOccurrence(held.value.occurrenceId ?? "", reason),
  );
}
