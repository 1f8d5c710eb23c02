import { DISRUPTIONS } from "../../decisions/decision.js";
import type { ReportSection, ReportTable } from "../report.js";
import { totalOf } from "../statistics.js";
import { added, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable } from "./tables.js";

// Activity against those who exploit children (002): the disruptions the panel agreed, by type,
// and the persons of concern, locations and groups it discussed.

export function disruptionSection(scope: Scope): ReportSection {
  const byType = summed(scope, (f) => f.disruption.byType);
  const types = countTable({
    id: "disruption-by-type",
    caption: "Disruptions agreed by type",
    category: { key: "type", label: "Disruption" },
    categories: categoriesOf(
      DISRUPTIONS.map((d) => ({ key: d, label: d })),
      byType,
    ),
    values: [{ key: "disruptions", label: "Disruptions agreed", counts: byType }],
  });
  const discussed: ReportTable = {
    id: "disruption-subjects-discussed",
    caption: "Persons of concern, locations and groups discussed",
    columns: [
      { key: "subject", label: "Discussed", kind: "label" },
      { key: "discussed", label: "Times discussed", kind: "count" },
    ],
    rows: [
      {
        subject: "Persons of concern",
        discussed: added(scope, (f) => f.disruption.personsOfConcernDiscussed),
      },
      { subject: "Locations of concern", discussed: added(scope, (f) => f.disruption.locationsDiscussed) },
      { subject: "Groups", discussed: added(scope, (f) => f.disruption.groupsDiscussed) },
    ],
    hasTotal: false,
    notes: ["Each month's meetings count what they discussed: one discussed in two months counts twice."],
  };
  const decisions = added(scope, (f) => f.disruption.decisionsWithDisruption);
  return {
    id: "disruption",
    title: "Disruption",
    summary: [`${totalOf(byType)} disruptions agreed, in ${decisions} decisions.`],
    tables: [types, discussed],
    charts: [chartOf(types, "bar", ["disruptions"]), chartOf(discussed, "bar", ["discussed"])],
  };
}
