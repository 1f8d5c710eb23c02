import { columnSums, figure, said, type DraftTable, type SectionDraft } from "./draft.js";
import { lastMonths, summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countTable, readable, type Category } from "./tables.js";

// Themes and patterns (002 patterns identified; 001's presenting needs): what the cases discussed
// were about, and the locations and groups that most open cases are linked to, by reference only.

const SUBJECT_KINDS = { "location-of-concern": "Location of concern", group: "Group" } as const;
const DISCUSSED = "themes";
const linkedId = (reference: string) => `linked-open-cases/subject:${reference}`;

/** A theme's name from the panels' screening areas of harm, where one names it. */
function themeCategories(scope: Scope, keys: string[]): Category[] {
  const named = new Map<string, string>();
  for (const p of scope.panels)
    for (const gate of p.referralRules?.gates ?? [])
      if (gate.kind === "contextual-harm-screening")
        for (const area of gate.areasOfHarm)
          if (area.theme && !named.has(area.theme)) named.set(area.theme, area.label);
  return keys
    .filter((k) => k !== "not-recorded")
    .sort()
    .map((key) => ({ key, label: named.get(key) ?? readable(key) }))
    .concat(keys.includes("not-recorded") ? [{ key: "not-recorded", label: "No theme recorded" }] : []);
}

interface Linked {
  reference: string;
  kind: keyof typeof SUBJECT_KINDS;
  openCases: number;
}

/** The ten linked to most open cases at the end of the period, over the panels' last months. */
function mostLinked(scope: Scope): Linked[] {
  const linked = new Map<string, Linked>();
  for (const f of lastMonths(scope))
    for (const s of f.linkedToOpenCases) {
      const seen = linked.get(s.reference);
      if (seen) seen.openCases += s.openCases;
      else linked.set(s.reference, { ...s });
    }
  return [...linked.values()]
    .sort((a, b) => b.openCases - a.openCases || a.reference.localeCompare(b.reference))
    .slice(0, 10);
}

function linkedTable(top: Linked[]): DraftTable {
  return {
    id: "themes-linked-to-open-cases",
    caption: "Locations and groups linked to the most open cases",
    columns: [
      { key: "reference", label: "Reference", kind: "label" },
      { key: "kind", label: "Kind", kind: "label" },
      { key: "openCases", label: "Open cases linked", kind: "count" },
    ],
    rows: top.map((s) => ({
      reference: s.reference,
      kind: SUBJECT_KINDS[s.kind],
      openCases: figure(linkedId(s.reference), s.openCases),
    })),
    hasTotal: false,
    notes: [
      "At the end of the period, by reference: open the record in the tab to see more.",
      "Ten at most, most linked first.",
    ],
  };
}

export function themesSection(scope: Scope): SectionDraft {
  const themes = summed(scope, (f) => f.themes);
  const discussed = countTable({
    id: "themes-cases-discussed",
    caption: "Cases discussed by theme",
    category: { key: "theme", label: "Theme" },
    by: "theme",
    categories: categoriesOf(
      themeCategories(
        scope,
        Object.keys(themes).filter((k) => (themes[k] ?? 0) > 0),
      ),
      themes,
    ),
    values: [{ key: "cases", label: "Cases discussed", figure: DISCUSSED, counts: themes, withShare: true }],
    notes: [
      "Each month's meetings count the cases they discussed: a case discussed in two months counts twice.",
    ],
  });
  const top = mostLinked(scope);
  const linked = linkedTable(top);
  const first = top[0];
  return {
    id: "themes",
    title: "Themes and patterns",
    tables: [discussed, linked],
    sums: columnSums(discussed),
    facts: [],
    summary: (n) => [
      said`${n(DISCUSSED)} cases discussed.`,
      first
        ? said`Most linked at the end of the period: ${SUBJECT_KINDS[first.kind]} ${first.reference}, linked to ${n(linkedId(first.reference))} open cases.`
        : null,
    ],
    charts: [chartOf(discussed, "bar", ["cases"]), chartOf(linked, "bar", ["openCases"])],
  };
}
