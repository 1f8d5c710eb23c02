import {
  minutesStatus,
  agreementWindow,
  nothingRecorded,
  type MinutesAgreement,
  type MinutesStatus,
} from "../../domain/minutes/record.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { addDays, dayInWords, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { knownMeeting } from "../panels/known-panels.js";
import { cancelledWords, heldDay, type HeldMeeting } from "../panels/meeting-days.js";
import type { Versioned } from "../ports/versioned.js";
import type { MinutesPorts } from "./minutes-ports.js";

// The previous meeting's minutes as the next meeting sees them: which meeting's they are, where
// their agreement stands, and whether they can be agreed now. Recording the agreement is in
// minutes-agreement.ts.

/**
 * The meeting whose minutes this one agrees: the latest earlier meeting that was not cancelled
 * and had something recorded (or whose minutes were agreed), so that a cancelled or empty meeting
 * between does not leave them a draft. Without one, the latest earlier meeting held, with nothing
 * recorded; null at the panel's first. Walked back one meeting at a time, latest first.
 */
export async function previousMeetingOf(
  ports: Pick<MinutesPorts, "catalogue" | "meetings" | "room" | "casework" | "minutesRecord">,
  panel: { id: string; areaId: string },
  meetingId: string,
): Promise<{ meetingId: string; recorded: boolean; held: HeldMeeting } | null> {
  const from = addDays(meetingId, -370);
  const to = addDays(meetingId, -1);
  const stored = await ports.meetings.between(panel.id, from, to);
  const cancelled = new Set(stored.filter((m) => m.value.status === "cancelled").map((m) => m.value.id));
  // Each as held: on its stored day and times, or the rule's.
  const held = new Map<string, HeldMeeting>([
    ...occurrencesBetween(ports.catalogue, panel.id, from, to).map(
      (o) => [o.date, { id: o.date, date: o.date, start: o.start, end: o.end }] as const,
    ),
    ...stored.map(({ value: { id, date, start, end } }) => [id, { id, date, start, end }] as const),
  ]);
  const earlier = [...held.values()]
    .filter((m) => !cancelled.has(m.id))
    .sort((x, y) => y.id.localeCompare(x.id));
  for (const m of earlier)
    if (await recordedAt(ports, panel, m.id)) return { meetingId: m.id, recorded: true, held: m };
  return earlier[0] ? { meetingId: earlier[0].id, recorded: false, held: earlier[0] } : null;
}

/**
 * The day of the panel's next meeting after this one, where its minutes are agreed: by its rule,
 * less the meetings a coordinator cancelled, on the day a coordinator moved one to. One key range.
 */
export async function nextMeetingOf(
  ports: Pick<MinutesPorts, "catalogue" | "meetings">,
  panelId: string,
  meetingId: string,
): Promise<string | null> {
  const from = addDays(meetingId, 1);
  const to = addDays(meetingId, 370);
  const stored = new Map((await ports.meetings.between(panelId, from, to)).map((m) => [m.value.id, m.value]));
  const ids = new Set([
    ...occurrencesBetween(ports.catalogue, panelId, from, to).map((o) => o.date),
    ...stored.keys(),
  ]);
  const days = [...ids]
    .filter((id) => stored.get(id)?.status !== "cancelled")
    .map((id) => stored.get(id)?.date ?? id)
    .filter((day) => day > meetingId)
    .sort();
  return days[0] ?? null;
}

export const circulationOf = (panel: Panel) => panel.minutesCirculation ?? "on-agreement";

/** Where a meeting's minutes stand. */
export async function statusOf(
  ports: Pick<MinutesPorts, "catalogue" | "minutesRecord" | "meetings">,
  panel: Panel,
  meetingId: string,
): Promise<{
  status: MinutesStatus;
  agreement: Versioned<MinutesAgreement> | undefined;
  /** The day of the panel's next meeting. */
  next: string | null;
}> {
  const [agreement, next] = await Promise.all([
    ports.minutesRecord.agreement(panel.id, meetingId),
    nextMeetingOf(ports, panel.id, meetingId),
  ]);
  return { agreement, next, status: statusShown(panel, agreement, true, next) };
}

