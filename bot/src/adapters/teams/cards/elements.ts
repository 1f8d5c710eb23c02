import type { Verb } from "../verbs.js";

// The building blocks every card is made of: Adaptive Cards 1.5, as Teams renders them.

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export type Element = Record<string, unknown>;

export const card = (body: Element[], actions: Element[] = []): Element => ({
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body,
  ...(actions.length ? { actions } : {}),
});
export const heading = (text: string): Element => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  wrap: true,
});
export const para = (text: string, extra: Element = {}): Element => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});
export const execute = (
  title: string,
  verb: Verb,
  data: Record<string, unknown>,
  extra: Element = {},
): Element => ({
  type: "Action.Execute",
  title,
  verb,
  data,
  ...extra,
});
export const facts = (pairs: [string, string][]): Element => ({
  type: "FactSet",
  facts: pairs.filter(([, v]) => v).map(([title, value]) => ({ title, value })),
});

/** A problem with what was sent, and the field it is about (null: the form as a whole). */
export interface Problem {
  field: string | null;
  message: string;
}

/** What to put right before a form can be sent, as one box: every problem, and that nothing was saved. */
export function problemSummary(problems: Problem[], before: string): Element {
  return {
    type: "Container",
    style: "attention",
    id: "problems",
    items: [
      para(
        problems.length === 1
          ? `There is one thing to put right before ${before}:`
          : `There are ${problems.length} things to put right before ${before}:`,
        { weight: "Bolder" },
      ),
      ...problems.map((p) => para(`• ${p.message}`, { spacing: "Small" })),
      para("Nothing has been saved yet.", { isSubtle: true, spacing: "Small" }),
    ],
  };
}

/** A field's problem, written beneath the field. */
export const fieldProblem = (p: Problem): Element =>
  para(p.message, { color: "Attention", spacing: "None", id: `problem-${p.field ?? "form"}` });
