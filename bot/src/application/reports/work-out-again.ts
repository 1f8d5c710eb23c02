import { accessReport } from "../access/report-access.js";
import type { Caller } from "../people/people-ports.js";
import type { ReportPorts } from "./report-ports.js";
import { monthToWorkOut } from "./work-out-figures.js";

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
  const asked = monthToWorkOut(ports, month);
  const figures = await ports.workOutMonth(area.id, asked);
  const builtAt =
    figures
      .map((f) => f.builtAt)
      .sort()
      .at(-1) ?? ports.now().toISOString();
  return { month: asked, panels: figures.length, builtAt };
}
