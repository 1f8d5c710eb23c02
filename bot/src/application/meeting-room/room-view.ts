import { quorumOf, type Quorum } from "../../domain/attendance/sign-in.js";
import { DECISION_KINDS, DECISION_LABELS, DISRUPTIONS } from "../../domain/decisions/decision.js";
import type { DecisionWindow } from "../../domain/decisions/taken.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { chairsOf, windowFor } from "../decisions/how-taken.js";
import { agenciesOf, roomMeeting, type RoomPorts } from "./room-ports.js";

// The meeting as it runs, for the tab's meeting page: who has signed in, apologies, live quorum,
// what a decision can choose from, and whether one can be recorded today and how.

export interface RoomView {
  panelId: string;
  meetingId: string;
  meetingDescription: string;
  /** The statement every attendee agrees to when signing in. */
  statement: string;
  /** True on the meeting's day: sign-in is open and names wait for it. */
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string; agency: string; capacity: string; at: string }[];
  apologies: { id: string; name: string; agency: string }[];
  quorum: Quorum;
  agencies: { id: string; name: string }[];
  myAgencyId: string | null;
  signInCardPosted: boolean;
  /** What a decision can choose from: the area's risk scale, and other areas' panels to transfer to. */
  riskLevels: { id: string; label: string }[];
  transferPanels: { id: string; name: string }[];
  decisionKinds: { value: string; label: string }[];
  disruptions: readonly string[];
  /** What can be recorded today: decisions at the meeting, only chairs' decisions, or nothing, and why. */
  deciding: Pick<DecisionWindow, "how" | "why">;
  /** The panel's chairs, one of whom agrees a chairs' decision. */
  chairs: { id: string; name: string }[];
}

export async function viewRoom(
  ports: RoomPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
): Promise<RoomView> {
  const { catalogue } = ports;
  const { panel, area, description } = roomMeeting(ports, panelId, meetingId);
  const [{ signIns, apologies, cardPosted }, me, chairs] = await Promise.all([
    ports.room.room(panelId, meetingId),
    ports.directory.person(actor.id),
    chairsOf(ports, panelId),
  ]);
  const agencyName = (id: string) => catalogue.agencies.get(id)?.name ?? id;
  const { how, why } = windowFor(ports, panelId, meetingId);
  return {
    panelId,
    meetingId,
    meetingDescription: description,
    statement: area?.confidentialityStatement ?? "",
    inProgress: localDay(ports.now()) === meetingId,
    signedIn: signIns.some((s) => s.personId === actor.id),
    signIns: signIns
      .map((s) => ({ name: s.name, agency: agencyName(s.agencyId), capacity: s.capacity, at: s.at }))
      .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name)),
    apologies: apologies.map((a) => ({
      id: a.value.id,
      name: a.value.personName,
      agency: agencyName(a.value.agencyId),
    })),
    quorum: quorumOf(panel, catalogue.agencies, signIns),
    agencies: agenciesOf(catalogue, panel.areaId).map((a) => ({ id: a.id, name: a.name })),
    myAgencyId: me?.agencyId ?? null,
    signInCardPosted: cardPosted,
    riskLevels: area?.riskScale.levels ?? [],
    decisionKinds: DECISION_KINDS.map((value) => ({ value, label: DECISION_LABELS[value] })),
    disruptions: DISRUPTIONS,
    transferPanels: [...catalogue.panels.values()]
      .filter((p) => p.areaId !== panel.areaId && p.tier === "operational")
      .map((p) => ({
        id: p.id,
        name: `${catalogue.areas.find((a) => a.id === p.areaId)?.name ?? p.areaId}: ${p.name}`,
      })),
    deciding: { how, why },
    chairs,
  };
}

/** Whether names must wait: on the meeting's day, for anyone who has not signed in and agreed. */
export async function namesHiddenFor(
  ports: Pick<RoomPorts, "room" | "now">,
  actor: Actor,
  panelId: string,
  meetingId: string,
): Promise<boolean> {
  if (localDay(ports.now()) !== meetingId) return false;
  const { signIns } = await ports.room.room(panelId, meetingId);
  return !signIns.some((s) => s.personId === actor.id);
}
