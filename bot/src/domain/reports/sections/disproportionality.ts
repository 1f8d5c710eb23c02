import { BASELINE_GROUPS, baselineChildrenTotal } from "../population-baseline.js";
import { disproportionality, readingOf, totalOf, type Disproportionality } from "../statistics.js";
import { REFERRED, referredOfEthnicity } from "./demographics.js";
import {
  derived,
  figure,
  said,
  type DraftCell,
  type DraftTable,
  type SectionDraft,
  type Shown,
} from "./draft.js";
import { summed, type Scope } from "./scope.js";
import { countOf } from "./tables.js";

// An active search for disproportionality by ethnicity (000 §15): each group's share of the
// children referred against its share of the area's children, with a 95% interval, so a panel
// sees where a difference is larger than chance would explain. Only groups the baseline gives a
// figure for are compared: a group left out would make every other group's share look smaller.

const ratioText = (n: number): string => n.toFixed(2);
/** The children referred in the groups compared: the shares' whole. */
const COMPARED = "children-referred:compared";
const NOT_KNOWN = referredOfEthnicity("not-known");
const NO_BASELINE = "No baseline figure";
const HIDDEN_NOT_READ = "Groups whose figures this copy hides are not read.";

interface Group {
  title: string;
  id: string;
  d: Disproportionality | null;
}

/** Each group read as over- or under-represented, where the copy shows what it is read from. */
function readings(groups: Group[], shown: Shown): string[] {
  const compared = shown(COMPARED);
  if (compared === null) return [HIDDEN_NOT_READ];
  const hidden = groups.some((g) => shown(g.id) === null);
  const lines = groups.flatMap(({ title, id, d }) => {
    if (!d || readingOf(d) === "within the range expected") return [];
    const word = readingOf(d) === "over-represented" ? "Over-represented" : "Under-represented";
    const line = said`${word}: ${title}, ${shown(id)} of ${compared} children referred (ratio ${ratioText(d.ratio)}, 95% interval ${ratioText(d.low)} to ${ratioText(d.high)}).`;
    return line === null ? [] : [line];
  });
  if (lines.length === 0)
    lines.push(
      hidden
        ? "None of the groups shown is outside the range expected."
        : "No ethnic group's share of children referred is outside the range expected.",
    );
  return hidden ? [...lines, HIDDEN_NOT_READ] : lines;
}

export function disproportionalitySection(scope: Scope): SectionDraft {
  const title = "Disproportionality by ethnic group";
  const byEthnicity = summed(scope, (f) => f.children.referred.ethnicity);
  const all = totalOf(byEthnicity);
  const facts = [figure(REFERRED, all), figure(NOT_KNOWN, byEthnicity["not-known"] ?? 0)];
  const baseline = scope.baseline;
  if (!baseline)
    return {
      id: "disproportionality",
      title,
      tables: [],
      charts: [],
      sums: [],
      facts: [],
      summary: () => [
        `There is no population baseline for ${scope.area.name}, so the children referred cannot be compared with the area's children. An analyst, coordinator or administrator can load one as a CSV file of the number of children in each ethnic group.`,
      ],
    };

  const population = baselineChildrenTotal(baseline.children);
  const withFigure = BASELINE_GROUPS.filter((g) => baseline.children[g.value] !== undefined);
  const compared = withFigure.reduce((a, g) => a + (byEthnicity[g.value] ?? 0), 0);
  const groups: Group[] = [];
  const rows: Record<string, DraftCell>[] = BASELINE_GROUPS.map((g) => {
    const x = byEthnicity[g.value] ?? 0;
    const id = referredOfEthnicity(g.value);
    const inBaseline = baseline.children[g.value];
    const referred = figure(id, x);
    if (inBaseline === undefined)
      return {
        group: g.title,
        referred,
        share: null,
        baselineShare: null,
        ratio: null,
        low: null,
        high: null,
        reading: NO_BASELINE,
      };
    const d = disproportionality(x, compared, inBaseline, population);
    groups.push({ title: g.title, id, d });
    const from = [id, COMPARED];
    const reading = d
      ? readingOf(d)
      : compared === 0
        ? "No children to compare"
        : "No children in the baseline";
    return {
      group: g.title,
      referred,
      share: derived(from, compared > 0 ? x / compared : null),
      baselineShare: population === 0 ? null : inBaseline / population,
      ratio: derived(from, d?.ratio ?? null),
      low: derived(from, d?.low ?? null),
      high: derived(from, d?.high ?? null),
      reading: derived(from, reading),
    };
  });
  rows.push({
    group: "All groups compared",
    referred: figure(COMPARED, compared),
    share: derived([COMPARED], compared > 0 ? 1 : null),
    baselineShare: population > 0 ? 1 : null,
    ratio: null,
    low: null,
    high: null,
    reading: null,
  });
  const leftOut = withFigure.length < BASELINE_GROUPS.length;
  const table: DraftTable = {
    id: "disproportionality-by-ethnicity",
    caption: "Children referred by ethnic group against the area's children",
    columns: [
      { key: "group", label: "Ethnic group", kind: "label" },
      { key: "referred", label: "Children referred", kind: "count" },
      { key: "share", label: "Share of children referred", kind: "share" },
      { key: "baselineShare", label: "Share of the area's children", kind: "share" },
      { key: "ratio", label: "Ratio", kind: "ratio" },
      { key: "low", label: "95% interval: from", kind: "ratio" },
      { key: "high", label: "95% interval: to", kind: "ratio" },
      { key: "reading", label: "Reading", kind: "label" },
    ],
    rows,
    hasTotal: true,
    notes: [
      `The area's children: ${baseline.source}, ${baseline.year}.`,
      ...(baseline.invented ? ["Invented figures for the demonstration."] : []),
      "Shares are of the children referred in the groups compared: those whose ethnicity is not known are left out.",
      ...(leftOut
        ? [
            "Groups the baseline gives no figure for are listed without a share or ratio, and their children are left out of the shares, so that the other groups' shares can be set against the area's.",
          ]
        : []),
      "Ratio: the share of children referred over the share of the area's children. The interval is the 95% Wilson score interval of the referred share over the area's share, taken as exact.",
      "Over-represented: the whole interval is above 1; under-represented: the whole interval is below 1; otherwise the difference is within the range chance would give.",
    ],
  };
  return {
    id: "disproportionality",
    title,
    tables: [table],
    sums: [{ whole: COMPARED, parts: withFigure.map((g) => referredOfEthnicity(g.value)) }],
    facts,
    summary: (n) => [
      ...readings(groups, n),
      all > 0
        ? said`Data quality: ethnicity not known for ${countOf(n(NOT_KNOWN), n(REFERRED))} children referred.`
        : null,
      baseline.invented ? "The area's population figures are invented for the demonstration." : null,
    ],
    charts: [
      {
        tableId: table.id,
        kind: "bar",
        category: "group",
        values: ["share", "baselineShare"],
        title: table.caption,
      },
    ],
  };
}
