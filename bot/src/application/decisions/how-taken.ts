import { quorumOf } from "../../domain/attendance/sign-in.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import type { DecisionInput, DecisionProblem, MeetingHeld } from "../../domain/decisions/decision.js";
import {
  decisionWindow,
  takenAtTheMeeting,
  type DecisionWindow,
  type Taken,
} from "../../domain/decisions/taken.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole, Person } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { addDays, dayInWords, localDay } from "../../domain/schedule/dates.js";
import {
  cancelledWords,
  heldDay,
  meetingsHeld,
  nextMeetingHeldAfter,
  type HeldDay,
} from "../panels/meeting-days.js";
import type { Directory } from "../ports/directory.js";
import type { DecisionPorts } from "./decision-ports.js";

// Whether a decision can be recorded now, and how it is taken: at the meeting, on its day, by a
// coordinator signed in to it (with the quorum at that moment); or, between meetings, as a chairs'
// decision outside the meeting, against the panel's next meeting, by a coordinator or a chair.

/**
 * The panel's meetings held after a day, cancelled ones left out, as held: where a decision taken
 * that day (at this meeting, held that day, or by the chairs between meetings) can send a case.
 */
export async function meetingsHeldAfter(
  ports: Pick<DecisionPorts, "catalogue" | "meetings">,
  panelId: string,
  day: string,
): Promise<MeetingHeld[]> {
  return (await meetingsHeld(ports, panelId, addDays(day, 1), addDays(day, 550))).map((m) => ({
    id: m.id,
    heldOn: m.date,
  }));
}

/**
 * What can be recorded against this meeting today, by the day it is held (`heldOn`, where the
 * caller reads it already) and, unless it is held today, the panel's next meeting held after today.
 */
export async function windowFor(
  ports: Pick<DecisionPorts, "catalogue" | "meetings" | "now">,
  panelId: string,
  meetingId: string,
  heldOn: HeldDay | Promise<HeldDay> = heldDay(ports, panelId, meetingId),
): Promise<DecisionWindow & { today: string; heldOn: string; cancelled: boolean }> {
  const today = localDay(ports.now());
  const { day, cancelled } = await heldOn;
  if (cancelled)
    return {
      how: "closed",
      why: cancelledWords(
        "no decision is recorded against it",
        "Record it at the panel's next meeting or, if it cannot wait, as a chairs' decision on that meeting.",
      ),
      today,
      heldOn: day,
      cancelled,
    };
  // Held today, it is the meeting decisions are taken at: the next one is read only otherwise.
  const next = day === today ? null : await nextMeetingHeldAfter(ports, panelId, today);
  const nextDay = next && { id: next.id, heldOn: next.date };
  return { ...decisionWindow({ id: meetingId, heldOn: day }, today, nextDay), today, heldOn: day, cancelled };
}

/** The panel's chairs, as the directory names them, suspended ones left out: who can agree a chairs' decision. */
export async function chairsOf(
  ports: { directory: Directory },
  panelId: string,
): Promise<{ id: string; name: string }[]> {
  const ids = (await ports.directory.membersOf(panelId))
    .filter((m) => m.role === "chair")
    .map((m) => m.personId);
  const people = ids.length ? await ports.directory.people(ids) : new Map<string, Person>();
  return ids.flatMap((id) => {
    const person = people.get(id);
    return person && !person.suspended ? [{ id, name: person.displayName }] : [];
  });
}

const notNow = (message: string, code: string) => new Refusal("not-now", message, { code });

/**
 * Refuses, saying what to do instead, a decision that cannot be recorded against this meeting
 * today or by this person.
 */
export async function refuseUnlessOpen(
  ports: Pick<DecisionPorts, "catalogue" | "meetings" | "now">,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  input: DecisionInput,
): Promise<void> {
  if (!input.chairsDecision && role !== "coordinator")
    throw new Refusal("not-allowed", "Only the panel's coordinators record decisions.", {
      code: "not-coordinator",
    });
  if (input.chairsDecision && role !== "coordinator" && role !== "chair")
    throw new Refusal("not-allowed", "Only the panel's coordinators and chairs record a chairs' decision.", {
      code: "not-coordinator-or-chair",
    });
  const window = await windowFor(ports, panelId, meetingId);
  if (!input.chairsDecision) {
    if (window.how === "chairs-decision")
      throw notNow(
        `Decisions are recorded at the meeting, on its day: this meeting is on ${dayInWords(window.heldOn)}. If the chairs have agreed this between meetings, record it as a chairs' decision outside the meeting.`,
        "not-meeting-day",
      );
    if (window.how === "closed")
      throw notNow(window.why, window.cancelled ? "meeting-cancelled" : "not-meeting-day");
    return;
  }
  if (window.how === "at-the-meeting")
    throw notNow(
      "The panel meets today: record the decision at the meeting, signed in to it, not as a chairs' decision.",
      "meeting-today",
    );
  if (window.how === "closed")
    throw notNow(window.why, window.cancelled ? "meeting-cancelled" : "not-next-meeting");
}

/**
 * How the decision is taken: at the meeting by a coordinator signed in to it, with the quorum at
 * that moment; or as a chairs' decision on `today`, with what is wrong in its part of the form.
 */
export async function howTakenNow(
  ports: Pick<DecisionPorts, "catalogue" | "directory" | "room">,
  actor: Actor,
  panel: Panel,
  meetingId: string,
  input: DecisionInput,
  today: string,
): Promise<{ taken: Taken | undefined; problems: DecisionProblem[] }> {
  if (!input.chairsDecision) {
    const { signIns } = await ports.room.room(panel.id, meetingId);
    if (!signIns.some((s) => s.personId === actor.id))
      throw notNow(
        "Sign in to the meeting first: a decision is recorded by a coordinator signed in to the meeting.",
        "not-signed-in",
      );
    return { taken: takenAtTheMeeting(quorumOf(panel, ports.catalogue.agencies, signIns)), problems: [] };
  }
  const { chairId, reason } = input.chairsDecision;
  const chair = (await chairsOf(ports, panel.id)).find((c) => c.id === chairId);
  const problem = (message: string): DecisionProblem => ({ field: "chairsDecision", message });
  const problems = [
    ...(chair ? [] : [problem("Choose the chair who agreed the decision.")]),
    ...(reason.length < 10
      ? [problem("Say why the decision could not wait for the meeting (a sentence at least).")]
      : []),
  ];
  const taken: Taken | undefined = chair && {
    how: "chairs-decision",
    chairId,
    chairName: chair.name,
    reason,
    on: today,
  };
  return { taken, problems };
}
