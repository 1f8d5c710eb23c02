import PDFDocument from "pdfkit";
import { MARKING } from "./word-parts.js";

// The product's PDFs (the agenda, the minutes), drawn on the service: A4, OFFICIAL-SENSITIVE in
// the header and footer of every page with its number, so no page printed alone loses its marking.
// Only what the page shows is drawn, never its controls. pdfkit's standard fonts are built in.

const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const SIZES = { 1: 17, 2: 13.5, 3: 11.5 } as const;

/** What a PDF's content is written with. */
export interface PdfWriter {
  heading(text: string, level: 1 | 2 | 3): void;
  para(text: string, style?: { bold?: boolean; muted?: boolean; indent?: number }): void;
  /** A table with its header row, repeated on each page it runs on; columns share the width by `widths`. */
  table(header: string[], rows: string[][], widths?: number[]): void;
}

function writerOn(doc: PDFKit.PDFDocument): PdfWriter {
  const width = () => doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  return {
    heading(text, level) {
      doc.font(BOLD).fontSize(SIZES[level]);
      doc.moveDown(level === 1 ? 0 : 0.6);
      // A heading never ends a page alone: it keeps a line of what follows with it.
      room(doc.heightOfString(text, { width: width() }) + 28);
      doc.fillColor("black").text(text, MARGIN.left, doc.y, { width: width() });
      doc.moveDown(0.3);
    },
    para(text, style = {}) {
      const indent = style.indent ?? 0;
      doc
        .font(style.bold ? BOLD : FONT)
        .fontSize(10.5)
        .fillColor(style.muted ? "#444444" : "black")
        .text(text, MARGIN.left + indent, doc.y, { width: width() - indent });
      doc.fillColor("black").moveDown(0.35);
    },
    table(header, rows, widths = header.map(() => 1)) {
      const total = widths.reduce((a, b) => a + b, 0);
      const columns = widths.map((w) => (w / total) * width());
      const heightOf = (cells: string[], font: string) => {
        doc.font(font).fontSize(9.5);
        return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: columns[i]! - 8 }))) + 6;
      };
      const draw = (cells: string[], font: string) => {
        const height = heightOf(cells, font);
        const top = doc.y;
        let x = MARGIN.left;
        doc.font(font).fontSize(9.5);
        cells.forEach((c, i) => {
          doc.text(c, x + 4, top + 3, { width: columns[i]! - 8 });
          x += columns[i]!;
        });
        doc
          .moveTo(MARGIN.left, top + height)
          .lineTo(MARGIN.left + width(), top + height)
          .lineWidth(font === BOLD ? 1 : 0.4)
          .strokeColor("#888888")
          .stroke();
        doc.x = MARGIN.left;
        doc.y = top + height;
      };
      room(heightOf(header, BOLD) + heightOf(rows[0] ?? header, FONT));
      draw(header, BOLD);
      for (const row of rows) {
        if (doc.y + heightOf(row, FONT) > bottom()) {
          doc.addPage();
          draw(header, BOLD);
        }
        draw(row, FONT);
      }
      doc.moveDown(0.6);
    },
  };
}

/** Marks every page: OFFICIAL-SENSITIVE above and below, and "Page n of m". */
function markPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    // Writing in the margins must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(BOLD).fontSize(10).fillColor("black");
    doc.text(MARKING, MARGIN.left, 28, { width, align: "center", lineBreak: false });
    doc.text(MARKING, MARGIN.left, doc.page.height - 52, { width, align: "center", lineBreak: false });
    doc
      .font(FONT)
      .fontSize(9)
      .text(`Page ${i - start + 1} of ${count}`, MARGIN.left, doc.page.height - 38, {
        width,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

/** A marked PDF whose content `write` draws. */
export function markedPdf(title: string, write: (w: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: title, Creator: "MACE panels", Subject: MARKING },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  write(writerOn(doc));
  markPages(doc);
  doc.end();
  return done;
}
