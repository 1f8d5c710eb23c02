import { comingMeetings } from "../panels/meeting-days.js";
import { withPorts } from "../with-ports.js";
import type { RoomPorts } from "./room-ports.js";
import { namesHiddenFor, viewRoom } from "./room-view.js";
import { ownSignIn, recordApologies, signInToMeeting } from "./sign-in.js";
import { meetingsToday, openSignIn, openStartingMeetings, signInDetails } from "./sign-in-card.js";

// A meeting as it runs: attendees sign in for their agency and agree to the panel's information
// sharing and confidentiality statement; the coordinator records apologies; quorum follows from
// who has signed in. During the meeting, names are shown only to those who have signed in.

export const meetingRoom = (ports: RoomPorts) => ({
  signInDetails: withPorts(ports, signInDetails),
  meetingsToday: withPorts(ports, meetingsToday),
  namesHiddenFor: withPorts(ports, namesHiddenFor),
  view: withPorts(ports, viewRoom),
  signIn: withPorts(ports, signInToMeeting),
  ownSignIn: withPorts(ports, ownSignIn),
  apologise: withPorts(ports, recordApologies),
  openStartingMeetings: withPorts(ports, openStartingMeetings),
  openSignIn: withPorts(ports, openSignIn),
  /** The panel's coming meetings as held, a moved one on the day it moved to. */
  comingMeetings: withPorts(ports, comingMeetings),
});
export type MeetingRoom = ReturnType<typeof meetingRoom>;

export { ApologyInput, SignInInput } from "./sign-in.js";
export type { RoomView } from "./room-view.js";
export type { SignInDetails, SignInAnnouncer } from "../ports/channel-announcer.js";
