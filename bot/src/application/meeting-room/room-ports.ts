import { knownMeeting } from "../panels/known-panels.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import type { HeldTodayCache } from "../panels/held-today.js";
import { cancelledMeeting } from "../panels/meeting-days.js";
import type { SignInAnnouncer } from "../ports/channel-announcer.js";
import type { Directory } from "../ports/directory.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import { Refusal } from "../../domain/refusal.js";

/** What the meeting room's commands need; each declares the part it uses. */
export interface RoomPorts {
  catalogue: Catalogue;
  directory: Directory;
  room: MeetingRoomStore;
  /** The panel's meetings as scheduled: the day each is held, which a moved meeting's id is not. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  now: () => Date;
  announcer?: SignInAnnouncer;
  /** Each panel's meetings held today, kept between the sign-in card's timer ticks. */
  heldToday?: HeldTodayCache;
}

/** The panel, its area and the meeting's description; a date the panel does not meet is refused. */
export function roomMeeting(ports: Pick<RoomPorts, "catalogue">, panelId: string, meetingId: string) {
  const { panel, area, occurrence } = knownMeeting(ports.catalogue, panelId, meetingId);
  return { panel, area, description: describeOccurrence(occurrence) };
}

export const agenciesOf = (catalogue: Catalogue, areaId: string) =>
  [...catalogue.agencies.values()].filter((a) => a.areaId === areaId);

export const notMeetingDay = () =>
  new Refusal("not-now", "Sign-in opens on the day of the meeting.", { code: "not-meeting-day" });

export const signInCancelled = () =>
  cancelledMeeting("sign-in does not open for it", "Sign in to the panel's next meeting.");

export const coordinatorsOnly = (doing: string) =>
  new Refusal("not-allowed", `Only the panel's coordinators ${doing}.`, { code: "not-coordinator" });
