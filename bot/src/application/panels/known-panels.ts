import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { Refusal } from "../../domain/refusal.js";

// The panel or meeting a request names, from the catalogue; one the catalogue does not have is
// refused the same way everywhere.

export function knownPanel(catalogue: Catalogue, panelId: string) {
  const panel = catalogue.panels.get(panelId);
  if (!panel) throw new Refusal("not-found", "There is no such panel.", { code: "unknown-panel" });
  return panel;
}

/** The panel and its meeting on that date, with the panel's area. */
export function knownMeeting(catalogue: Catalogue, panelId: string, meetingId: string) {
  const panel = knownPanel(catalogue, panelId);
  const [occurrence] = occurrencesBetween(catalogue, panelId, meetingId, meetingId);
  if (!occurrence)
    throw new Refusal("not-found", "The panel has no meeting on that date.", { code: "unknown-meeting" });
  const area = catalogue.areas.find((a) => a.id === panel.areaId);
  return { panel, area, occurrence };
}
