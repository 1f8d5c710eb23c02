import type { ItemNote, MinutesAgreement } from "../../domain/minutes/record.js";
import type { Casework } from "../ports/casework.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Directory } from "../ports/directory.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import type { Versioned } from "../ports/versioned.js";

// The meeting's record: the notes of each item's discussion and the minutes' agreement, kept in
// the meeting's own partition beside its agenda and sign-ins.

export interface MinutesRecordStore {
  /** Every note of the meeting, in one key range. */
  notes(panelId: string, meetingId: string): Promise<Versioned<ItemNote>[]>;
  /** The first note of an item (AlreadyExists if another came first) or a correction (ConcurrencyConflict if stale). */
  saveNote(note: ItemNote, etag: string | null, by: string): Promise<Versioned<ItemNote>>;
  agreement(panelId: string, meetingId: string): Promise<Versioned<MinutesAgreement> | undefined>;
  /** The agreement's first record (AlreadyExists if another came first) or the chair's addition (ConcurrencyConflict if stale). */
  saveAgreement(a: MinutesAgreement, etag: string | null, by: string): Promise<Versioned<MinutesAgreement>>;
}

/** What the meeting's record needs. */
export interface MinutesPorts {
  catalogue: Catalogue;
  casework: Pick<Casework, "appendAudit" | "case" | "casesAndDrift" | "unit" | "decisionsAt" | "actionsAt">;
  directory: Directory;
  room: Pick<MeetingRoomStore, "room">;
  /** The panel's meetings as scheduled: which were cancelled, and the day each is held. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  minutesRecord: MinutesRecordStore;
  now: () => Date;
}
