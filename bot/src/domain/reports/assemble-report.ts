import type { Agency, Area, Panel } from "../catalogue/panel.js";
import type { MonthFigures } from "./month-figures.js";
import { monthsIn } from "./period.js";
import type { PopulationBaseline } from "./population-baseline.js";
import { SECTION_IDS, type Period, type Report, type SectionId } from "./report.js";
import { sectionsOf } from "./report-copy.js";
import { agenciesSection } from "./sections/agencies.js";
import { cohortSection } from "./sections/cohort.js";
import { demographicsSection } from "./sections/demographics.js";
import { disproportionalitySection } from "./sections/disproportionality.js";
import { disruptionSection } from "./sections/disruption.js";
import { referralsSection } from "./sections/referrals.js";
import { riskFactorMatrixSection } from "./sections/risk-factor-matrix.js";
import { themesSection } from "./sections/themes.js";
import type { SectionDraft } from "./sections/draft.js";
import type { Scope } from "./sections/scope.js";

// A report for a panel or a whole area over a period, from the stored months of figures: every
// renderer reads what this works out, so the tab, the document and the CSV files agree.

export interface ReportInput {
  area: Area;
  agencies: Agency[];
  panels: Panel[];
  /** The panel reported on, or null for the whole area. */
  panelId: string | null;
  period: Period;
  /** The months of figures of `panels`; those outside the period or scope are not counted. */
  months: MonthFigures[];
  baseline: PopulationBaseline | null;
}

/** Each section's builder: null when the section has nothing to say for the scope. */
const SECTIONS: Record<SectionId, (scope: Scope) => SectionDraft | null> = {
  referrals: referralsSection,
  cohort: cohortSection,
  demographics: demographicsSection,
  disproportionality: disproportionalitySection,
  disruption: disruptionSection,
  agencies: agenciesSection,
  "risk-factor-matrix": riskFactorMatrixSection,
  themes: themesSection,
};

/**
 * The report with every figure exact, for the panel; or, given a threshold, the partnership
 * board's copy, where counts below it are hidden so that none can be worked out.
 */
export function assembleReport(input: ReportInput, suppressBelow: number | null = null): Report {
  const panels = input.panelId === null ? input.panels : input.panels.filter((p) => p.id === input.panelId);
  const panelIds = new Set(panels.map((p) => p.id));
  const months = monthsIn(input.period);
  const figures = input.months.filter((f) => panelIds.has(f.panelId) && months.includes(f.month));
  const scope: Scope = {
    area: input.area,
    agencies: input.agencies,
    panels,
    period: input.period,
    months,
    figures,
    baseline: input.baseline,
  };
  const drafts = SECTION_IDS.flatMap((id) => {
    const section = SECTIONS[id](scope);
    return section ? [section] : [];
  });
  const name = input.panelId === null ? input.area.name : (panels[0]?.name ?? input.area.name);
  const builtAt = figures.map((f) => f.builtAt).sort();
  const owed = input.area.periodicReport;
  return {
    areaId: input.area.id,
    panelId: input.panelId,
    // The report the area's terms of reference owe is named as they name it.
    title: owed ? `${owed.title}: ${name}, ${input.period.label}` : `${name}: ${input.period.label}`,
    period: input.period,
    figuresAsAt: builtAt[0] ?? null,
    sections: sectionsOf(drafts, suppressBelow),
    suppressedBelow: suppressBelow,
  };
}
