import { CATEGORY_LABELS, type ThresholdingOutcome } from "../agenda/thresholding.js";
import { dayInWords } from "../schedule/dates.js";
import type { ChronologyEntry, ChronologyNames } from "./chronology-entry.js";

// The thresholding meeting's outcome in the child's case history (003: "Key decisions will be
// added to each child's file to record rationale"), with the district meeting it placed them at.

export function thresholdingEntry(t: ThresholdingOutcome, names: ChronologyNames): ChronologyEntry {
  return {
    at: t.at,
    kind: "thresholding",
    panelId: t.panelId,
    panelName: names.panel(t.panelId),
    reference: t.reference,
    title: `Thresholded at the meeting on ${dayInWords(t.meetingId)}: ${CATEGORY_LABELS[t.category]}`,
    by: t.recordedByName,
    details: [
      { label: "For", text: `${names.panel(t.districtPanelId)} on ${dayInWords(t.forMeeting)}` },
      ...(t.rationale ? [{ label: "Rationale", text: t.rationale }] : []),
      { label: "Quorum", text: t.quorate ? "Quorate when recorded" : "Not quorate when recorded" },
    ],
  };
}
