import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { buildTab } from "../scripts/lib/tab-build.js";

// What the tab costs to download: the scripts its page loads before any page is opened (goal: at
// most 120 KB gzipped), and all it may fetch later. The sizes are those of the files the service
// sends, the build's own gzip and brotli copies; a KB here is 1,000 bytes.

const GOAL_BYTES = 120_000;

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const total = (files: string[], suffix = ""): number =>
  files.reduce((sum, file) => sum + statSync(`${file}${suffix}`).size, 0);

export async function tabSizes(): Promise<void> {
  console.log("Building the tab to measure what it sends…");
  const { metafile, initial, scripts } = await buildTab();
  const gzipped = total(initial, ".gz");
  const met = gzipped <= GOAL_BYTES;
  console.log(
    `  initial JavaScript: ${kb(gzipped)} gzipped (goal: at most ${kb(GOAL_BYTES)}) — ${met ? "goal met" : "goal missed"}`,
  );
  console.log(
    `  initial JavaScript: ${kb(total(initial, ".br"))} brotli, ${kb(total(initial))} uncompressed, in ${initial.length} files`,
  );
  // Signing in inside Teams needs the Teams SDK, fetched as soon as the tab knows it is there.
  const sdk = scripts.filter(
    (file) =>
      !initial.includes(file) &&
      Object.keys(metafile.outputs[file]?.inputs ?? {}).some((input) =>
        input.includes("/@microsoft/teams-js/"),
      ),
  );
  if (sdk.length) console.log(`  then in Teams, the Teams SDK: ${kb(total(sdk, ".gz"))} gzipped`);
  console.log(
    `  all JavaScript: ${kb(total(scripts, ".gz"))} gzipped, ${kb(total(scripts, ".br"))} brotli, ${kb(total(scripts))} uncompressed`,
  );
  console.log(
    `  chunks: ${scripts.length} (the entry and ${scripts.length - 1} loaded with it or on demand)`,
  );
  if (!met) process.exitCode = 1;
}

// `node --import tsx bench/tab-size.ts` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await tabSizes();
