import { DISRUPTIONS } from "../../decisions/decision.js";
import type { MonthFigures } from "../month-figures.js";
import { columnSums, figure, said, type DraftTable, type SectionDraft } from "./draft.js";
import { added, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable } from "./tables.js";

// Activity against those who exploit children (002): the disruptions the panel agreed, by type,
// and the persons of concern, locations and groups it discussed.

const DISRUPTIONS_AGREED = "disruptions";
const WITH_DISRUPTION = "decisions-with-disruption";
const discussedCell = (id: string, scope: Scope, pick: (f: MonthFigures) => number) =>
  figure(`discussed:${id}`, added(scope, pick));

export function disruptionSection(scope: Scope): SectionDraft {
  const byType = summed(scope, (f) => f.disruption.byType);
  const types = countTable({
    id: "disruption-by-type",
    caption: "Disruptions agreed by type",
    category: { key: "type", label: "Disruption" },
    by: "type",
    categories: categoriesOf(
      DISRUPTIONS.map((d) => ({ key: d, label: d })),
      byType,
    ),
    values: [{ key: "disruptions", label: "Disruptions agreed", figure: DISRUPTIONS_AGREED, counts: byType }],
  });
  const discussed: DraftTable = {
    id: "disruption-subjects-discussed",
    caption: "Persons of concern, locations and groups discussed",
    columns: [
      { key: "subject", label: "Discussed", kind: "label" },
      { key: "discussed", label: "Times discussed", kind: "count" },
    ],
    rows: [
      {
        subject: "Persons of concern",
        discussed: discussedCell("persons-of-concern", scope, (f) => f.disruption.personsOfConcernDiscussed),
      },
      {
        subject: "Locations of concern",
        discussed: discussedCell("locations", scope, (f) => f.disruption.locationsDiscussed),
      },
      { subject: "Groups", discussed: discussedCell("groups", scope, (f) => f.disruption.groupsDiscussed) },
    ],
    hasTotal: false,
    notes: ["Each month's meetings count what they discussed: one discussed in two months counts twice."],
  };
  const decisions = added(scope, (f) => f.disruption.decisionsWithDisruption);
  return {
    id: "disruption",
    title: "Disruption",
    tables: [types, discussed],
    sums: columnSums(types),
    facts: [figure(WITH_DISRUPTION, decisions)],
    summary: (n) => [said`${n(DISRUPTIONS_AGREED)} disruptions agreed, in ${n(WITH_DISRUPTION)} decisions.`],
    charts: [chartOf(types, "bar", ["disruptions"]), chartOf(discussed, "bar", ["discussed"])],
  };
}
