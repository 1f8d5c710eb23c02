import { z } from "zod";
import type { MinutesStatus } from "../../../domain/minutes/record.js";

// The meeting's record: each agenda item's note of the discussion, and the minutes' agreement at
// the next meeting (with a chair's agreement to circulate them, where the terms of reference ask).

export { AgreementInput, ItemKey, NoteInput } from "../../../domain/minutes/record.js";
export type { MinutesState, MinutesStatus } from "../../../domain/minutes/record.js";
/** Sent to agree the circulation: nothing but the version, in If-Match. */
export const CirculationInput = z.strictObject({});

export interface ItemNoteView {
  /** `case:<subject id>` or `item:<agenda item id>`. */
  itemKey: string;
  text: string;
  recordedByName: string;
  at: string;
  corrections: number;
  /** Sent back (If-Match) with a correction. */
  version: string;
}

export interface NotesResponse {
  notes: ItemNoteView[];
  /** "record" on the meeting's day, "correct" after it until the minutes are agreed. */
  window: { open: "record" | "correct" | "closed"; why: string | null };
  canWrite: boolean;
}

export interface NoteResponse {
  note: ItemNoteView;
}

export interface PreviousMinutesResponse {
  meetingId: string | null;
  meetingDescription: string | null;
  status: MinutesStatus | null;
  canAgree: boolean;
  why: string | null;
  canAgreeCirculation: boolean;
  version: string;
}

export interface MinutesStatusResponse {
  status: MinutesStatus;
}
