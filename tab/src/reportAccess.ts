import type { ManagedArea, PanelSummary } from "./api.js";

// Who reaches which Reports page, as the service allows: a panel's report for its coordinators,
// chairs and analysts; the area's for those roles on any of its panels and for its
// administrators. The service checks again on every request.

/** The Reports page open: one panel's, or the whole area's (no panel). */
export interface ReportOf {
  area: { id: string; name: string };
  panelId: string | null;
}

/** Which button takes the focus back when the Reports page closes. */
export const reportKey = ({ area, panelId }: ReportOf) => `reports:${panelId ?? `area:${area.id}`}`;

export const reportsOn = (panel: PanelSummary) =>
  panel.role === "coordinator" || panel.role === "chair" || panel.role === "analyst";

const administers = (areaId: string, manages: ManagedArea[]) =>
  manages.some((a) => a.id === areaId && a.administrator);

export const reportsOnArea = (areaId: string, panels: PanelSummary[], manages: ManagedArea[]) =>
  administers(areaId, manages) || panels.some((p) => p.area.id === areaId && reportsOn(p));

/** Analysts, coordinators and the area's administrators replace its population figures. */
export const replacesBaseline = (areaId: string, panels: PanelSummary[], manages: ManagedArea[]) =>
  administers(areaId, manages) ||
  panels.some((p) => p.area.id === areaId && (p.role === "analyst" || p.role === "coordinator"));
