import { api, type PanelSummary, type TokenSource } from "./api.js";
import { saveFile } from "./saveFile.js";

// Days as the panels count them: in UK time, as ISO dates.

export const isoDay = (d: Date): string => d.toLocaleDateString("en-CA", { timeZone: "Europe/London" });

export const aYearFrom = (day: string): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/** Saves the panel's next twelve months of meetings as an iCalendar file. */
export async function downloadCalendar(token: TokenSource, panel: PanelSummary): Promise<void> {
  const from = isoDay(new Date());
  const to = aYearFrom(from);
  const blob = await api.calendarFile(token, panel.id, from, to);
  saveFile(blob, `${panel.id}-${from}.ics`);
}
