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
