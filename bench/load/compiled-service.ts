import { build } from "esbuild";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";

// The service runs as deployed, compiled JavaScript under plain node: under tsx its loader thread
// and the transformed sources add some 80 MB to the resident memory being measured.

const OUT = path.resolve(".data/load-bench/service");

/** Compiles bot/src file by file (no bundling, so paths stay as they are); gives main.js's path. */
export async function compiledService(): Promise<string> {
  rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: ["bot/src/**/*.ts"],
    outdir: path.join(OUT, "bot/src"),
    outbase: "bot/src",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  // The demo people are read from beside their module at start-up, and tsc does not copy them either.
  cpSync("bot/src/seed/people", path.join(OUT, "bot/src/seed/people"), { recursive: true });
  return path.join(OUT, "bot/src/main.js");
}
