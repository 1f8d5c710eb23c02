import { withPorts } from "../with-ports.js";
import { agreeCirculation, agreePreviousMinutes } from "./minutes-agreement.js";
import { previousMinutes } from "./previous-minutes.js";
import { recordNote, viewNotes } from "./meeting-notes.js";
import type { MinutesPorts } from "./minutes-ports.js";

// The meeting's record beyond its decisions: each item's note of the discussion, and the minutes'
// agreement at the next meeting (with a chair's agreement to circulate them, where asked for).

export const meetingRecord = (ports: MinutesPorts) => ({
  notes: withPorts(ports, viewNotes),
  recordNote: withPorts(ports, recordNote),
  previousMinutes: withPorts(ports, previousMinutes),
  agreePrevious: withPorts(ports, agreePreviousMinutes),
  agreeCirculation: withPorts(ports, agreeCirculation),
});
export type MeetingRecord = ReturnType<typeof meetingRecord>;
export type { NoteView, NotesView } from "./meeting-notes.js";
export type { PreviousMinutesView } from "./previous-minutes.js";
