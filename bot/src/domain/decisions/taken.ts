import { z } from "zod";
import type { Quorum } from "../attendance/sign-in.js";
import { PersonName } from "../people/membership.js";
import { dayInWords } from "../schedule/dates.js";

// How a decision was taken. Decisions are the panel's, made at a held meeting (000 §3, 001:
// "decisions made at the panel"): on the meeting's day, by a coordinator signed in to it, with
// whether the panel was quorate at that moment. What cannot wait for the meeting is a chairs'
// decision outside it, recorded against the panel's next meeting and reported there.

export const AtTheMeeting = z.strictObject({
  how: z.literal("at-the-meeting"),
  quorate: z.boolean(),
  /** The kinds of agency no one had signed in for, when it was taken. */
  missing: z.array(z.string().max(60)).max(20),
});

export const ChairsDecision = z.strictObject({
  how: z.literal("chairs-decision"),
  /** The chair who agreed it. */
  chairId: z.string().max(64),
  chairName: PersonName,
  /** Why it could not wait for the meeting. */
  reason: z.string().max(1000),
  /** The day it was taken, in UK time. */
  on: z.iso.date(),
});
export type ChairsDecision = z.infer<typeof ChairsDecision>;

export const Taken = z.discriminatedUnion("how", [AtTheMeeting, ChairsDecision]);
export type Taken = z.infer<typeof Taken>;
export type DecisionHow = Taken["how"];

/** What the recorder sends for a chairs' decision: who agreed it and why it could not wait. */
export const ChairsDecisionInput = z.strictObject({
  chairId: z.string().max(64),
  reason: z.string().trim().max(1000),
});

/** Decisions stored before this was kept were all recorded at the meeting. */
export const howTaken = (d: { taken?: Taken | undefined }): DecisionHow => d.taken?.how ?? "at-the-meeting";

/** The day a decision took effect: its meeting's, or the day the chairs agreed it between meetings. */
export const dayTaken = (d: { meetingId: string; taken?: Taken | undefined }): string =>
  d.taken?.how === "chairs-decision" ? d.taken.on : d.meetingId;

export const takenAtTheMeeting = (quorum: Quorum): Taken => ({
  how: "at-the-meeting",
  quorate: quorum.quorate,
  missing: quorum.missing,
});

/** The quorum when it was taken, in a sentence for the minutes; null for a decision stored before it was kept. */
export function quorumWhenTaken(taken: Taken | undefined): string | null {
  if (taken?.how !== "at-the-meeting") return null;
  return taken.quorate
    ? "Quorate when it was taken."
    : `Not quorate when it was taken: no one for ${taken.missing.join(", ")}.`;
}

/** What may be recorded against a meeting today. */
export type DecisionWindow =
  | { how: "at-the-meeting"; why: null }
  | { how: "chairs-decision"; why: string }
  | { how: "closed"; why: string };

/** A meeting by its id (the rule's date, kept when it moves) and the day it is held. */
export interface MeetingDay {
  id: string;
  heldOn: string;
}

/**
 * On the day the meeting is held, its decisions; before the panel's next meeting, only chairs'
 * decisions, to be reported there; on any other meeting, nothing, saying where a decision goes instead.
 */
export function decisionWindow(
  meeting: MeetingDay,
  today: string,
  nextMeeting: MeetingDay | null,
): DecisionWindow {
  if (meeting.heldOn === today) return { how: "at-the-meeting", why: null };
  if (meeting.id === nextMeeting?.id)
    return {
      how: "chairs-decision",
      why: `Decisions are taken at the meeting, on its day (${dayInWords(meeting.heldOn)}). Until then, one that cannot wait is a chairs' decision outside the meeting, reported at this meeting.`,
    };
  const instead = nextMeeting
    ? ` One that cannot wait is a chairs' decision outside the meeting: record it on the panel's next meeting, on ${dayInWords(nextMeeting.heldOn)}.`
    : "";
  return {
    how: "closed",
    why:
      meeting.heldOn < today
        ? `This meeting was held on ${dayInWords(meeting.heldOn)}: its decisions can no longer be recorded or changed.${instead}`
        : `Decisions are taken at the meeting, on its day (${dayInWords(meeting.heldOn)}), and this is not the panel's next meeting.${instead}`,
  };
}
