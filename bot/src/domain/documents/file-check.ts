import { Refusal } from "../refusal.js";

// What files may be attached: PDF, Word, Excel, PNG and JPEG, at most 10 MB. A file is judged by
// its first bytes as well as its name, so a program renamed "plan.pdf" is refused: the declared
// type and the extension are only what the sender says.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_SIZE_WORDS = "10 MB";

interface FileType {
  label: string;
  extensions: string[];
  contentType: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean =>
  signature.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether a zip (an Office Open XML file) holds a part under `folder`, from its entries' names. */
function holdsPart(bytes: Uint8Array, folder: string): boolean {
  if (!startsWith(bytes, ...ZIP)) return false;
  const text = new TextDecoder("latin1").decode(bytes);
  return text.includes("[Content_Types].xml") && text.includes(folder);
}

const TYPES: FileType[] = [
  {
    label: "PDF",
    extensions: ["pdf"],
    contentType: "application/pdf",
    matches: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d),
  },
  {
    label: "Word",
    extensions: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    matches: (b) => holdsPart(b, "word/"),
  },
  {
    label: "Word",
    extensions: ["doc"],
    contentType: "application/msword",
    matches: (b) => startsWith(b, ...OLE),
  },
  {
    label: "Excel",
    extensions: ["xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    matches: (b) => holdsPart(b, "xl/"),
  },
  {
    label: "Excel",
    extensions: ["xls"],
    contentType: "application/vnd.ms-excel",
    matches: (b) => startsWith(b, ...OLE),
  },
  {
    label: "PNG",
    extensions: ["png"],
    contentType: "image/png",
    matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  {
    label: "JPEG",
    extensions: ["jpg", "jpeg"],
    contentType: "image/jpeg",
    matches: (b) => startsWith(b, 0xff, 0xd8, 0xff),
  },
];

const refused = (message: string) =>
  new Refusal("invalid", message, { fields: [{ field: "file", message }] });

/** A file name as it is kept and offered back: no folders, control characters or quotes, at most 120 characters. */
export function cleanFileName(raw: unknown): string {
  const text = typeof raw === "string" ? raw : "";
  const base = text.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "").trim();
  if (!clean) throw refused("Choose a file to attach.");
  if (clean.length > 120)
    throw refused("The file's name is longer than 120 characters. Rename it shorter and attach it again.");
  return clean;
}

/** The content type a file is kept and served with, once its size, name and first bytes agree. */
export function checkFile(name: string, bytes: Uint8Array): { contentType: string } {
  if (!bytes.byteLength) throw refused(`${name} is empty. Choose the file again.`);
  if (bytes.byteLength > MAX_DOCUMENT_BYTES)
    throw refused(
      `${name} is larger than ${MAX_DOCUMENT_SIZE_WORDS}. Attach a smaller copy, or split it into parts.`,
    );
  const extension = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : "";
  const type = TYPES.find((t) => t.extensions.includes(extension));
  if (!type)
    throw refused(
      `${name} cannot be attached: only PDF, Word, Excel, PNG and JPEG files can. Save it as one of these and attach that.`,
    );
  if (!type.matches(bytes))
    throw refused(
      `${name} is named as a ${type.label} file, but its contents are not ${type.label}. Save it again from the program that made it and attach that copy.`,
    );
  return { contentType: type.contentType };
}
