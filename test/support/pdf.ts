import { extractText, getDocumentProxy } from "unpdf";

/** The text of each page of a PDF, its whitespace run together as one space. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

/** A sentence as a PDF's text holds it: whitespace run together. */
export const asInPdf = (text: string) => text.replace(/\s+/g, " ").trim();
