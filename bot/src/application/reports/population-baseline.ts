import { parse } from "csv-parse/sync";
import { Refusal } from "../../domain/refusal.js";
import {
  baselineChildren,
  baselineProblems,
  PopulationBaseline,
} from "../../domain/reports/population-baseline.js";
import { accessReport } from "../access/report-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Caller } from "../people/people-ports.js";
import type { ReportPorts } from "./report-ports.js";

// The area's child population by ethnic group, which the disproportionality view compares with:
// read by those who read the area's report, replaced from a CSV by its coordinators, analysts and
// administrators. A file with any bad row changes nothing and says what each row needs.

type BaselinePorts = Pick<
  ReportPorts,
  "catalogue" | "directory" | "administrators" | "baselines" | "casework" | "now"
>;

/** The marking a downloaded copy carries on its first line (marked-csv.ts), so it loads again as it is. */
const MARKING = "OFFICIAL-SENSITIVE";

export async function viewBaseline(
  ports: BaselinePorts,
  caller: Caller,
  areaId: unknown,
): Promise<PopulationBaseline> {
  const { area } = await accessReport(ports, caller, areaId);
  const baseline = await ports.baselines.baselineOf(area.id);
  if (!baseline)
    throw new Refusal(
      "not-found",
      `${area.name} has no population figures yet. Load a CSV of children by ethnic group.`,
      { code: "no-baseline" },
    );
  return baseline;
}

function rowsOf(csv: string): string[][] {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch {
    throw new Refusal(
      "invalid",
      "The file could not be read as CSV. Save it as CSV (comma separated) and try again.",
      {
        code: "unreadable-file",
        fields: [{ field: "csv", message: "not a CSV file" }],
      },
    );
  }
  // A blank row in its place keeps every other row's number as the file has it.
  return rows.map((row, i) => (i === 0 && row.length === 1 && row[0] === MARKING ? [""] : row));
}

export async function replaceBaseline(
  ports: BaselinePorts,
  caller: Caller,
  areaId: unknown,
  input: { source: string; year: number; csv: string },
  via: string,
): Promise<PopulationBaseline> {
  const { area } = await accessReport(ports, caller, areaId, undefined, "keepers");
  const rows = rowsOf(input.csv);
  const problems = baselineProblems(rows);
  if (problems.length)
    throw new Refusal(
      "invalid",
      `Nothing was changed: ${problems.length === 1 ? "one row needs" : `${problems.length} rows need`} correcting. ${problems.slice(0, 3).join(" ")}${problems.length > 3 ? ` And ${problems.length - 3} more.` : ""}`,
      { code: "baseline-rows", fields: problems.map((message) => ({ field: "csv", message })) },
    );
  const parsed = PopulationBaseline.safeParse({
    areaId: area.id,
    source: input.source,
    invented: false,
    year: input.year,
    children: baselineChildren(rows),
  });
  if (!parsed.success)
    throw new Refusal(
      "invalid",
      "Nothing was changed: say where the figures come from, and the year they are for.",
      {
        code: "invalid-baseline",
        fields: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      },
    );
  await ports.baselines.replace(parsed.data, caller.name);
  await ports.casework.appendAudit(area.id, [
    auditEntry(ports.now(), {
      areaId: area.id,
      panelId: "",
      actorId: caller.id,
      action: "population-baseline.replaced",
      subjectId: null,
      reference: String(parsed.data.year),
      via,
    }),
  ]);
  return parsed.data;
}
