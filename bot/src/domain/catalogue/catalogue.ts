import type { z } from "zod";
import { AgendaTemplate, templateThemes } from "../agenda/template.js";
import { transferRiskProblems } from "../referrals/transfer-risk.js";
import { AreaFile, type Agency, type Area, type Panel } from "./panel.js";

export interface CatalogueSource {
  fileName: string;
  content: unknown;
}

export interface Catalogue {
  areas: Area[];
  agencies: Map<string, Agency & { areaId: string }>;
  panels: Map<string, Panel & { areaId: string }>;
  agendaTemplates: Map<string, AgendaTemplate>;
}

/** A catalogue file that cannot be used; the message names the file, the panel and the field. */
export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`The panel catalogue is not valid:\n  - ${problems.join("\n  - ")}`);
    this.name = "CatalogueError";
  }
}

function describeIssue(fileName: string, content: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  let where = "";
  if (path[0] === "panels" && path.length >= 2) {
    const panels = (content as { panels?: { id?: unknown }[] }).panels;
    const panelId = panels?.[Number(path[1])]?.id;
    where = `panel "${typeof panelId === "string" ? panelId : `#${Number(path[1]) + 1}`}", `;
    path.splice(0, 2);
  }
  if (issue.code === "unrecognized_keys") path.push(issue.keys.join(", "));
  const field = path.length ? path.join(".") : "(whole file)";
  return `${fileName}: ${where}field "${field}": ${issue.message}`;
}

export function buildCatalogue(sources: CatalogueSource[], templateSources: CatalogueSource[]): Catalogue {
  const problems: string[] = [];
  const catalogue: Catalogue = {
    areas: [],
    agencies: new Map(),
    panels: new Map(),
    agendaTemplates: new Map(),
  };
  if (sources.length === 0) problems.push("no area files were found");

  for (const { fileName, content } of templateSources) {
    const parsed = AgendaTemplate.safeParse(content);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map(
          (i) => `${fileName}: field "${i.path.join(".") || "(whole file)"}": ${i.message}`,
        ),
      );
      continue;
    }
    if (catalogue.agendaTemplates.has(parsed.data.id))
      problems.push(`${fileName}: agenda template "${parsed.data.id}" is defined twice`);
    catalogue.agendaTemplates.set(parsed.data.id, parsed.data);
  }

  const areaFiles = new Map<string, string>();
  for (const { fileName, content } of sources) {
    const parsed = AreaFile.safeParse(content);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => describeIssue(fileName, content, issue)));
      continue;
    }
    const { area, agencies, panels } = parsed.data;
    if (catalogue.areas.some((a) => a.id === area.id))
      problems.push(`${fileName}: area "${area.id}" is defined twice`);
    catalogue.areas.push(area);
    areaFiles.set(area.id, fileName);
    if (!area.riskScale.levels.some((l) => l.id === area.riskScale.panelThreshold)) {
      problems.push(
        `${fileName}: field "area.riskScale.panelThreshold": "${area.riskScale.panelThreshold}" is not one of the levels`,
      );
    }
    for (const agency of agencies) {
      if (catalogue.agencies.has(agency.id))
        problems.push(`${fileName}: agency "${agency.id}" is defined twice`);
      catalogue.agencies.set(agency.id, { ...agency, areaId: area.id });
    }
    for (const panel of panels) {
      if (catalogue.panels.has(panel.id)) problems.push(`${fileName}: panel "${panel.id}" is defined twice`);
      catalogue.panels.set(panel.id, { ...panel, areaId: area.id });
      for (const agencyId of panel.coreAgencyIds) {
        if (!agencies.some((a) => a.id === agencyId)) {
          problems.push(
            `${fileName}: panel "${panel.id}", field "coreAgencyIds": "${agencyId}" is not an agency of ${area.name}`,
          );
        }
      }
      problems.push(...themeProblems(fileName, panel, catalogue.agendaTemplates.get(panel.agendaTemplateId)));
      for (const level of panel.slotAttendance?.managerAtRisk?.levels ?? []) {
        if (!area.riskScale.levels.some((l) => l.id === level))
          problems.push(
            `${fileName}: panel "${panel.id}", field "slotAttendance.managerAtRisk.levels": "${level}" is not one of the area's risk levels`,
          );
      }
    }
  }

  for (const panel of catalogue.panels.values()) {
    const policy = panel.reminderPolicy;
    if (policy?.kind === "tracking-week" && !catalogue.panels.has(policy.trackingPanelId)) {
      problems.push(
        `panel "${panel.id}", field "reminderPolicy.trackingPanelId": there is no panel "${policy.trackingPanelId}"`,
      );
    }
    if (!catalogue.agendaTemplates.has(panel.agendaTemplateId)) {
      problems.push(
        `panel "${panel.id}", field "agendaTemplateId": there is no agenda template "${panel.agendaTemplateId}"`,
      );
    }
  }

  for (const panel of catalogue.panels.values()) {
    (panel.referralRules?.referredElsewhere ?? []).forEach((r, n) => {
      const other = catalogue.panels.get(r.panelId);
      const field = `panel "${panel.id}", field "referralRules.referredElsewhere.${n}`;
      if (
        !other ||
        other.areaId !== panel.areaId ||
        r.kinds.some((k) => !other.referralRules?.kinds.includes(k))
      )
        problems.push(
          `${field}.panelId": "${r.panelId}" is not a panel of the area taking ${r.kinds.join(", ")}`,
        );
      if (r.kinds.some((k) => panel.referralRules?.kinds.includes(k)))
        problems.push(`${field}.kinds": the panel takes these kinds itself`);
    });
  }

  for (const panel of catalogue.panels.values()) {
    const cadence = panel.schedule.cadence;
    if (cadence.kind !== "days-before-panels") continue;
    for (const target of cadence.panelIds) {
      const other = catalogue.panels.get(target);
      if (!other || other.schedule.cadence.kind === "days-before-panels") {
        problems.push(
          `panel "${panel.id}", field "schedule.cadence.panelIds": "${target}" is not a panel with its own cadence`,
        );
      }
    }
  }

  problems.push(
    ...transferRiskProblems(
      catalogue.areas.map((a) => ({
        ...a,
        fileName: areaFiles.get(a.id) ?? a.id,
        takesTransfers: [...catalogue.panels.values()].some(
          (p) => p.areaId === a.id && p.tier === "operational",
        ),
      })),
    ),
  );

  if (problems.length) throw new CatalogueError(problems);
  return catalogue;
}

/** Each area of harm's theme must be one the panel's agenda has a section for. */
function themeProblems(fileName: string, panel: Panel, template: AgendaTemplate | undefined): string[] {
  if (!template) return [];
  const themes = templateThemes(template).map((t) => t.id);
  return (panel.referralRules?.gates ?? []).flatMap((gate, g) =>
    gate.kind !== "contextual-harm-screening"
      ? []
      : gate.areasOfHarm.flatMap((area, a) =>
          area.theme && !themes.includes(area.theme)
            ? [
                `${fileName}: panel "${panel.id}", field "referralRules.gates.${g}.areasOfHarm.${a}.theme": "${area.theme}" is not a theme of agenda template "${template.id}" (${themes.length ? `its sections take ${themes.join(", ")}` : "none of its sections takes a theme"})`,
              ]
            : [],
        ),
  );
}

export function panelsOfArea(catalogue: Catalogue, areaId: string): (Panel & { areaId: string })[] {
  return [...catalogue.panels.values()].filter((p) => p.areaId === areaId);
}
