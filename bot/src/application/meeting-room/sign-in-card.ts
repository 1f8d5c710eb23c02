import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { localDay } from "../../domain/schedule/dates.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { heldDay, meetingsHeldOn, type HeldMeeting } from "../panels/meeting-days.js";
import type { HeldTodayCache } from "../panels/held-today.js";
import type { SignInDetails } from "../ports/channel-announcer.js";
import {
  agenciesOf,
  coordinatorsOnly,
  notMeetingDay,
  roomMeeting,
  signInCancelled,
  type RoomPorts,
} from "./room-ports.js";

// The sign-in card: what it shows (the meeting, the area's statement and agencies; no case, no
// child), and its posting to the panel's channel once per meeting, on a timer or by a coordinator.

export function signInDetails(
  ports: Pick<RoomPorts, "catalogue">,
  panelId: string,
  meetingId: string,
  held?: HeldMeeting,
): SignInDetails {
  const { panel, area, description } = roomMeeting(ports, panelId, meetingId);
  return {
    panelId,
    meetingId,
    panelName: panel.name,
    meetingDescription: held ? describeOccurrence({ ...held, panelId }) : description,
    statement: area?.confidentialityStatement ?? "",
    agencies: agenciesOf(ports.catalogue, panel.areaId).map((a) => ({ id: a.id, name: a.name })),
  };
}

/**
 * The meetings held today by these panels, moved ones on the day they moved to, one range read
 * each, together; from the kept answers where the caller keeps them.
 */
async function heldToday(
  ports: Pick<RoomPorts, "catalogue" | "meetings" | "now">,
  panelIds: string[],
  kept?: HeldTodayCache,
) {
  const today = localDay(ports.now());
  const read = (panelId: string) =>
    kept ? kept.held(ports, panelId, today) : meetingsHeldOn(ports, panelId, today);
  const held = await Promise.all(
    panelIds
      .filter((id) => ports.catalogue.panels.has(id))
      .map(async (panelId) => ({ panelId, meetings: await read(panelId) })),
  );
  return held.flatMap(({ panelId, meetings }) => meetings.map((meeting) => ({ panelId, meeting })));
}

/** Today's meetings among these panels: what `sign in` typed to the bot offers. */
export async function meetingsToday(
  ports: Pick<RoomPorts, "catalogue" | "meetings" | "now">,
  panelIds: string[],
): Promise<SignInDetails[]> {
  return (await heldToday(ports, panelIds)).map(({ panelId, meeting }) =>
    signInDetails(ports, panelId, meeting.id, meeting),
  );
}

/**
 * When a meeting starts (from a quarter of an hour before), posts its sign-in card to the panel's
 * channel, once: run on a timer by every instance, the first to record the posting sends it.
 */
export async function openStartingMeetings(ports: RoomPorts): Promise<number> {
  const now = ports.now();
  let posted = 0;
  for (const { panelId, meeting } of await heldToday(
    ports,
    [...ports.catalogue.panels.keys()],
    ports.heldToday,
  )) {
    const opens = Date.parse(meeting.start) - 15 * 60_000;
    if (now.getTime() < opens || now.getTime() > Date.parse(meeting.end)) continue;
    const first = await ports.room.postCardOnce({
      panelId,
      meetingId: meeting.id,
      by: "schedule",
      at: now.toISOString(),
    });
    if (!first) continue;
    if (await ports.announcer?.signInOpened(signInDetails(ports, panelId, meeting.id, meeting))) posted += 1;
    else await ports.room.forgetCardPosted(panelId, meeting.id);
  }
  return posted;
}

/** A coordinator posts the sign-in card to the panel's channel, once per meeting. */
export async function openSignIn(
  ports: RoomPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
): Promise<{ posted: boolean; alreadyPosted: boolean }> {
  roomMeeting(ports, panelId, meetingId);
  if (role !== "coordinator") throw coordinatorsOnly("open sign-in");
  const heldOn = await heldDay(ports, panelId, meetingId);
  if (heldOn.cancelled) throw signInCancelled();
  if (localDay(ports.now()) !== heldOn.day) throw notMeetingDay();
  const first = await ports.room.postCardOnce({
    panelId,
    meetingId,
    by: actor.id,
    at: ports.now().toISOString(),
  });
  if (!first) return { posted: false, alreadyPosted: true };
  const posted = (await ports.announcer?.signInOpened(signInDetails(ports, panelId, meetingId))) ?? false;
  // No channel to post to: nothing was posted, so the button stays.
  if (!posted) await ports.room.forgetCardPosted(panelId, meetingId);
  return { posted, alreadyPosted: false };
}
