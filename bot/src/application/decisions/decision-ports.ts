import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { AgendaDesk } from "../agenda/agenda-desk.js";
import type { Casework } from "../ports/casework.js";
import type { Directory, DirectoryChanges } from "../ports/directory.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import type { MinutesRecordStore } from "../minutes/minutes-ports.js";
import type { ReferralDesk } from "../referrals/referral-desk.js";

/** What the case decision commands need; each declares the part it uses. */
export interface DecisionPorts {
  catalogue: Catalogue;
  casework: Casework;
  /** Changed only to end the presenter role of a closed case's presenters. */
  directory: Directory & DirectoryChanges;
  room: MeetingRoomStore;
  /** The panel's meetings as scheduled: which were cancelled or moved, and the day each is held. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  /** Each item's note and the minutes' agreement, read for the minutes. */
  minutesRecord: MinutesRecordStore;
  agendaDesk: AgendaDesk;
  desk: ReferralDesk;
  now: () => Date;
}
