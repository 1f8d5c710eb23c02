import type { PopulationBaselines } from "../../../bot/src/application/ports/population-baselines.js";
import { PopulationBaseline } from "../../../bot/src/domain/reports/population-baseline.js";

// Each area's population baseline in memory: those configured, and any loaded in their place.

export function fakePopulationBaselines(
  configured: PopulationBaseline[] = [],
): PopulationBaselines & { replaced: { baseline: PopulationBaseline; by: string }[] } {
  const loaded = new Map<string, PopulationBaseline>();
  const replaced: { baseline: PopulationBaseline; by: string }[] = [];
  return {
    replaced,
    baselineOf: (areaId) =>
      Promise.resolve(loaded.get(areaId) ?? configured.find((b) => b.areaId === areaId) ?? null),
    replace(baseline, by) {
      const value = PopulationBaseline.parse(baseline);
      loaded.set(value.areaId, value);
      replaced.push({ baseline: value, by });
      return Promise.resolve();
    },
  };
}
