import { loadCatalogue } from "../../../bot/src/adapters/config-files/catalogue-files.js";
import type { ReportInput } from "../../../bot/src/domain/reports/assemble-report.js";
import type { MonthFigures } from "../../../bot/src/domain/reports/month-figures.js";
import { periodOf } from "../../../bot/src/domain/reports/period.js";
import { PopulationBaseline } from "../../../bot/src/domain/reports/population-baseline.js";
import type {
  Cell,
  Report,
  ReportSection,
  ReportTable,
  SectionId,
} from "../../../bot/src/domain/reports/report.js";
import { monthFigures } from "../../support/month-figures.js";

// A small, hand-counted quarter (October to December 2026) of Wandsworth's two operational
// panels, MARVE ("A") and MARVE Plus ("B"), with a September outside the quarter and no December
// worked out yet. The tests' expected figures are sums of the numbers below.

const catalogue = loadCatalogue("bot/config/areas");
const area = catalogue.areas.find((a) => a.id === "wandsworth");
if (!area) throw new Error("Wandsworth is missing from the catalogue");
const inArea = <T extends { areaId: string }>(list: Iterable<T>): T[] =>
  [...list].filter((x) => x.areaId === "wandsworth");
export const agencies = inArea(catalogue.agencies.values());
export const panels = inArea(catalogue.panels.values()).filter(
  (p) => p.id === "wandsworth-marve" || p.id === "wandsworth-marve-plus",
);

const A = { areaId: "wandsworth", panelId: "wandsworth-marve" };
const B = { areaId: "wandsworth", panelId: "wandsworth-marve-plus" };

export const aSeptember = monthFigures({
  ...A,
  month: "2026-09",
  builtAt: "2026-10-01T02:00:00.000Z",
  referrals: { received: 50, byKind: { individual: 50 } },
  cohort: { opened: 50, openAtEnd: 50 },
});

export const aOctober = monthFigures({
  ...A,
  month: "2026-10",
  builtAt: "2026-11-01T02:00:00.000Z",
  referrals: {
    received: 6,
    byKind: { individual: 4, group: 1, "location-of-concern": 1 },
    byAgency: { "wan-police": 3, "wan-csc": 2, "wan-education": 1 },
    byOutcome: { accepted: 5, waiting: 1 },
    daysToFirstDiscussion: { "3": 1, "7": 2, "21": 1 },
    notYetDiscussed: 1,
  },
  children: {
    referred: {
      ageBand: { "14-15": 3, "16-17": 2, "not-known": 1 },
      gender: { male: 4, female: 2 },
      ethnicity: { "black-caribbean": 2, "white-british": 2, "not-known": 2 },
    },
    accepted: {
      ageBand: { "14-15": 2, "16-17": 2 },
      gender: { male: 3, female: 1 },
      ethnicity: { "black-caribbean": 2, "white-british": 1, "not-known": 1 },
    },
  },
  cohort: {
    opened: 3,
    closedByReason: { remove: 1 },
    riskAtEntry: { emerging: 1, moderate: 2 },
    openAtEnd: 10,
    riskAtEnd: { emerging: 3, moderate: 5, significant: 2 },
    movement: { up: 2, same: 6, down: 1, "not-known": 1 },
  },
  disruption: {
    byType: { "Closure order": 1, "Arrest or charge": 2 },
    decisionsWithDisruption: 2,
    personsOfConcernDiscussed: 3,
    locationsDiscussed: 2,
    groupsDiscussed: 1,
  },
  actions: {
    byAgency: {
      "wan-police": { agreed: 4, doneOnTime: 2, doneLate: 1, overdue: 1, open: 0 },
      "wan-csc": { agreed: 3, doneOnTime: 1, doneLate: 0, overdue: 0, open: 2 },
    },
  },
  meetings: {
    held: 1,
    quorate: 1,
    attendedByAgency: { "wan-police": 1, "wan-csc": 1, "wan-health": 1, "wan-education": 1 },
  },
  themes: { missing: 2, "coercion-control": 1 },
  linkedToOpenCases: [{ reference: "WAN-L-0009", kind: "location-of-concern", openCases: 9 }],
});

