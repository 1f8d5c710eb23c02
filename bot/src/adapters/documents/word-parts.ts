import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

// The parts the product's Word documents are made of, and the document itself: OFFICIAL-SENSITIVE
// in the header and footer of every page, as multi-agency safeguarding records are marked, so no
// page printed alone loses its marking.

export const MARKING = "OFFICIAL-SENSITIVE";

export const para = (text: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text, bold })] });
export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
export { HeadingLevel };

export function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [para(text, bold)] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const marking = () =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: MARKING, bold: true })] });

/** A marked document of one section. */
export function markedDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: "MACE panels",
    title,
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: { default: new Footer({ children: [marking()] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
