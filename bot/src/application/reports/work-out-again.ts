import { Month } from "../../domain/reports/month-figures.js";
import { monthLabel } from "../../domain/reports/period.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { accessReport } from "../access/report-access.js";
import type { Caller } from "../people/people-ports.js";
import type { ReportPorts } from "./report-ports.js";

// One month of an area's figures worked out again, for every panel, when a coordinator or analyst
// asks from the Reports page: the tab asks month by month and shows how far it has got.

export interface WorkedOut {
  month: string;
  panels: number;
  builtAt: string;
}

export async function workOutAgain(
  ports: Pick<ReportPorts, "catalogue" | "directory" | "administrators" | "now" | "workOutMonth">,
  caller: Caller,
  areaId: unknown,
  month: unknown,
): Promise<WorkedOut> {
  const { area } = await accessReport(ports, caller, areaId, undefined, "keepers");
  const parsed = Month.safeParse(month);
  if (!parsed.success)
    throw new Refusal("invalid", "Give the month to work out as YYYY-MM, for example 2026-10.", {
      code: "invalid-month",
    });
  if (parsed.data > localDay(ports.now()).slice(0, 7))
    throw new Refusal(
      "invalid",
      `${monthLabel(parsed.data)} has not started yet: choose this month or an earlier one.`,
      {
        code: "future-month",
      },
    );
  const figures = await ports.workOutMonth(area.id, parsed.data);
  const builtAt =
    figures
      .map((f) => f.builtAt)
      .sort()
      .at(-1) ?? ports.now().toISOString();
  return { month: parsed.data, panels: figures.length, builtAt };
}
