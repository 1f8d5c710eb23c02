import { quorumOf, type Quorum } from "../../domain/attendance/sign-in.js";
import { DECISION_KINDS, DECISION_LABELS, DISRUPTIONS } from "../../domain/decisions/decision.js";
import type { DecisionWindow } from "../../domain/decisions/taken.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { chairsOf, windowFor } from "../decisions/how-taken.js";
import { knownMeeting } from "../panels/known-panels.js";
import { heldDay, heldDayOf, meetingsHeldOn } from "../panels/meeting-days.js";
import { agenciesOf, type RoomPorts } from "./room-ports.js";

// The meeting as it runs, for the tab's meeting page: who has signed in, apologies, live quorum,
// what a decision can choose from, and whether one can be recorded today and how.

export interface RoomView {
  panelId: string;
  meetingId: string;
  meetingDescription: string;
  /** The statement every attendee agrees to when signing in. */
  statement: string;
  /** True on the day the meeting is held: sign-in is open and names wait for it. */
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
  const { panel, area, occurrence } = knownMeeting(catalogue, panelId, meetingId);
  const stored = ports.meetings.meeting(panelId, meetingId);
  const [{ signIns, apologies, cardPosted }, me, chairs, held, { how, why, heldOn, cancelled }] =
    await Promise.all([
      ports.room.room(panelId, meetingId),
      ports.directory.person(actor.id),
      chairsOf(ports, panelId),
      stored,
      windowFor(
        ports,
        panelId,
        meetingId,
        stored.then((m) => heldDayOf(meetingId, m)),
      ),
    ]);
  const agencyName = (id: string) => catalogue.agencies.get(id)?.name ?? id;
  return {
    panelId,
    meetingId,
    meetingDescription: describeOccurrence(held ? { ...held.value, panelId } : occurrence),
    statement: area?.confidentialityStatement ?? "",
    inProgress: localDay(ports.now()) === heldOn && !cancelled,
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

/**
 * The day the meeting is held and its sign-ins, read together: whether it is held today, whether
 * this person has signed in, and so whether names must wait for them.
 */
export async function meetingToday(
  ports: Pick<RoomPorts, "room" | "meetings" | "now">,
  actor: Actor,
  panelId: string,
  meetingId: string,
) {
  const [{ day: heldOn, cancelled }, { signIns }] = await Promise.all([
    heldDay(ports, panelId, meetingId),
    ports.room.room(panelId, meetingId),
  ]);
  const heldToday = localDay(ports.now()) === heldOn && !cancelled;
  const signedIn = signIns.some((s) => s.personId === actor.id);
  return { heldOn, cancelled, heldToday, signIns, signedIn, namesHidden: heldToday && !signedIn };
}

/** Whether names must wait: on the day the meeting is held, for anyone who has not signed in and agreed. */
export async function namesHiddenFor(
  ports: Pick<RoomPorts, "room" | "meetings" | "now">,
  actor: Actor,
  panelId: string,
  meetingId: string,
): Promise<boolean> {
  return (await meetingToday(ports, actor, panelId, meetingId)).namesHidden;
}

/**
 * Whether names must wait on a panel's page today (its cohort): where the panel holds a meeting
 * today, for anyone signed in to none of today's meetings (two are held the same day when one
 * moved onto another's). Today's sign-ins by the rule's date are read alongside, for the usual
 * meeting that has not moved.
 */
export async function namesHiddenToday(
  ports: Pick<RoomPorts, "catalogue" | "room" | "meetings" | "now">,
  actor: Actor,
  panelId: string,
): Promise<boolean> {
  const today = localDay(ports.now());
  const byRule = occurrencesBetween(ports.catalogue, panelId, today, today).length > 0;
  const [held, ruleRoom] = await Promise.all([
    meetingsHeldOn(ports, panelId, today),
    byRule ? ports.room.room(panelId, today) : undefined,
  ]);
  const rooms = await Promise.all(
    held.map((m) => (m.id === today && ruleRoom ? ruleRoom : ports.room.room(panelId, m.id))),
  );
  return held.length > 0 && !rooms.some(({ signIns }) => signIns.some((s) => s.personId === actor.id));
}
