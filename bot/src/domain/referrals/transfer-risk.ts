import { z } from "zod";
import type { Area, RiskScale } from "../catalogue/panel.js";

// A transferred child's risk on the host area's scale (000 §21; 003). Areas grade risk on their
// own scales (Wandsworth's Emerging / Moderate / Significant, Staffordshire's Risk Factor Matrix
// low / medium / high), so a level is never carried across as a word: where the scales differ the
// host's configuration maps each of the source's levels to one of its own, or says the host sets
// it. The source's own level is kept with the transfer for the record.

const levelId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** By source area: each of its levels as one of this area's, or "set-by-host". */
export const RiskFromOtherAreas = z.record(
  levelId,
  z.union([z.literal("set-by-host"), z.record(levelId, levelId)]),
);
export type RiskFromOtherAreas = z.infer<typeof RiskFromOtherAreas>;

export const SourceRisk = z.strictObject({
  /** The level on the source area's scale, as that panel recorded it. */
  level: z.string().max(40),
  label: z.string().max(40),
  areaName: z.string().max(80),
});
export type SourceRisk = z.infer<typeof SourceRisk>;

export type HostRisk =
  | { how: "same-scale" | "mapped"; level: string }
  | { how: "set-by-host"; level: null }
  | { how: "none"; level: null };

type ScaledArea = Pick<Area, "id" | "name" | "riskScale"> & { riskFromOtherAreas?: RiskFromOtherAreas };

const levelsOf = (scale: RiskScale): string[] => scale.levels.map((l) => l.id);

/** Two areas grade on one scale when they have the same levels, in the same order. */
export const sameScale = (a: RiskScale, b: RiskScale): boolean =>
  levelsOf(a).join("|") === levelsOf(b).join("|");

/** The source's level on the host's scale: the same level, the configured one, or for the host to set. */
export function riskOnHostScale(source: ScaledArea, host: ScaledArea, level: string | null): HostRisk {
  if (!level || !source.riskScale.levels.some((l) => l.id === level)) return { how: "none", level: null };
  if (sameScale(source.riskScale, host.riskScale)) return { how: "same-scale", level };
  const mapping = host.riskFromOtherAreas?.[source.id];
  const mapped = mapping && mapping !== "set-by-host" ? mapping[level] : undefined;
  return mapped ? { how: "mapped", level: mapped } : { how: "set-by-host", level: null };
}

/**
 * What is wrong with the areas' mappings, for start-up: every pair of areas on different scales
 * that a transfer can join (to a host with an operational panel) needs the host to map each of the
 * source's levels to one of its own, or to say "set-by-host".
 */
export function transferRiskProblems(
  areas: (ScaledArea & { fileName: string; takesTransfers: boolean })[],
): string[] {
  const problems: string[] = [];
  for (const host of areas) {
    const field = `${host.fileName}: field "area.riskFromOtherAreas`;
    for (const [sourceId, mapping] of Object.entries(host.riskFromOtherAreas ?? {})) {
      // A partnership's file may name areas configured elsewhere; only those loaded are checked.
      const source = areas.find((a) => a.id === sourceId);
      if (!source || mapping === "set-by-host") continue;
      for (const from of levelsOf(source.riskScale)) {
        const to = mapping[from];
        if (!to)
          problems.push(
            `${field}.${sourceId}": ${source.name}'s level "${from}" is not mapped to one of this area's`,
          );
        else if (!levelsOf(host.riskScale).includes(to))
          problems.push(`${field}.${sourceId}.${from}": "${to}" is not one of this area's risk levels`);
      }
      for (const from of Object.keys(mapping))
        if (!levelsOf(source.riskScale).includes(from))
          problems.push(
            `${field}.${sourceId}.${from}": "${from}" is not one of ${source.name}'s risk levels`,
          );
    }
    if (!host.takesTransfers) continue;
    for (const source of areas) {
      if (source.id === host.id || sameScale(source.riskScale, host.riskScale)) continue;
      if (!host.riskFromOtherAreas?.[source.id])
        problems.push(
          `${field}": ${source.name} grades risk ${levelsOf(source.riskScale).join(", ")} and this area ${levelsOf(host.riskScale).join(", ")}; map each of ${source.name}'s levels under "${source.id}", or write "set-by-host"`,
        );
    }
  }
  return problems;
}
