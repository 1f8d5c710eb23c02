import { PersonName } from "../people/membership.js";
import { z } from "zod";
import type { Panel, RiskScale } from "../catalogue/panel.js";
import { addDays } from "../schedule/dates.js";
import { ChairsDecisionInput, Taken } from "./taken.js";

// What the panel concluded about a case at a meeting (DESIGN.md §2), as the coordinator records it
// for each agenda item: the decision, the risk level after discussion on the area's scale, the VOLT
// links noted, the disruption agreed. Its effect on the case follows from it (`effectOf`); how it
// was taken, at the meeting or as a chairs' decision between meetings, is in `taken.ts`.

export const DECISION_KINDS = [
  "continue",
  "return",
  "remain-considered",
  "remove",
  "transfer",
  "escalate",
] as const;
export const DecisionKind = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const DECISION_LABELS: Record<DecisionKind, string> = {
  continue: "Continue, with a review",
  return: "Return to a later meeting",
  "remain-considered": "Remain considered without full discussion",
  remove: "Remove from the cohort",
  transfer: "Transfer to another area's panel",
  escalate: "Escalate to the strategic MACE",
};

export const DISRUPTIONS = [
  "Child Abduction Warning Notice",
  "Closure order",
  "Civil injunction",
  "Criminal behaviour order",
  "Slavery and trafficking prevention order",
  "Sexual risk order",
  "Arrest or charge",
  "Licensing or premises visit",
  "Other",
] as const;

const Names = z.array(z.string().trim().min(1).max(120)).max(20);

export const Volt = z.strictObject({
  personsOfConcern: Names,
  locations: Names,
  groups: Names,
  themes: Names,
});
export type Volt = z.infer<typeof Volt>;

/** What the panel decided, however it was taken. */
export const DecisionOutcome = z.strictObject({
  kind: DecisionKind,
  /** Continue: the date the case is to be reviewed by. */
  reviewDate: z.iso.date().nullable().default(null),
  /** Return: the later meeting it comes back to. */
  returnTo: z.iso.date().nullable().default(null),
  rationale: z.string().trim().max(2000).default(""),
  riskLevel: z.string().max(40).nullable().default(null),
  volt: Volt.default({ personsOfConcern: [], locations: [], groups: [], themes: [] }),
  disruption: z.array(z.enum(DISRUPTIONS)).max(DISRUPTIONS.length).default([]),
  disruptionDetail: z.string().trim().max(1000).default(""),
  /** Transfer: the host area's panel that takes the child on. */
  transferTo: z.string().max(80).nullable().default(null),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** What the recorder sends: the outcome and, between meetings, the chairs' agreement. */
export const DecisionInput = DecisionOutcome.extend({
  chairsDecision: ChairsDecisionInput.nullable().default(null),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const Decision = DecisionOutcome.extend({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  subjectId: z.string().max(64),
  reference: z.string().max(20),
  recordedBy: z.string().max(64),
  recordedByName: PersonName,
  at: z.iso.datetime(),
  /** How it was taken; decisions stored before this was kept have none (see `howTaken`). */
  taken: Taken.optional(),
});
export type Decision = z.infer<typeof Decision>;

export interface DecisionProblem {
  field: keyof DecisionInput;
  message: string;
}

/** What is wrong with a decision, in the coordinator's words; empty when it can be recorded. */
export function decisionProblems(
  d: DecisionOutcome,
  ctx: {
    meetingId: string;
    riskScale: RiskScale;
    laterMeetings: MeetingHeld[];
    transferPanels: Panel[];
    hasStrategicPanel: boolean;
  },
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (d.kind === "continue" && (!d.reviewDate || d.reviewDate <= ctx.meetingId))
    problems.push({ field: "reviewDate", message: "Give the review date, after this meeting." });
  if (d.kind === "return" && (!d.returnTo || !ctx.laterMeetings.some((m) => m.id === d.returnTo)))
    problems.push({ field: "returnTo", message: "Choose the later meeting the case returns to." });
  // 003: for those not fully discussed, and for removals, the rationale is recorded.
  if ((d.kind === "remove" || d.kind === "remain-considered") && d.rationale.length < 10)
    problems.push({
      field: "rationale",
      message: "Record the rationale for this decision (a sentence at least).",
    });
  if (d.kind === "transfer" && !ctx.transferPanels.some((p) => p.id === d.transferTo))
    problems.push({ field: "transferTo", message: "Choose the host area's panel the case transfers to." });
  if (d.kind === "escalate" && !ctx.hasStrategicPanel)
    problems.push({ field: "kind", message: "This area has no strategic MACE to escalate to." });
  if (d.riskLevel && !ctx.riskScale.levels.some((l) => l.id === d.riskLevel))
    problems.push({ field: "riskLevel", message: "Choose a risk level from the panel's scale." });
  return problems;
}

/** A meeting by its id (the rule's date, kept when it moves) and the day it is held. */
export interface MeetingHeld {
  id: string;
  heldOn: string;
}

/** The first of the panel's meetings held on or after a date, by its id: where a review puts the case. */
export function firstMeetingOnOrAfter(date: string, meetings: MeetingHeld[]): string | null {
  return (
    [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn)).find((m) => m.heldOn >= date)?.id ?? null
  );
}

export interface CaseEffect {
  /** The case stays open or leaves the cohort. */
  status: "open" | "closed";
  /** The meeting it comes back to, if any. */
  nextMeetingDate: string | null;
  riskLevel: string | null;
}

/**
 * What a decision does to the case: a review or a return puts it on that meeting's agenda; a removal
 * or a transfer closes it here; remaining considered keeps it for the next meeting.
 */
export function effectOf(
  d: DecisionOutcome,
  current: { riskLevel: string | null },
  meetings: MeetingHeld[],
  meetingId: string,
): CaseEffect {
  const riskLevel = d.riskLevel ?? current.riskLevel;
  switch (d.kind) {
    case "continue":
      return {
        status: "open",
        nextMeetingDate: firstMeetingOnOrAfter(d.reviewDate ?? meetingId, meetings),
        riskLevel,
      };
    case "return":
      return { status: "open", nextMeetingDate: d.returnTo, riskLevel };
    case "remain-considered":
    case "escalate":
      return {
        status: "open",
        nextMeetingDate: firstMeetingOnOrAfter(addDays(meetingId, 1), meetings),
        riskLevel,
      };
    case "remove":
    case "transfer":
      return { status: "closed", nextMeetingDate: null, riskLevel };
  }
}

/** One line for the minutes: the decision in words. */
export function describeDecision(d: DecisionOutcome, panelName: (id: string) => string): string {
  switch (d.kind) {
    case "continue":
      return `Continue; review by ${d.reviewDate ?? ""}.`;
    case "return":
      return `Return to the meeting on ${d.returnTo ?? ""}.`;
    case "remain-considered":
      return `Remain considered without full discussion: ${d.rationale}`;
    case "remove":
      return `Removed from the cohort: ${d.rationale}`;
    case "transfer":
      return `Transferred to ${panelName(d.transferTo ?? "")}.`;
    case "escalate":
      return "Escalated to the strategic MACE.";
  }
}
