import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Capacity, representsAgency, type SignIn } from "../../domain/attendance/sign-in.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { localDay } from "../../domain/schedule/dates.js";
import { accessPanel } from "../access/panel-access.js";
import { heldDay } from "../panels/meeting-days.js";
import { Refusal } from "../../domain/refusal.js";
import {
  agenciesOf,
  coordinatorsOnly,
  notMeetingDay,
  roomMeeting,
  signInCancelled,
  type RoomPorts,
} from "./room-ports.js";

// Attendees sign in for the agency they represent, agreeing to the area's statement; the
// coordinator records apologies.

export const SignInInput = z.strictObject({
  agencyId: z.string().min(1, "choose the agency you represent").max(80),
  capacity: Capacity,
  agreed: z.literal(true, "agree to the statement to sign in"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ApologyInput = z.strictObject({
  agencyId: z.string().min(1, "choose the agency").max(80),
  personName: z.string().trim().min(2, "give the name of the person sending apologies").max(256),
});

const unknownAgency = () =>
  new Refusal("invalid", "Choose one of this area's agencies.", { code: "unknown-agency" });

/**
 * Signs a panel member in for an agency, agreeing to the panel's statement, on the day the meeting
 * is held only; a second press changes nothing. Whichever client is pressed, the same access check holds.
 */
export async function signInToMeeting(
  ports: RoomPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  input: SignInInput,
): Promise<{ signIn: SignIn; first: boolean }> {
  await accessPanel(ports, actor.id, panelId);
  const { panel, area } = roomMeeting(ports, panelId, meetingId);
  const [heldOn, person] = await Promise.all([
    heldDay(ports, panelId, meetingId),
    ports.directory.person(actor.id),
  ]);
  if (heldOn.cancelled) throw signInCancelled();
  if (localDay(ports.now()) !== heldOn.day) throw notMeetingDay();
  if (!agenciesOf(ports.catalogue, panel.areaId).some((a) => a.id === input.agencyId)) throw unknownAgency();
  if (!person) {
    throw new Refusal("not-allowed", "You are not in the panel directory. Ask the coordinator to add you.", {
      code: "unknown-person",
    });
  }
  // Only someone from the agency can represent it, and so count towards quorum.
  if (representsAgency(input.capacity) && person.agencyId !== input.agencyId) {
    throw new Refusal(
      "not-allowed",
      "You can sign in as a member or deputy only for your own agency. Sign in as a guest or presenter instead.",
      { code: "not-your-agency" },
    );
  }
  return ports.room.signIn({
    panelId,
    meetingId,
    personId: actor.id,
    name: person.displayName,
    agencyId: input.agencyId,
    capacity: input.capacity,
    agreedTo: area?.confidentialityStatement ?? "",
    at: ports.now().toISOString(),
  });
}

/**
 * The person's own sign-in to a meeting, if they have signed in: what their view of the sign-in
 * card shows. It holds nothing about anyone else, so it needs no more than the meeting to exist.
 */
export async function ownSignIn(
  ports: RoomPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
): Promise<SignIn | undefined> {
  roomMeeting(ports, panelId, meetingId);
  const { signIns } = await ports.room.room(panelId, meetingId);
  return signIns.find((s) => s.personId === actor.id);
}

/** The coordinator records an agency's apologies. */
export async function recordApologies(
  ports: RoomPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  input: z.infer<typeof ApologyInput>,
): Promise<void> {
  const { panel } = roomMeeting(ports, panelId, meetingId);
  if (role !== "coordinator") throw coordinatorsOnly("record apologies");
  if (!agenciesOf(ports.catalogue, panel.areaId).some((a) => a.id === input.agencyId)) throw unknownAgency();
  await ports.room.addApology(
    {
      id: randomUUID(),
      panelId,
      meetingId,
      agencyId: input.agencyId,
      personName: input.personName,
      recordedBy: actor.name,
      at: ports.now().toISOString(),
    },
    actor.id,
  );
}
