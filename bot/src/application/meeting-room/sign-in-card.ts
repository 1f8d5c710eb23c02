import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import type { SignInDetails } from "../ports/channel-announcer.js";
import { agenciesOf, coordinatorsOnly, notMeetingDay, roomMeeting, type RoomPorts } from "./room-ports.js";

// The sign-in card: what it shows (the meeting, the area's statement and agencies; no case, no
// child), and its posting to the panel's channel once per meeting, on a timer or by a coordinator.

export function signInDetails(
  ports: Pick<RoomPorts, "catalogue">,
  panelId: string,
  meetingId: string,
): SignInDetails {
  const { panel, area, description } = roomMeeting(ports, panelId, meetingId);
  return {
    panelId,
    meetingId,
    panelName: panel.name,
    meetingDescription: description,
    statement: area?.confidentialityStatement ?? "",
    agencies: agenciesOf(ports.catalogue, panel.areaId).map((a) => ({ id: a.id, name: a.name })),
  };
}

/** Today's meetings among these panels: what `sign in` typed to the bot offers. */
export function meetingsToday(
  ports: Pick<RoomPorts, "catalogue" | "now">,
  panelIds: string[],
): SignInDetails[] {
  const today = localDay(ports.now());
  return panelIds
    .filter((id) => ports.catalogue.panels.has(id))
    .filter((id) => occurrencesBetween(ports.catalogue, id, today, today).length > 0)
    .map((id) => signInDetails(ports, id, today));
}

/**
 * When a meeting starts (from a quarter of an hour before), posts its sign-in card to the panel's
 * channel, once: run on a timer by every instance, the first to record the posting sends it.
 */
export async function openStartingMeetings(ports: RoomPorts): Promise<number> {
  const now = ports.now();
  const today = localDay(now);
  let posted = 0;
  for (const panel of ports.catalogue.panels.values()) {
    const [meeting] = occurrencesBetween(ports.catalogue, panel.id, today, today);
    if (!meeting) continue;
    const opens = Date.parse(meeting.start) - 15 * 60_000;
    if (now.getTime() < opens || now.getTime() > Date.parse(meeting.end)) continue;
    const first = await ports.room.postCardOnce({
      panelId: panel.id,
      meetingId: today,
      by: "schedule",
      at: now.toISOString(),
    });
    if (!first) continue;
    if (await ports.announcer?.signInOpened(signInDetails(ports, panel.id, today))) posted += 1;
    else await ports.room.forgetCardPosted(panel.id, today);
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
  if (localDay(ports.now()) !== meetingId) throw notMeetingDay();
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
