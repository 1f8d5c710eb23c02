import { heading, HeadingLevel, markedDocx, para, table } from "./word-parts.js";
import type { Minutes, MinutesItem } from "../../domain/minutes/minutes.js";

// The minutes as a Word document, for the agencies' own records, marked on every page
// (word-parts.ts): the agreement they were exported under, each agenda item in order with its note
// of the discussion (a case's with its decision and the quorum when it was taken), then the
// chairs' decisions taken outside the meeting, reported at it. Only agreed minutes are exported.

export async function minutesDocx(m: Minutes): Promise<Buffer> {
  const cases = m.items.map((item) => ({ position: item.position, parts: caseParts(item) }));
  const others = m.discussion.map((d) => ({
    position: d.position,
    parts: [heading(d.title, HeadingLevel.HEADING_3), para(d.note)],
  }));
  const items = [...others, ...cases].sort((a, b) => a.position - b.position).flatMap((i) => i.parts);
  return markedDocx(`Minutes: ${m.panelName}, ${m.meetingDescription}`, [
    heading(`${m.areaName}: ${m.panelName}`, HeadingLevel.HEADING_1),
    para(`Minutes of the meeting on ${m.meetingDescription}`),
    para(m.status.words),
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
    heading("Items discussed", HeadingLevel.HEADING_2),
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

function caseParts(item: MinutesItem) {
  return [
    heading(
      `${item.reference}${item.label ? `: ${item.label}` : ""} (${item.section})`,
      HeadingLevel.HEADING_3,
    ),
    ...(item.note ? [para(`Discussion: ${item.note}`)] : []),
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
  ];
}
