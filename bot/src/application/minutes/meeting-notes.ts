import { DateTime } from "luxon";
import { noteWindow, type ItemNote, type NoteInput, type NoteWindow } from "../../domain/minutes/record.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { casesDueAt } from "../../domain/agenda/due-cases.js";
import { localDay } from "../../domain/schedule/dates.js";
import type { Meeting } from "../../domain/schedule/meeting.js";
import { draftNotesRefused, noteSight } from "../access/note-access.js";
import { auditEntry, auditListView } from "../audit/audit-trail.js";
import { knownMeeting } from "../panels/known-panels.js";
import { cancelledWords, heldDay, heldDayOf, isNextMeeting } from "../panels/meeting-days.js";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { refuseSubjectDetail } from "./meeting-wide-text.js";
import type { MinutesPorts } from "./minutes-ports.js";

// The coordinator's short note of each agenda item's discussion: taken during the meeting, on its
// day, signed in to it; corrected after it until the minutes are agreed. A note on a case is a
// detail of the subject: every read that shows one is audited. Who reads them is decided in
// access/note-access.ts: on the day, once signed in; after it, the coordinators and chairs until
// the minutes are agreed.

export interface NoteView {
  itemKey: string;
  text: string;
  recordedByName: string;
  at: string;
  corrections: number;
  version: string;
}

export interface NotesView {
  notes: NoteView[];
  /** What the person can do with the notes today, and why not. */
  window: NoteWindow;
  /** Whether this person may write them (the panel's coordinators). */
  canWrite: boolean;
}

const hhmm = (iso: string): string => DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("HH:mm");
const notMembers = () =>
  new Refusal("not-allowed", "Only the panel's members read the notes of its meetings.", {
    code: "members-only",
  });

const toView = (n: Versioned<ItemNote>): NoteView => ({
  itemKey: n.value.itemKey,
  text: n.value.text,
  recordedByName: n.value.recordedByName,
  at: n.value.at,
  corrections: n.value.corrections,
  version: n.etag,
});

/** The meeting's notes; the read of case notes is audited, naming the cases shown. */
export async function viewNotes(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  via: string,
): Promise<NotesView> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (role === "presenter") throw notMembers();
  const [stored, agreement, { signIns }, { day: heldOn, cancelled }] = await Promise.all([
    ports.minutesRecord.notes(panelId, meetingId),
    ports.minutesRecord.agreement(panelId, meetingId),
    ports.room.room(panelId, meetingId),
    heldDay(ports, panelId, meetingId),
  ]);
  const today = localDay(ports.now());
  const signedIn = signIns.some((s) => s.personId === actor.id);
  const sight = noteSight(role, heldOn, today, agreement !== undefined, signedIn);
  if (sight === "draft") throw draftNotesRefused();
  // On the meeting's day, notes wait for sign-in as names do.
  const shown = sight === "shown" ? stored : [];
  await auditListView(ports, {
    areaId: panel.areaId,
    panelId,
    actorId: actor.id,
    action: "notes.viewed",
    shown: shown.flatMap((n) => (n.value.reference ? [n.value.reference] : [])),
    via,
  });
  return {
    notes: shown.map(toView),
    window: cancelled ? notesCancelled : noteWindow(heldOn, today, agreement !== undefined),
    canWrite: role === "coordinator",
  };
}

const notNow = (message: string, code: string) => new Refusal("not-now", message, { code });

const notesCancelled: NoteWindow = {
  open: "closed",
  why: cancelledWords("no notes are taken for it", "Note the discussion at the panel's next meeting."),
};

/**
 * The item a note is kept against: a case on this meeting's agenda or decided at it (with its
 * reference), or a fixed item of the panel's agenda. The cases are the agenda's, worked out as
 * the agenda does: due at the meeting, decided at it, or, at the panel's next meeting, drifting.
 */
async function itemOf(
  ports: MinutesPorts,
  panel: { id: string; areaId: string; agendaTemplateId: string },
  meetingId: string,
  itemKey: string,
  meeting: Versioned<Meeting> | undefined,
) {
  const [kind, id = ""] = itemKey.split(":");
  if (kind === "case") {
    const [{ cases, drifting }, decisions] = await Promise.all([
      ports.casework.casesAndDrift(panel.areaId, panel.id, localDay(ports.now()), meetingId),
      ports.casework.decisionsAt(panel.areaId, panel.id, meetingId),
    ]);
    // A drifting case is on the agenda of the panel's next meeting only: asked only for one.
    const next = drifting.has(id) && (await isNextMeeting(ports, panel.id, meetingId, ports.now(), meeting));
    const due = casesDueAt(
      meetingId,
      cases.map((c) => c.value),
      {},
      next ? drifting : new Set(),
    ).find((c) => c.subjectId === id);
    const decided = decisions.find((d) => d.value.subjectId === id);
    const reference = due?.reference ?? decided?.value.reference;
    if (reference) return { reference, subjectId: id };
    if (!(await ports.casework.case(panel.areaId, panel.id, id)))
      throw new Refusal("not-found", "That case is not on this panel.", { code: "unknown-case" });
    throw new Refusal(
      "not-found",
      "That case is not on this meeting's agenda and was not decided at it. Note its discussion at the meeting that discusses it.",
      { code: "not-on-agenda" },
    );
  }
  const template = ports.catalogue.agendaTemplates.get(panel.agendaTemplateId);
  if (!template?.items.some((i) => i.kind === "item" && i.id === id))
    throw new Refusal("not-found", "That item is not on this panel's agenda.", { code: "unknown-item" });
  return { reference: null, subjectId: null };
}

