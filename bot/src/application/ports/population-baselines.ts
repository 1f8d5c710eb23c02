import type { PopulationBaseline } from "../../domain/reports/population-baseline.js";

// Each area's child population by ethnic group, which the disproportionality view compares
// referred children with: configured with the area (demonstration areas carry invented figures)
// until an analyst loads the area's own.

export interface PopulationBaselines {
  /** The figures loaded in the product for the area, if any; otherwise those configured; null when neither. */
  baselineOf(areaId: string): Promise<PopulationBaseline | null>;
  /** Keeps new figures for the area in place of any before them. */
  replace(baseline: PopulationBaseline, by: string): Promise<void>;
}
