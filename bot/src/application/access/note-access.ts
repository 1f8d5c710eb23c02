import type { CaseNote } from "../../domain/minutes/record.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import type { MinutesRecordStore } from "../minutes/minutes-ports.js";
import { heldDayOf, MOVED_AT_MOST_DAYS } from "../panels/meeting-days.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";

// Who may read the notes of a meeting's discussion. They are part of the draft minutes: until the
// panel agrees them, only its coordinators and chairs read them, and, on the meeting's day, those
// signed in to it, who heard the discussion. On the day, nobody reads them before signing in, as
// with names. Presenters never read them. Every client (the meeting's notes, the minutes, a
// subject's history) asks here.

export type NoteSight = "shown" | "wait-for-sign-in" | "draft" | "presenters-not";

/** `heldOn` is the day the meeting is held, which a moved meeting's id is not. */
export function noteSight(
  role: PanelRole | undefined,
  heldOn: string,
  today: string,
  agreed: boolean,
  signedIn: boolean,
): NoteSight {
  if (role === "presenter") return "presenters-not";
  if (heldOn === today) return signedIn ? "shown" : "wait-for-sign-in";
  if (agreed || role === "coordinator" || role === "chair") return "shown";
  return "draft";
}

export const draftNotesRefused = () =>
  new Refusal(
    "not-now",
    "These notes are part of the draft minutes: until the panel agrees them at its next meeting, only its coordinators and chairs read them. Read them in the minutes once they are agreed.",
    { code: "notes-awaiting-agreement" },
  );

/**
 * The notes of a subject's discussion this person may read: one read of each meeting's agreement
 * where their role on its panel does not already decide, with, for a meeting near today (a moved
 * one keeps its id), its record, and today's meeting's sign-ins, all sent together; then the
 * sign-ins of one moved to today.
 */
export async function readableNotes(
  ports: {
    minutesRecord: Pick<MinutesRecordStore, "agreement">;
    room: Pick<MeetingRoomStore, "room">;
    meetings: Pick<MeetingStore, "meeting">;
    now: () => Date;
  },
  personId: string,
  roles: Map<string, PanelRole>,
  notes: CaseNote[],
): Promise<CaseNote[]> {
  const today = localDay(ports.now());
  const asked = (n: CaseNote) => {
    const role = roles.get(n.panelId);
    return role !== "coordinator" && role !== "chair" && role !== "presenter";
  };
  const near = (meetingId: string) =>
    meetingId >= addDays(today, -MOVED_AT_MOST_DAYS) && meetingId <= addDays(today, MOVED_AT_MOST_DAYS);
  const meetings = [...new Set(notes.map((n) => `${n.panelId}|${n.meetingId}`))].map((k) => {
    const [panelId = "", meetingId = ""] = k.split("|");
    return { key: k, panelId, meetingId };
  });
  const facts = new Map(
    await Promise.all(
      meetings.map(async (m) => {
        const needsAgreement = notes.some(
          (n) => n.panelId === m.panelId && n.meetingId === m.meetingId && asked(n),
        );
        // Today's meeting by its id is usually held today: its sign-ins are read alongside.
        const [stored, agreement, todays] = await Promise.all([
          near(m.meetingId) ? ports.meetings.meeting(m.panelId, m.meetingId) : undefined,
          needsAgreement ? ports.minutesRecord.agreement(m.panelId, m.meetingId) : undefined,
          m.meetingId === today ? ports.room.room(m.panelId, m.meetingId) : undefined,
        ]);
        const heldOn = heldDayOf(m.meetingId, stored).day;
        const room =
          heldOn !== today ? undefined : (todays ?? (await ports.room.room(m.panelId, m.meetingId)));
        return [
          m.key,
          {
            heldOn,
            agreed: agreement !== undefined,
            signedIn: room?.signIns.some((s) => s.personId === personId) ?? false,
          },
        ] as const;
      }),
    ),
  );
  return notes.filter((n) => {
    const f = facts.get(`${n.panelId}|${n.meetingId}`);
    const sight = noteSight(
      roles.get(n.panelId),
      f?.heldOn ?? n.meetingId,
      today,
      f?.agreed ?? false,
      f?.signedIn ?? false,
    );
    return sight === "shown";
  });
}
