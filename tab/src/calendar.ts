import { api, type PanelSummary, type TokenSource } from "./api.js";
import { openDownload } from "./openDownload.js";

// Days as the panels count them: in UK time, as ISO dates.

export const isoDay = (d: Date): string => d.toLocaleDateString("en-CA", { timeZone: "Europe/London" });

export const aYearFrom = (day: string): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/** Downloads the panel's next twelve months of meetings as an iCalendar file. */
export async function downloadCalendar(token: TokenSource, panel: PanelSummary): Promise<void> {
  const from = isoDay(new Date());
  const to = aYearFrom(from);
  await openDownload(await api.calendarFile(token, panel.id, from, to));
}
