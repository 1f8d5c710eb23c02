import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { ChannelAnnouncer } from "../ports/channel-announcer.js";
import type { Directory } from "../ports/directory.js";
import type { AgendaStore, MeetingStore } from "../ports/meetings.js";

/** What the agenda commands need; each declares the part it uses. */
export interface AgendaPorts {
  catalogue: Catalogue;
  directory: Directory;
  casework: Casework;
  meetings: MeetingStore;
  agendas: AgendaStore;
  now: () => Date;
  announcer?: ChannelAnnouncer;
}
