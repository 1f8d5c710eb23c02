import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { DocumentRecords } from "../ports/documents.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import type { MinutesRecordStore } from "../minutes/minutes-ports.js";

/** What a subject's history and its subject access export need; each declares the part it uses. */
export interface HistoryPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  /** The documents attached to its cases and referrals, listed in the subject access export. */
  documents: Pick<DocumentRecords, "ofSubject" | "ofReferral">;
  /** Whether a meeting's minutes are agreed, and who signed in to it: who reads its notes. */
  minutesRecord: Pick<MinutesRecordStore, "agreement">;
  room: Pick<MeetingRoomStore, "room">;
  /** The day each meeting is held, which a moved meeting's id is not. */
  meetings: Pick<MeetingStore, "meeting">;
  now: () => Date;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
}
