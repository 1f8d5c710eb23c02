import { MonthFigures } from "../../bot/src/domain/reports/month-figures.js";

// A panel's month of figures with every count at zero, for tests to set only the figures they read.

type Overrides<T> = {
  [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object | null ? Overrides<T[K]> | T[K] : T[K];
};

const noDemographics = () => ({ ageBand: {}, gender: {}, ethnicity: {} });

export const zeroMonthFigures = (): MonthFigures => ({
  areaId: "testshire",
  panelId: "testshire-mace",
  month: "2026-10",
  builtAt: "2026-11-01T02:00:00.000Z",
  referrals: {
    received: 0,
    byKind: {},
    byAgency: {},
    byOutcome: {},
    daysToFirstDiscussion: {},
    notYetDiscussed: 0,
  },
  children: { referred: noDemographics(), accepted: noDemographics() },
  cohort: { opened: 0, closedByReason: {}, riskAtEntry: {}, openAtEnd: 0, riskAtEnd: {}, movement: {} },
  disruption: {
    byType: {},
    decisionsWithDisruption: 0,
    personsOfConcernDiscussed: 0,
    locationsDiscussed: 0,
    groupsDiscussed: 0,
  },
  actions: { byAgency: {} },
  meetings: { held: 0, quorate: 0, attendedByAgency: {} },
  riskFactorMatrix: null,
  thresholding: null,
  themes: {},
  linkedToOpenCases: [],
});

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function merged(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merged(base[k], v);
  return out;
}

/** A month of figures: zero everywhere but the overrides (nested objects are merged), checked by the schema. */
export function monthFigures(overrides: Overrides<MonthFigures> = {}): MonthFigures {
  return MonthFigures.parse(merged(zeroMonthFigures(), overrides));
}