/** The status in words, with or without the correction the panel asked for (it can name people). */
export const statusShown = (
  panel: Panel,
  agreement: Versioned<MinutesAgreement> | undefined,
  withCorrection: boolean,
  /** The day of the panel's next meeting, where a draft is agreed. */
  next: string | null,
): MinutesStatus => minutesStatus(agreement?.value, circulationOf(panel), next, withCorrection);

/**
 * Whether anything was recorded at a meeting: a sign-in, a decision (the chairs' ones recorded
 * against it too), an action, a note, or its minutes' agreement. Five reads, each one range or
 * point read, sent together.
 */
async function recordedAt(
  ports: Pick<MinutesPorts, "room" | "casework" | "minutesRecord">,
  panel: { id: string; areaId: string },
  meetingId: string,
): Promise<boolean> {
  const [room, decisions, actions, notes, agreement] = await Promise.all([
    ports.room.room(panel.id, meetingId),
    ports.casework.decisionsAt(panel.areaId, panel.id, meetingId),
    ports.casework.actionsAt(panel.areaId, panel.id, meetingId),
    ports.minutesRecord.notes(panel.id, meetingId),
    ports.minutesRecord.agreement(panel.id, meetingId),
  ]);
  return agreement !== undefined || [room.signIns, decisions, actions, notes].some((f) => f.length > 0);
}

export interface PreviousMinutesView {
  /** The meeting whose minutes this meeting agrees; null at the panel's first. */
  meetingId: string | null;
  meetingDescription: string | null;
  status: MinutesStatus | null;
  /** Whether this person can record them agreed now, and why not. */
  canAgree: boolean;
  why: string | null;
  /** Whether this person, a chair, can agree to their circulation now. */
  canAgreeCirculation: boolean;
  version: string;
}

/** The previous meeting's minutes, as this meeting's "minutes and outstanding actions" item shows them. */
export async function previousMinutes(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
): Promise<PreviousMinutesView> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  const found = await previousMeetingOf(ports, panel, meetingId);
  if (!found)
    return {
      meetingId: null,
      meetingDescription: null,
      status: null,
      canAgree: false,
      why: "This is the panel's first meeting: there are no minutes to agree.",
      canAgreeCirculation: false,
      version: "none",
    };
  const previous = found.meetingId;
  const [agreement, { signIns }, next, { day: heldOn, cancelled }] = await Promise.all([
    ports.minutesRecord.agreement(panelId, previous),
    ports.room.room(panelId, meetingId),
    nextMeetingOf(ports, panelId, previous),
    heldDay(ports, panelId, meetingId),
  ]);
  const today = localDay(ports.now());
  // The correction can name people: not for presenters, nor before sign-in on the meeting's day.
  const namesHidden = today === heldOn && !signIns.some((s) => s.personId === actor.id);
  const status = statusShown(panel, agreement, role !== "presenter" && !namesHidden, next);
  const meetingDescription = describeOccurrence({ ...found.held, panelId });
  if (!found.recorded) {
    const none = nothingRecorded(found.held.date);
    return {
      meetingId: previous,
      meetingDescription,
      status: none,
      canAgree: false,
      why: none.words,
      canAgreeCirculation: false,
      version: "none",
    };
  }
  const window = cancelled
    ? minutesCancelled(found.held.date)
    : agreementWindow(heldOn, found.held.date, today, agreement?.value);
  return {
    meetingId: previous,
    meetingDescription,
    status,
    canAgree: role === "coordinator" && window.open,
    why: role === "coordinator" ? window.why : "The panel's coordinator records the minutes as agreed.",
    canAgreeCirculation: role === "chair" && status.state === "awaiting-chair",
    version: agreement?.etag ?? "none",
  };
}

/** A cancelled meeting agrees no minutes: the previous meeting's (held on `previousDay`) wait for the next. */
export const minutesCancelled = (previousDay: string) =>
  ({
    open: false,
    why: cancelledWords(
      `the minutes of ${dayInWords(previousDay)} are not agreed at it`,
      "They are agreed at the panel's next meeting.",
    ),
  }) as const;
