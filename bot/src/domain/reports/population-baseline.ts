import { z } from "zod";
import { ETHNICITIES } from "../referrals/form-choices.js";

// An area's child population by ethnic group, the baseline a disproportionality reading compares
// referred children with (000 §15). It names its source (census, school census, an ONS estimate)
// so a reader can judge it; the demonstration areas carry invented figures, marked as such.

/** The form's ethnic groups a population can be counted in: "not known" is no group. */
export const BASELINE_GROUPS = ETHNICITIES.filter((e) => e.value !== "not-known");
const GROUP_VALUES = BASELINE_GROUPS.map((e) => e.value) as [string, ...string[]];

export const PopulationBaseline = z.strictObject({
  areaId: z.string().max(80),
  source: z.string().trim().min(2).max(300),
  invented: z.boolean(),
  year: z.number().int().min(1991).max(2100),
  /** Children in each group; a group left out has no figure, and no ratio is worked out for it. */
  children: z.partialRecord(z.enum(GROUP_VALUES), z.number().int().min(0).max(100_000_000)),
});
export type PopulationBaseline = z.infer<typeof PopulationBaseline>;
export type BaselineChildren = PopulationBaseline["children"];

/** The CSV's columns, as the download writes them and the upload reads them. */
export const BASELINE_HEADER = ["Ethnic group", "Children"];

const normal = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, " ");
const GROUP_BY_TEXT = new Map(
  BASELINE_GROUPS.flatMap((g) => [
    [normal(g.value), g.value],
    [normal(g.title), g.value],
  ]),
);
const WHOLE_NUMBER = /^\d{1,9}$/;

const isHeader = (row: string[]): boolean => !WHOLE_NUMBER.test((row[1] ?? "").trim().replace(/,/g, ""));

/** The data rows of a parsed CSV, each with its row number in the file (the header is row 1). */
function dataRows(rows: string[][]): { row: number; cells: string[] }[] {
  const numbered = rows.map((cells, i) => ({ row: i + 1, cells }));
  const filled = numbered.filter((r) => r.cells.some((c) => c.trim() !== ""));
  return filled.length > 0 && isHeader(filled[0]?.cells ?? []) ? filled.slice(1) : filled;
}

/**
 * What is wrong with a baseline CSV's rows (an ethnic group, by the form's wording or its value,
 * and a number of children), each problem in words naming its row; none when it can be loaded.
 */
export function baselineProblems(rows: string[][]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const data = dataRows(rows);
  for (const { row, cells } of data) {
    const [groupText = "", countText = ""] = cells.map((c) => c.trim());
    if (cells.length !== 2) {
      problems.push(`Row ${row}: give two values, the ethnic group and the number of children.`);
      continue;
    }
    const group = GROUP_BY_TEXT.get(normal(groupText));
    if (normal(groupText) === "not known" || normal(groupText) === "not-known")
      problems.push(`Row ${row}: a population has no "Not known" group; leave that row out.`);
    else if (!group)
      problems.push(`Row ${row}: '${groupText}' is not one of the ethnic groups the form asks.`);
    else if (seen.has(group))
      problems.push(`Row ${row}: '${groupText}' is given twice, here and in row ${seen.get(group)}.`);
    else seen.set(group, row);
    if (!WHOLE_NUMBER.test(countText.replace(/,/g, "")))
      problems.push(`Row ${row}: '${countText}' is not a whole number of children.`);
  }
  if (data.length === 0)
    problems.push("The file has no rows: give each ethnic group and its number of children.");
  else if (problems.length === 0 && baselineChildrenTotal(childrenOf(data)) === 0)
    problems.push("Every group has 0 children: give the area's numbers of children.");
  return problems;
}

function childrenOf(data: { cells: string[] }[]): BaselineChildren {
  const children: BaselineChildren = {};
  for (const { cells } of data) {
    const group = GROUP_BY_TEXT.get(normal(cells[0] ?? ""));
    if (group) children[group] = Number((cells[1] ?? "").trim().replace(/,/g, ""));
  }
  return children;
}

/** The children by group in rows that have no problems (baselineProblems is empty). */
export function baselineChildren(rows: string[][]): BaselineChildren {
  const problems = baselineProblems(rows);
  if (problems.length > 0) throw new Error(problems.join(" "));
  return childrenOf(dataRows(rows));
}

export const baselineChildrenTotal = (children: BaselineChildren): number =>
  Object.values(children).reduce<number>((a, n) => a + (n ?? 0), 0);

/** A baseline as CSV rows, header first, in the form's order, to download, edit and load again. */
export function baselineRows(baseline: PopulationBaseline): string[][] {
  const rows = BASELINE_GROUPS.filter((g) => baseline.children[g.value] !== undefined).map((g) => [
    g.title,
    String(baseline.children[g.value]),
  ]);
  return [BASELINE_HEADER, ...rows];
}
