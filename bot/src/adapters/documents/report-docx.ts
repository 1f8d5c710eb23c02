import { ImageRun, Paragraph, type Table } from "docx";
import { momentInWords } from "../../domain/cohort/chronology.js";
import type { Report, ReportSection, ReportTable } from "../../domain/reports/report.js";
import { chartPng, chartSvg } from "../charts/report-charts.js";
import { tableText } from "./report-cells.js";
import { heading, HeadingLevel, markedDocx, para, table } from "./word-parts.js";

// A panel's or an area's periodic report as a Word document (003's bi-monthly data report, 002's
// report to the partnership, 000's quarterly profile): each section's summary, then each table
// with the chart drawn from it. Marked on every page (word-parts.ts); the copy for the partnership
// board says which figures it hides.

/** The chart's picture in the document, 600 pixels (6.25 inches) wide, drawn at twice that. */
const SHOWN_WIDTH = 600;

async function chartOf(section: ReportSection, t: ReportTable): Promise<Paragraph[]> {
  const chart = section.charts.find((c) => c.tableId === t.id);
  if (!chart) return [];
  const { png, width, height } = chartPng(await chartSvg(t, chart, "light"), SHOWN_WIDTH * 2);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: SHOWN_WIDTH, height: Math.round((height * SHOWN_WIDTH) / width) },
          altText: {
            name: t.id,
            title: chart.title,
            description: `${chart.title}. The figures are in the table below.`,
          },
        }),
      ],
    }),
  ];
}

async function sectionParts(report: Report, section: ReportSection): Promise<(Paragraph | Table)[]> {
  const tables = await Promise.all(
    section.tables.map(async (t) => {
      const [header = [], ...rows] = tableText(report, t);
      return [
        heading(t.caption, HeadingLevel.HEADING_3),
        ...(await chartOf(section, t)),
        table(header, rows),
        ...t.notes.map((n) => para(n)),
      ];
    }),
  );
  return [
    heading(section.title, HeadingLevel.HEADING_2),
    ...section.summary.map((line) => para(line)),
    ...tables.flat(),
  ];
}

/** Who the copy is for, and what it hides when it is for the partnership board. */
function readership(report: Report): Paragraph[] {
  if (report.suppressedBelow === null)
    return [para("For the panel's members: every figure is exact. Do not share it beyond the panel.")];
  const n = report.suppressedBelow;
  return [
    para(`Prepared for the partnership board: figures below ${n} are suppressed.`, true),
    para(
      `Counts from 1 to ${n - 1} read "fewer than ${n}", wherever they appear. Where one could otherwise be worked out from a total, another table, a share or a summary, more is hidden too ("suppressed"), with the shares and days worked out from it. Totals count every figure, the hidden ones included.`,
    ),
  ];
}

export async function reportDocx(report: Report, producedAt: string): Promise<Buffer> {
  const sections = await Promise.all(report.sections.map((s) => sectionParts(report, s)));
  return markedDocx(report.title, [
    // The marking opens the body too, so it survives a copy of the text without its header.
    para("OFFICIAL-SENSITIVE", true),
    heading(report.title, HeadingLevel.HEADING_1),
    para(`Period: ${report.period.label}.`),
    para(
      report.figuresAsAt
        ? `Figures as worked out on ${momentInWords(report.figuresAsAt)}; produced on ${momentInWords(producedAt)}.`
        : `No figures have been worked out for this period yet; produced on ${momentInWords(producedAt)}.`,
    ),
    para("Aggregate figures only: no child, person or address is named."),
    ...readership(report),
    ...sections.flat(),
  ]);
}
