import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import type { z } from "zod";
import type { RoomPorts } from "./room-ports.js";
import { namesHiddenFor, viewRoom } from "./room-view.js";
import { recordApologies, signInToMeeting, type ApologyInput, type SignInInput } from "./sign-in.js";
import { meetingsToday, openSignIn, openStartingMeetings, signInDetails } from "./sign-in-card.js";

// A meeting as it runs: attendees sign in for their agency and agree to the panel's information
// sharing and confidentiality statement; the coordinator records apologies; quorum follows from
// who has signed in. During the meeting, names are shown only to those who have signed in.

export class MeetingRoom {
  constructor(private readonly ports: RoomPorts) {}

  signInDetails = (panelId: string, meetingId: string) => signInDetails(this.ports, panelId, meetingId);
  meetingsToday = (panelIds: string[]) => meetingsToday(this.ports, panelIds);
  namesHiddenFor = (actor: Actor, panelId: string, meetingId: string) =>
    namesHiddenFor(this.ports, actor, panelId, meetingId);
  view = (actor: Actor, panelId: string, meetingId: string) =>
    viewRoom(this.ports, actor, panelId, meetingId);
  signIn = (actor: Actor, panelId: string, meetingId: string, input: SignInInput) =>
    signInToMeeting(this.ports, actor, panelId, meetingId, input);
  apologise = (
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    input: z.infer<typeof ApologyInput>,
  ) => recordApologies(this.ports, actor, role, panelId, meetingId, input);
  openStartingMeetings = () => openStartingMeetings(this.ports);
  openSignIn = (actor: Actor, role: PanelRole, panelId: string, meetingId: string) =>
    openSignIn(this.ports, actor, role, panelId, meetingId);
}

export { ApologyInput, SignInInput } from "./sign-in.js";
export type { RoomView } from "./room-view.js";
export type { SignInDetails, SignInAnnouncer } from "../ports/channel-announcer.js";
