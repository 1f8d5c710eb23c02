import type { Panel } from "../catalogue/panel.js";
import { screeningFieldId, type FormValues } from "./form.js";

// The presenting need a case is discussed under (001 appendix 2: coercion and control, missing,
// serious youth violence, sexual health...): the referral's contextual harm screening says which.

export interface ScoredArea {
  id: string;
  theme?: string | undefined;
}

/**
 * The theme of the area of harm the screening scored highest; on a tie, the one configured first.
 * An area with no theme gives none (the coordinator places the case), and so does no score above 0.
 */
export function themeFromScreening(areas: ScoredArea[], values: FormValues): string | null {
  let highest: { area: ScoredArea; score: number } | undefined;
  for (const area of areas) {
    const score = values[screeningFieldId(area.id)];
    if (typeof score === "number" && score > 0 && score > (highest?.score ?? 0)) highest = { area, score };
  }
  return highest?.area.theme ?? null;
}

/** The panel's screening areas of harm, if it screens referrals. */
export function screenedAreas(panel: Pick<Panel, "referralRules">): ScoredArea[] {
  const gate = panel.referralRules?.gates.find((g) => g.kind === "contextual-harm-screening");
  return gate?.kind === "contextual-harm-screening" ? gate.areasOfHarm : [];
}
