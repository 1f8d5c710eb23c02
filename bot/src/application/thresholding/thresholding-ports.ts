import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import type { ReferralDesk } from "../referrals/referral-desk.js";

/** What the thresholding meeting's commands need. */
export interface ThresholdingPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  room: MeetingRoomStore;
  /** The panel's meetings as scheduled: the day each is held. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  /** A category 2 outcome asks the referrer, as a triage question does. */
  desk: Pick<ReferralDesk, "askAtThresholding">;
  now: () => Date;
}
