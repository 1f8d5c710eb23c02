import { meetingRoom } from "../../bot/src/application/meeting-room/meeting-room.js";
import type { RoomPorts } from "../../bot/src/application/meeting-room/room-ports.js";

/**
 * Signs a person in to a meeting as a member for their own agency, agreeing to the statement: what
 * a coordinator does on the meeting's day before recording its decisions.
 */
export async function signInToMeeting(
  ports: RoomPorts,
  actor: { id: string; name: string },
  panelId: string,
  meetingId: string,
): Promise<void> {
  const person = await ports.directory.person(actor.id);
  if (!person) throw new Error(`${actor.name} is not in the directory`);
  await meetingRoom(ports).signIn(actor, panelId, meetingId, {
    agencyId: person.agencyId,
    capacity: "member",
    agreed: true,
  });
}
