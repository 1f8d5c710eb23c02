import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { deflateRawSync, inflateSync } from "node:zlib";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";

// The Teams app package: the manifest with its `${{…}}` placeholders filled, checked offline against
// the schema bundled in @microsoft/app-manifest, and zipped with its two icons, as Teams Toolkit does.

const require = createRequire(import.meta.url);
const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;
const ICONS = { color: 192, outline: 32 } as const;

/** The names of the placeholders in a manifest template, each once. */
export const placeholders = (template: string): string[] => [
  ...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "")),
];

/** The placeholders that have no value, or an empty one. */
export const missingValues = (template: string, values: Record<string, string | undefined>): string[] =>
  placeholders(template).filter((name) => !values[name]);

/** Fills every placeholder; a value missing, or empty, is an error naming each one. */
export function render(template: string, values: Record<string, string | undefined>): string {
  const missing = missingValues(template, values);
  if (missing.length) throw new Error(`no value for ${missing.join(", ")}`);
  return template.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? "");
}

/** The schema errors of a manifest, against the schema of its own manifestVersion. */
export async function schemaErrors(manifest: TeamsAppManifest): Promise<string[]> {
  const schema = require(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
  );
  return ManifestUtil.validateManifestAgainstSchema(manifest, schema);
}

export interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

/** A PNG's size, colour type and inflated image data (rows still carry their filter byte). */
export function readPng(file: string): Png {
  const data = readFileSync(file);
  if (data.subarray(1, 4).toString() !== "PNG") throw new Error(`${file} is not a PNG image`);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.subarray(at + 4, at + 8).toString() === "IDAT")
      idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    colourType: data[25] ?? -1,
    pixels: inflateSync(Buffer.concat(idat)),
  };
}

/** What Teams would refuse in the icons the manifest names: both PNG, square, of its size. */
function iconProblems(folder: string, manifest: TeamsAppManifest): string[] {
  return (["color", "outline"] as const).flatMap((kind) => {
    const file = path.join(folder, manifest.icons[kind]);
    const size = ICONS[kind];
    if (!existsSync(file)) return [`the ${kind} icon ${file} is missing: add a ${size}×${size} PNG there`];
    try {
      const png = readPng(file);
      const problems =
        png.width === size && png.height === size
          ? []
          : [`the ${kind} icon ${file} is ${png.width}×${png.height}: Teams needs ${size}×${size}`];
      // Teams shows the outline icon white on its own background, so it needs transparency.
      if (kind === "outline" && png.colourType !== 6)
        problems.push(`the outline icon ${file} has no alpha channel: make it white on transparent`);
      return problems;
    } catch (e) {
      return [`the ${kind} icon ${file} cannot be read: ${(e as Error).message}`];
    }
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
// zlib.crc32 needs Node 20.15; the project supports every Node 20.
const crc32 = (data: Buffer): number =>
  (data.reduce((c, byte) => (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** A zip archive of deflated files at its root. */
export function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, "utf8");
    // Version needed, flags, deflate, time and date (1980-01-01, so the archive is reproducible).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x0800, 2);
    common.writeUInt16LE(8, 4);
    common.writeUInt16LE(0, 6);
    common.writeUInt16LE(0x21, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    common.writeUInt16LE(0, 24);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, fileName, packed]);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    common.copy(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The package written, or what is wrong: `missing` names the placeholders without a value. */
export type Packaged =
  { written: string; manifest: TeamsAppManifest } | { problems: string[]; missing: string[] };

/** Fills, checks and zips the manifest in `folder`; writes `outFile` only when nothing is wrong. */
export async function packageApp(
  folder: string,
  values: Record<string, string | undefined>,
  outFile: string,
): Promise<Packaged> {
  const template = readFileSync(path.join(folder, "manifest.json"), "utf8");
  const missing = missingValues(template, values);
  if (missing.length) return { problems: missing.map((name) => `${name} has no value`), missing };
  const text = render(template, values);
  const manifest = JSON.parse(text) as TeamsAppManifest;
  const problems = [
    ...(await schemaErrors(manifest)).map((e) => `the manifest breaks the Teams schema: ${e}`),
    ...iconProblems(folder, manifest),
  ];
  if (problems.length) return { problems, missing };
  const files = [
    { name: "manifest.json", data: Buffer.from(text) },
    ...[manifest.icons.color, manifest.icons.outline].map((name) => ({
      name,
      data: readFileSync(path.join(folder, name)),
    })),
  ];
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip(files));
  return { written: outFile, manifest };
}
