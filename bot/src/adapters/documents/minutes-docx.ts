import { heading, HeadingLevel, markedDocx, para, table } from "./word-parts.js";
import type { Minutes } from "../../domain/minutes/minutes.js";

// The minutes as a Word document, for the agencies' own records, marked on every page
// (word-parts.ts): each case's decision with the quorum when it was taken, then the chairs'
// decisions taken outside the meeting, reported at it.

export async function minutesDocx(m: Minutes): Promise<Buffer> {
  const items = m.items.flatMap((item) => [
    heading(
      `${item.reference}${item.label ? `: ${item.label}` : ""} (${item.section})`,
      HeadingLevel.HEADING_3,
    ),
    para(`Decision: ${item.decision ?? "No decision recorded."}`),
    ...(item.quorum ? [para(item.quorum)] : []),
    ...(item.riskLevel ? [para(`Risk after discussion: ${item.riskLevel}`)] : []),
    ...(item.links.length ? [para(`Links noted: ${item.links.join("; ")}`)] : []),
    ...(item.disruption.length ? [para(`Disruption agreed: ${item.disruption.join("; ")}`)] : []),
    ...(item.actions.length
      ? [
          table(
            ["Action", "Owner", "Due"],
            item.actions.map((a) => [`${a.reference}: ${a.title}`, `${a.owner} (${a.agency})`, a.dueDate]),
          ),
        ]
      : []),
  ]);
  return markedDocx(`Minutes: ${m.panelName}, ${m.meetingDescription}`, [
    heading(`${m.areaName}: ${m.panelName}`, HeadingLevel.HEADING_1),
    para(`Minutes of the meeting on ${m.meetingDescription}`),
    para(m.confidentialityStatement),
    heading("Attendance", HeadingLevel.HEADING_2),
    table(
      ["Name", "Agency", "As"],
      m.attendance.map((a) => [a.name, a.agency, a.capacity]),
    ),
    heading("Apologies", HeadingLevel.HEADING_2),
    ...(m.apologies.length ? m.apologies.map((a) => para(`${a.name} (${a.agency})`)) : [para("None.")]),
    heading("Quorum", HeadingLevel.HEADING_2),
    para(
      m.quorum.quorate
        ? "The meeting was quorate."
        : `The meeting was not quorate: no one for ${m.quorum.missing.join(", ")}.`,
    ),
    heading("Cases discussed", HeadingLevel.HEADING_2),
    ...items,
    heading("Decisions taken outside the meeting", HeadingLevel.HEADING_2),
    ...(m.chairsDecisions.length
      ? m.chairsDecisions.flatMap((d) => [
          heading(`${d.reference}${d.label ? `: ${d.label}` : ""}`, HeadingLevel.HEADING_3),
          para(`Chairs' decision: ${d.decision}`),
          para(`${d.agreed} Recorded by ${d.recordedBy}.`),
          ...(d.reason ? [para(`Why it could not wait for the meeting: ${d.reason}`)] : []),
        ])
      : [para("None.")]),
    heading("Themes for the strategic MACE", HeadingLevel.HEADING_2),
    ...(m.themes.length ? m.themes.map((t) => para(t)) : [para("None noted.")]),
  ]);
}
