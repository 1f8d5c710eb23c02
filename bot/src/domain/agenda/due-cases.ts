import { z } from "zod";
import { presenterPlacesOf, presentersOf, type Case } from "../cohort/case.js";
import type { AgendaCase } from "./build.js";

// Which cases a meeting's agenda holds, and the coordinator's choices for each: its section, its
// place in the section, its slot's length, Staffordshire's thresholding category and the rationale
// for a child not fully discussed.

export const AgendaChoice = z.strictObject({
  sectionId: z.string().max(80).nullable(),
  order: z.number().int().min(0).max(999).nullable(),
  slotMinutes: z.number().int().min(5).max(60).nullable(),
  category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  rationale: z.string().trim().max(1000).nullable(),
  /** Children mapped together as one group share one slot (003). */
  groupKey: z.string().trim().max(80).nullable(),
  /**
   * Why plans are clearly having impact, so the case's worker and manager need not attend (000 §4);
   * null or absent when they are expected.
   */
  plansHaveImpact: z.string().trim().min(3).max(500).nullable().optional(),
});
export type AgendaChoice = z.infer<typeof AgendaChoice>;

export const NO_CHOICE: AgendaChoice = {
  sectionId: null,
  order: null,
  slotMinutes: null,
  category: null,
  rationale: null,
  groupKey: null,
};

/**
 * The open cases due at a meeting: accepted for it, with a review date that has come and not yet
 * been discussed, or with drifting (overdue) actions. A case not yet discussed at any meeting is
 * new; otherwise it returns; a drifting one is reviewed with its worker attending.
 */
export function casesDueAt(
  meetingDate: string,
  cases: Case[],
  choices: Record<string, AgendaChoice>,
  drifting: ReadonlySet<string> = new Set(),
): AgendaCase[] {
  return cases
    .filter(
      (c) =>
        // Decided at this meeting: it stays on its agenda and in its minutes, whatever was decided.
        c.decidedOn === meetingDate ||
        (c.status === "open" &&
          // Drifting actions bring the case back, with its worker (000 §4).
          (drifting.has(c.subjectId) ||
            (c.nextMeetingDate !== null &&
              c.nextMeetingDate <= meetingDate &&
              (!c.lastDiscussedOn || c.lastDiscussedOn < c.nextMeetingDate)))),
    )
    .map((c) => {
      const choice = choices[c.subjectId] ?? NO_CHOICE;
      const mustAttend = drifting.has(c.subjectId);
      const dueAnyway =
        c.nextMeetingDate !== null &&
        c.nextMeetingDate <= meetingDate &&
        (!c.lastDiscussedOn || c.lastDiscussedOn < c.nextMeetingDate);
      return {
        subjectId: c.subjectId,
        reference: c.reference,
        placement: c.placement,
        stage:
          c.decidedOn === meetingDate && c.decidedStage
            ? c.decidedStage
            : !dueAnyway
              ? "review"
              : c.lastDiscussedOn
                ? "return"
                : "new",
        theme: c.theme ?? null,
        groupKey: choice.groupKey,
        category: choice.category,
        presenterIds: presentersOf(c),
        presenterRoles: presenterPlacesOf(c),
        riskLevel: c.riskLevel,
        plansHaveImpact: choice.plansHaveImpact ?? null,
        workerMustAttend: mustAttend,
        sectionId: choice.sectionId,
        slotMinutes: choice.slotMinutes,
        order: choice.order,
        rationale: choice.rationale,
      };
    });
}
