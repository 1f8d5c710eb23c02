import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Minutes } from "../../domain/minutes/minutes.js";

// The minutes as a Word document, for the agencies' own records. Marked OFFICIAL-SENSITIVE, as
// multi-agency safeguarding records are.

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [para(text, bold)] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export async function minutesDocx(m: Minutes): Promise<Buffer> {
  const items = m.items.flatMap((item) => [
    heading(
      `${item.reference}${item.label ? `: ${item.label}` : ""} (${item.section})`,
      HeadingLevel.HEADING_3,
    ),
    para(`Decision: ${item.decision ?? "No decision recorded."}`),
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
  const doc = new Document({
    creator: "MACE panels",
    title: `Minutes: ${m.panelName}, ${m.meetingDescription}`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "OFFICIAL-SENSITIVE", bold: true })],
          }),
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
          heading("Themes for the strategic MACE", HeadingLevel.HEADING_2),
          ...(m.themes.length ? m.themes.map((t) => para(t)) : [para("None noted.")]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