/**
 * Records or corrects the note of one item, on the version read ("none" for the first). On the
 * meeting's day the coordinator must be signed in to it; afterwards a note can be corrected until
 * the minutes are agreed.
 */
export async function recordNote(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  itemKey: string,
  input: NoteInput,
  version: string,
): Promise<NoteView> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (role !== "coordinator")
    throw new Refusal("not-allowed", "Only the panel's coordinators record the notes of a meeting.", {
      code: "not-coordinator",
    });
  const today = localDay(ports.now());
  const [agreement, stored, { signIns }, meeting] = await Promise.all([
    ports.minutesRecord.agreement(panelId, meetingId),
    ports.minutesRecord.notes(panelId, meetingId),
    ports.room.room(panelId, meetingId),
    ports.meetings.meeting(panelId, meetingId),
  ]);
  const { day: heldOn, cancelled } = heldDayOf(meetingId, meeting);
  const window = cancelled ? notesCancelled : noteWindow(heldOn, today, agreement !== undefined);
  if (window.open === "closed") throw notNow(window.why, cancelled ? "meeting-cancelled" : "notes-closed");
  if (window.open === "record" && !signIns.some((s) => s.personId === actor.id))
    throw notNow(
      "Sign in to the meeting first: its notes are taken by a coordinator signed in to it.",
      "not-signed-in",
    );
  const existing = stored.find((n) => n.value.itemKey === itemKey);
  if (window.open === "correct" && !existing)
    throw notNow(
      "Notes are taken at the meeting, on its day: after it, only a note already taken can be corrected.",
      "notes-closed",
    );
  if ((existing?.etag ?? "none") !== version) throw changedBy(existing);
  const item = await itemOf(ports, panel, meetingId, itemKey, meeting);
  if (!item.subjectId) await refuseSubjectDetail(ports, panel, meetingId, "text", input.text);
  const note: ItemNote = {
    panelId,
    meetingId,
    itemKey,
    reference: item.reference,
    text: input.text,
    recordedById: actor.id,
    recordedByName: actor.name,
    at: ports.now().toISOString(),
    takenAt: existing ? (existing.value.takenAt ?? existing.value.at) : ports.now().toISOString(),
    corrections: existing ? existing.value.corrections + (window.open === "correct" ? 1 : 0) : 0,
  };
  // The subject's copy goes first: retention and the subject's record find every note saved.
  if (item.subjectId) await keepUnderSubject(ports, panel.areaId, item.subjectId, note, actor.name);
  let saved: Versioned<ItemNote>;
  try {
    saved = await ports.minutesRecord.saveNote(note, existing?.etag ?? null, actor.name);
  } catch (e) {
    if (e instanceof AlreadyExists || e instanceof ConcurrencyConflict) {
      const now = (await ports.minutesRecord.notes(panelId, meetingId)).find(
        (n) => n.value.itemKey === itemKey,
      );
      // The copy follows the note that was saved, not the one refused.
      if (item.subjectId && now)
        await keepUnderSubject(ports, panel.areaId, item.subjectId, now.value, actor.name);
      throw changedBy(now);
    }
    throw e;
  }
  await ports.casework.appendAudit(panel.areaId, [
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId,
      actorId: actor.id,
      action: existing ? "note.corrected" : "note.recorded",
      subjectId: item.subjectId,
      reference: (item.reference ?? `note ${meetingId}`).slice(0, 20),
      via: "tab meeting",
    }),
  ]);
  return toView(saved);
}

async function keepUnderSubject(
  ports: MinutesPorts,
  areaId: string,
  subjectId: string,
  note: ItemNote,
  by: string,
): Promise<void> {
  const unit = ports.casework.unit(areaId, by);
  unit.putCaseNote({ ...note, areaId, subjectId });
  await unit.commit();
}

const changedBy = (note: Versioned<ItemNote> | undefined) =>
  new Refusal(
    "conflict",
    `This note was changed by ${note ? `${note.value.recordedByName} at ${hhmm(note.value.at)}` : "someone else"}. Reload to see it before saving.`,
    { code: "changed-by-someone-else" },
  );
