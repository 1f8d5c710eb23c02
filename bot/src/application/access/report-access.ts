import type { Area, Panel } from "../../domain/catalogue/panel.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { namedInConfiguration } from "../people/people-access.js";
import type { Caller } from "../people/people-ports.js";
import type { Directory } from "../ports/directory.js";
import { refuseSuspended } from "./panel-access.js";
import { AreaIdInput } from "./subject-access.js";

// Who may read a report, and who keeps its figures. A panel's report: its coordinators, chairs
// and analysts, and the area's administrators. The area's report: those roles on any of the
// area's panels, and its administrators. Coordinators, analysts and administrators also work the
// figures out again and load the area's population baseline. Aggregates only, so a chair who
// sees no cases' details elsewhere may still read them; members and presenters work cases, not
// figures, and are refused.

const READS_REPORTS: ReadonlySet<PanelRole> = new Set(["coordinator", "chair", "analyst"]);
const KEEPS_FIGURES: ReadonlySet<PanelRole> = new Set(["coordinator", "analyst"]);

export type ReportAudience = "readers" | "keepers";

export interface ReportAccess {
  area: Area;
  /** The panel reported on; null for the whole area. */
  panel: (Panel & { areaId: string }) | null;
  /** Every panel of the area: an area's report reads them all. */
  areaPanels: (Panel & { areaId: string })[];
  /** Whether they may also work the area's figures out again and replace its baseline. */
  keepsFigures: boolean;
}

export interface ReportAccessPorts {
  catalogue: Catalogue;
  directory: Directory;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
}

/** The area (and panel) a report request names, refused to anyone outside its audience. */
export async function accessReport(
  ports: ReportAccessPorts,
  caller: Caller,
  areaId: unknown,
  panelId: unknown = undefined,
  who: ReportAudience = "readers",
): Promise<ReportAccess> {
  const parsed = AreaIdInput.safeParse(areaId);
  const area = parsed.success ? ports.catalogue.areas.find((a) => a.id === parsed.data) : undefined;
  if (!area)
    throw new Refusal("not-found", "There is no such area. Check the link and try again.", {
      code: "unknown-area",
    });
  const areaPanels = [...ports.catalogue.panels.values()].filter((p) => p.areaId === area.id);
  const panel = panelId === undefined ? null : (areaPanels.find((p) => p.id === panelId) ?? null);
  if (panelId !== undefined && !panel)
    throw new Refusal("not-found", `${area.name} has no such panel. Check the link and try again.`, {
      code: "unknown-panel",
    });
  const access = await ports.directory.accessOf(caller.id);
  refuseSuspended(access);
  const administrator = access.administers.includes(area.id) || namedInConfiguration(ports, caller, area.id);
  const inScope = new Set(panel ? [panel.id] : areaPanels.map((p) => p.id));
  const roles = access.memberships.filter((m) => inScope.has(m.panelId)).map((m) => m.role);
  const keepsFigures = administrator || roles.some((r) => KEEPS_FIGURES.has(r));
  const reads = administrator || roles.some((r) => READS_REPORTS.has(r));
  if (who === "keepers" && !keepsFigures)
    throw new Refusal(
      "not-allowed",
      `Only the coordinators and analysts of ${area.name}'s panels, and its administrators, can change its report figures.`,
      { code: "report-keepers-only" },
    );
  if (!reads)
    throw new Refusal(
      "not-allowed",
      panel
        ? `Only ${panel.name}'s coordinators, chairs and analysts, and ${area.name}'s administrators, can see its reports. Ask its coordinator if you need them.`
        : `Only the coordinators, chairs and analysts of ${area.name}'s panels, and its administrators, can see its reports. Ask a coordinator if you need them.`,
      { code: "report-readers-only" },
    );
  return { area, panel, areaPanels, keepsFigures };
}
