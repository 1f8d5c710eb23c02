import type { Minutes, MinutesItem } from "../../domain/minutes/minutes.js";
import { markedPdf, type PdfWriter } from "./pdf-parts.js";

// The minutes as a PDF, with the same content as the Word minutes (minutes-docx.ts) and under the
// same rule: only agreed minutes are exported. Marked on every page (pdf-parts.ts).

function caseItem(w: PdfWriter, item: MinutesItem): void {
  w.heading(`${item.reference}${item.label ? `: ${item.label}` : ""} (${item.section})`, 3);
  if (item.note) w.para(`Discussion: ${item.note}`);
  w.para(`Decision: ${item.decision ?? "No decision recorded."}`);
  if (item.quorum) w.para(item.quorum, { muted: true });
  if (item.riskLevel) w.para(`Risk after discussion: ${item.riskLevel}`);
  if (item.links.length) w.para(`Links noted: ${item.links.join("; ")}`);
  if (item.disruption.length) w.para(`Disruption agreed: ${item.disruption.join("; ")}`);
  if (item.actions.length)
    w.table(
      ["Action", "Owner", "Due"],
      item.actions.map((a) => [`${a.reference}: ${a.title}`, `${a.owner} (${a.agency})`, a.dueDate]),
      [3, 2, 1],
    );
}

export function minutesPdf(m: Minutes): Promise<Buffer> {
  return markedPdf(`Minutes: ${m.panelName}, ${m.meetingDescription}`, (w) => {
    w.heading(`${m.areaName}: ${m.panelName}`, 1);
    w.para(`Minutes of the meeting on ${m.meetingDescription}`, { bold: true });
    w.para(m.status.words);
    w.para(m.confidentialityStatement, { muted: true });
    w.heading("Attendance", 2);
    w.table(
      ["Name", "Agency", "As"],
      m.attendance.map((a) => [a.name, a.agency, a.capacity]),
      [2, 2, 1],
    );
    w.heading("Apologies", 2);
    if (m.apologies.length) for (const a of m.apologies) w.para(`${a.name} (${a.agency})`);
    else w.para("None.");
    w.heading("Quorum", 2);
    w.para(
      m.quorum.quorate
        ? "The meeting was quorate."
        : `The meeting was not quorate: no one for ${m.quorum.missing.join(", ")}.`,
    );
    w.heading("Items discussed", 2);
    const items = [
      ...m.discussion.map((d) => ({
        position: d.position,
        write: () => {
          w.heading(d.title, 3);
          w.para(d.note);
        },
      })),
      ...m.items.map((item) => ({ position: item.position, write: () => caseItem(w, item) })),
    ].sort((a, b) => a.position - b.position);
    for (const item of items) item.write();
    w.heading("Decisions taken outside the meeting", 2);
    if (!m.chairsDecisions.length) w.para("None.");
    for (const d of m.chairsDecisions) {
      w.heading(`${d.reference}${d.label ? `: ${d.label}` : ""}`, 3);
      w.para(`Chairs' decision: ${d.decision}`);
      w.para(`${d.agreed} Recorded by ${d.recordedBy}.`);
      if (d.reason) w.para(`Why it could not wait for the meeting: ${d.reason}`);
    }
    w.heading("Themes for the strategic MACE", 2);
    if (m.themes.length) for (const t of m.themes) w.para(t);
    else w.para("None noted.");
  });
}
