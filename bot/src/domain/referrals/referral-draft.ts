import { z } from "zod";
import { ReferralKind } from "../catalogue/panel.js";
import { addDays } from "../schedule/dates.js";

// The answers of a referral form being filled in step by step, held for the practitioner until the
// last step sends the referral. A draft nobody sends is forgotten after a fortnight: it holds a
// child's details that no panel has been asked to see.

export const DRAFT_KEPT_DAYS = 14;
const MAX_ANSWERS = 400;

export const ReferralDraft = z.strictObject({
  formId: z.uuid(),
  personId: z.string().max(64),
  panelId: z.string().max(80),
  kind: ReferralKind,
  /** As the card sent them: text, dates and choices as strings, several choices joined by commas. */
  answers: z
    .record(z.string().max(80), z.string().max(2000))
    .refine((a) => Object.keys(a).length <= MAX_ANSWERS, { message: `at most ${MAX_ANSWERS} answers` }),
  savedAt: z.iso.datetime(),
  /** The day it is forgotten if not sent (YYYY-MM-DD). */
  keptUntil: z.iso.date(),
});
export type ReferralDraft = z.infer<typeof ReferralDraft>;

const asAnswer = (v: unknown): string | undefined =>
  typeof v === "string"
    ? v.slice(0, 2000)
    : Array.isArray(v)
      ? v.map(String).join(",").slice(0, 2000)
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : undefined;

/**
 * The draft with a step's answers put in: every field the step asked is taken as sent, so a field
 * cleared on the step is cleared in the draft too.
 */
export function withAnswers(
  draft: ReferralDraft | undefined,
  start: Omit<ReferralDraft, "answers" | "savedAt" | "keptUntil">,
  asked: string[],
  sent: Record<string, unknown>,
  now: Date,
  today: string,
): ReferralDraft {
  const answers = { ...(draft?.answers ?? {}) };
  for (const id of asked) {
    const a = asAnswer(sent[id]);
    if (a) answers[id] = a;
    else delete answers[id];
  }
  return { ...start, answers, savedAt: now.toISOString(), keptUntil: addDays(today, DRAFT_KEPT_DAYS) };
}