export const aNovember = monthFigures({
  ...A,
  month: "2026-11",
  builtAt: "2026-12-01T02:00:00.000Z",
  referrals: {
    received: 4,
    byKind: { individual: 3, "person-of-concern": 1 },
    byAgency: { "wan-police": 1, "wan-health": 3 },
    byOutcome: { accepted: 2, "more-information": 1, withdrawn: 1 },
    daysToFirstDiscussion: { "10": 1, "40": 1 },
  },
  children: {
    referred: {
      ageBand: { "10-13": 1, "16-17": 2 },
      gender: { male: 2, "non-binary": 1 },
      ethnicity: { "black-african": 1, "white-british": 1, "mixed-white-black-caribbean": 1 },
    },
    accepted: {
      ageBand: { "16-17": 2 },
      gender: { male: 2 },
      ethnicity: { "black-african": 1, "white-british": 1 },
    },
  },
  cohort: {
    opened: 2,
    closedByReason: { remove: 1, transfer: 1 },
    riskAtEntry: { significant: 1, "not-recorded": 1 },
    openAtEnd: 10,
    riskAtEnd: { emerging: 2, moderate: 5, significant: 3 },
    movement: { up: 3, same: 5, down: 2 },
  },
  disruption: {
    byType: { "Arrest or charge": 1, "Child Abduction Warning Notice": 1 },
    decisionsWithDisruption: 2,
    personsOfConcernDiscussed: 1,
    groupsDiscussed: 1,
  },
  actions: {
    byAgency: {
      "wan-police": { agreed: 2, doneOnTime: 1, doneLate: 0, overdue: 0, open: 1 },
      "wan-health": { agreed: 1, doneOnTime: 0, doneLate: 0, overdue: 1, open: 0 },
    },
  },
  meetings: { held: 1, quorate: 0, attendedByAgency: { "wan-police": 1, "wan-csc": 1 } },
  themes: { missing: 1, "not-recorded": 1 },
  linkedToOpenCases: [
    { reference: "WAN-L-0003", kind: "location-of-concern", openCases: 4 },
    { reference: "WAN-G-0001", kind: "group", openCases: 3 },
  ],
});

export const bOctober = monthFigures({
  ...B,
  month: "2026-10",
  builtAt: "2026-10-31T23:30:00.000Z",
  referrals: {
    received: 2,
    byKind: { individual: 2 },
    byAgency: { "wan-probation": 2 },
    byOutcome: { accepted: 2 },
    daysToFirstDiscussion: { "7": 1 },
    notYetDiscussed: 1,
  },
  children: {
    referred: { ageBand: { "18-25": 2 }, gender: { male: 2 }, ethnicity: { "black-caribbean": 2 } },
    accepted: { ageBand: { "18-25": 2 }, gender: { male: 2 }, ethnicity: { "black-caribbean": 2 } },
  },
  cohort: {
    opened: 1,
    closedByReason: { transfer: 1 },
    riskAtEntry: { moderate: 1 },
    openAtEnd: 4,
    riskAtEnd: { moderate: 3, significant: 1 },
    movement: { same: 4 },
  },
  disruption: {
    byType: { "Civil injunction": 1 },
    decisionsWithDisruption: 1,
    personsOfConcernDiscussed: 2,
    locationsDiscussed: 1,
  },
  actions: { byAgency: { "wan-probation": { agreed: 2, doneOnTime: 2, doneLate: 0, overdue: 0, open: 0 } } },
  meetings: {
    held: 1,
    quorate: 1,
    attendedByAgency: { "wan-police": 1, "wan-probation": 1, "wan-housing": 1 },
  },
  themes: { "serious-youth-violence": 2 },
});

export const bNovember = monthFigures({
  ...B,
  month: "2026-11",
  builtAt: "2026-12-01T02:05:00.000Z",
  cohort: { openAtEnd: 4, riskAtEnd: { moderate: 2, significant: 2 }, movement: { same: 2, up: 2 } },
  linkedToOpenCases: [
    { reference: "WAN-L-0003", kind: "location-of-concern", openCases: 2 },
    { reference: "WAN-L-0007", kind: "location-of-concern", openCases: 1 },
  ],
});

export const months: MonthFigures[] = [aSeptember, aOctober, aNovember, bOctober, bNovember];

/** 40,000 children: White British 75%, Black African 10%, Black Caribbean, Mixed White and Black Caribbean and Indian 5% each. */
export const baseline = PopulationBaseline.parse({
  areaId: "wandsworth",
  source: "Invented for the demonstration",
  invented: true,
  year: 2021,
  children: {
    "white-british": 30000,
    "black-african": 4000,
    "black-caribbean": 2000,
    "mixed-white-black-caribbean": 2000,
    "asian-indian": 2000,
  },
});

export const quarter = periodOf("quarter", "2026-12-01");

export const areaInput: ReportInput = {
  area,
  agencies,
  panels,
  panelId: null,
  period: quarter,
  months,
  baseline,
};

/** A report's table by its id. */
export function tableOf(report: Report, id: string): ReportTable {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!table) throw new Error(`The report has no table ${id}`);
  return table;
}

/** The cells of some columns of a table, row by row, the row's label first. */
export const cellsOf = (table: ReportTable, ...keys: string[]): Cell[][] =>
  table.rows.map((row) => [row[table.columns[0]?.key ?? ""] ?? null, ...keys.map((k) => row[k] ?? null)]);

export function sectionOf(report: Report, id: SectionId): ReportSection {
  const section = report.sections.find((s) => s.id === id);
  if (!section) throw new Error(`The report has no section ${id}`);
  return section;
}
