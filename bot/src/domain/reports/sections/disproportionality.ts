import { BASELINE_GROUPS, baselineChildrenTotal } from "../population-baseline.js";
import type { Cell, ReportSection, ReportTable } from "../report.js";
import { disproportionality, readingOf, totalOf } from "../statistics.js";
import { summed, type Scope } from "./scope.js";
import { countOf } from "./tables.js";

// An active search for disproportionality by ethnicity (000 §15): each group's share of the
// children referred against its share of the area's children, with a 95% interval, so a panel
// sees where a difference is larger than chance would explain.

const ratioText = (n: number): string => n.toFixed(2);

export function disproportionalitySection(scope: Scope): ReportSection {
  const title = "Disproportionality by ethnic group";
  const byEthnicity = summed(scope, (f) => f.children.referred.ethnicity);
  const all = totalOf(byEthnicity);
  const notKnown = byEthnicity["not-known"] ?? 0;
  const known = BASELINE_GROUPS.reduce((a, g) => a + (byEthnicity[g.value] ?? 0), 0);
  const baseline = scope.baseline;
  if (!baseline)
    return {
      id: "disproportionality",
      title,
      summary: [
        `There is no population baseline for ${scope.area.name}, so the children referred cannot be compared with the area's children. An analyst, coordinator or administrator can load one as a CSV file of the number of children in each ethnic group.`,
      ],
      tables: [],
      charts: [],
    };

  const population = baselineChildrenTotal(baseline.children);
  const readings: string[] = [];
  const rows: Record<string, Cell>[] = BASELINE_GROUPS.map((g) => {
    const x = byEthnicity[g.value] ?? 0;
    const inBaseline = baseline.children[g.value];
    const d = inBaseline === undefined ? null : disproportionality(x, known, inBaseline, population);
    const reading =
      inBaseline === undefined
        ? "No baseline figure"
        : d
          ? readingOf(d)
          : known === 0
            ? "No children to compare"
            : "No children in the baseline";
    if (d && reading !== "within the range expected")
      readings.push(
        `${reading === "over-represented" ? "Over-represented" : "Under-represented"}: ${g.title}, ${x} of ${known} children referred (ratio ${ratioText(d.ratio)}, 95% interval ${ratioText(d.low)} to ${ratioText(d.high)}).`,
      );
    return {
      group: g.title,
      referred: x,
      share: known > 0 ? x / known : null,
      baselineShare: inBaseline === undefined || population === 0 ? null : inBaseline / population,
      ratio: d?.ratio ?? null,
      low: d?.low ?? null,
      high: d?.high ?? null,
      reading,
    };
  });
  rows.push({
    group: "All groups, ethnicity known",
    referred: known,
    share: known > 0 ? 1 : null,
    baselineShare: population > 0 ? 1 : null,
    ratio: null,
    low: null,
    high: null,
    reading: null,
  });
  const table: ReportTable = {
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
      `Shares are of the children referred whose ethnicity is known: ${countOf(notKnown, all)} children referred had ethnicity not known and are left out.`,
      "Ratio: the share of children referred over the share of the area's children. The interval is the 95% Wilson score interval of the referred share over the area's share, taken as exact.",
      "Over-represented: the whole interval is above 1; under-represented: the whole interval is below 1; otherwise the difference is within the range chance would give.",
    ],
  };
  const summary =
    readings.length > 0
      ? readings
      : ["No ethnic group's share of children referred is outside the range expected."];
  if (all > 0)
    summary.push(`Data quality: ethnicity not known for ${countOf(notKnown, all)} children referred.`);
  if (baseline.invented) summary.push("The area's population figures are invented for the demonstration.");
  return {
    id: "disproportionality",
    title,
    summary,
    tables: [table],
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
