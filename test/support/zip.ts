import { inflateRawSync } from "node:zlib";

/** The files of a zip archive (a .docx is one), read through its central directory. */
export function zipEntries(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  const entries: { name: string; data: Buffer }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      data: method === 8 ? inflateRawSync(data) : data,
    });
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** One file's text from a zip archive. */
export const fileInZip = (zip: Buffer, name: string): string | undefined =>
  zipEntries(zip)
    .find((e) => e.name === name)
    ?.data.toString("utf8");
