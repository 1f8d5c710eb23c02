import { z } from "zod";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { Panel } from "../catalogue/panel.js";
import type { Case, Placement } from "../cohort/case.js";
import { PersonName } from "../people/membership.js";
import { addDays } from "../schedule/dates.js";
import { occurrencesBetween } from "../schedule/occurrences.js";
import type { AgendaCase } from "./build.js";

// Staffordshire's pre-MACE thresholding (003): before each district panel, a thresholding meeting
// with the Police Harm Reduction Hub places each new referral and returning case in one of four
// categories, and that outcome is what compiles the district panel's agenda.

export const THRESHOLD_CATEGORIES = [1, 2, 3, 4] as const;
export const ThresholdCategory = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type ThresholdCategory = z.infer<typeof ThresholdCategory>;

export const CATEGORY_LABELS: Record<ThresholdCategory, string> = {
  1: "1. Discussed at MACE",
  2: "2. Insufficient information shared",
  3: "3. Remains considered for MACE, not fully discussed",
  4: "4. Removed from MACE",
};

/** What the thresholding meeting placed a case in, for one district meeting. */
export const Thresholding = z.strictObject({
  /** The thresholding panel and its meeting (a date) where it was recorded. */
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  /** The district panel's meeting it compiles the agenda of. */
  forMeeting: z.iso.date(),
  category: ThresholdCategory,
  rationale: z.string().max(1000),
  quorate: z.boolean(),
  recordedBy: z.string().max(64),
  recordedByName: PersonName,
  at: z.iso.datetime(),
});
export type Thresholding = z.infer<typeof Thresholding>;

/**
 * The outcome kept in the child's file (003: "Key decisions will be added to each child's file to
 * record rationale"): one per district meeting it compiled, beside the subject's decisions.
 */
export const ThresholdingOutcome = Thresholding.extend({
  areaId: z.string().max(40),
  subjectId: z.string().max(64),
  districtPanelId: z.string().max(80),
  reference: z.string().max(40),
});
export type ThresholdingOutcome = z.infer<typeof ThresholdingOutcome>;

/** What the coordinator sends: the category and why; for category 2, the question for the referrer. */
export const ThresholdingInput = z.strictObject({
  districtPanelId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  category: ThresholdCategory,
  rationale: z.string().trim().max(1000),
});
export type ThresholdingInput = z.infer<typeof ThresholdingInput>;

/** What is wrong with an outcome, in the coordinator's words, by field; empty when it can be recorded. */
export function thresholdingProblems(
  input: Pick<ThresholdingInput, "category" | "rationale">,
  placement: Placement,
): { field: "category" | "rationale"; message: string }[] {
  // 003: categories 2 to 4 are children's; a location is discussed even with no child identified.
  if ((placement === "location" || placement === "person-of-concern") && input.category !== 1)
    return [
      {
        field: "category",
        message: "A person or location of concern is placed in category 1, to be discussed at MACE (003).",
      },
    ];
  if (input.category === 2 && input.rationale.length < 10)
    return [
      {
        field: "rationale",
        message:
          "Write the question for the referrer: what information the panel needs (a sentence at least).",
      },
    ];
  // 003: for those not fully discussed, the rationale is recorded on the child's file.
  if (input.category !== 1 && input.rationale.length < 10)
    return [{ field: "rationale", message: "Record the rationale for this category (a sentence at least)." }];
  return [];
}

/** The district meetings a thresholding meeting compiles the agendas of: each district meeting it precedes. */
export function districtMeetingsOf(
  catalogue: Catalogue,
  thresholding: Panel,
  meetingId: string,
): { panel: Panel & { id: string; areaId: string }; meetingId: string }[] {
  const cadence = thresholding.schedule.cadence;
  if (thresholding.tier !== "thresholding" || cadence.kind !== "days-before-panels") return [];
  const day = addDays(meetingId, cadence.daysBefore);
  return cadence.panelIds.flatMap((id) => {
    const panel = catalogue.panels.get(id);
    return panel && occurrencesBetween(catalogue, id, day, day).length ? [{ panel, meetingId: day }] : [];
  });
}

/** The thresholding panel whose meetings compile this panel's agendas, if it has one. */
export function thresholdingPanelOf(
  catalogue: Catalogue,
  panelId: string,
): (Panel & { id: string; areaId: string }) | undefined {
  return [...catalogue.panels.values()].find(
    (p) =>
      p.tier === "thresholding" &&
      p.schedule.cadence.kind === "days-before-panels" &&
      p.schedule.cadence.panelIds.includes(panelId),
  );
}

/** The thresholding meeting before a district meeting: its date, by the thresholding panel's rule. */
export function thresholdingMeetingBefore(thresholding: Panel, districtMeetingId: string): string | null {
  const cadence = thresholding.schedule.cadence;
  return cadence.kind === "days-before-panels" ? addDays(districtMeetingId, -cadence.daysBefore) : null;
}

/** The case's outcome for this district meeting, if the thresholding meeting recorded one. */
export const outcomeFor = (c: Pick<Case, "thresholding">, districtMeetingId: string): Thresholding | null =>
  c.thresholding?.forMeeting === districtMeetingId ? c.thresholding : null;

/**
 * A district agenda compiled by thresholding: each case's category and rationale are the
 * thresholding meeting's outcome; a case it has not placed waits, unplaced, for the coordinator.
 */
export function withThresholding(
  due: AgendaCase[],
  cases: Pick<Case, "subjectId" | "thresholding">[],
  districtMeetingId: string,
): AgendaCase[] {
  const outcomes = new Map(cases.map((c) => [c.subjectId, outcomeFor(c, districtMeetingId)]));
  return due.map((c) => {
    const outcome = outcomes.get(c.subjectId) ?? null;
    return { ...c, category: outcome?.category ?? null, rationale: outcome?.rationale || null };
  });
}
