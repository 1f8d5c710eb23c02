import { build } from "esbuild";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

// The service runs as deployed, compiled JavaScript under plain node: under tsx its loader thread
// and the transformed sources add some 80 MB to the resident memory being measured.

/**
 * Compiles bot/src file by file (no bundling, so paths stay as they are) into a folder of its own
 * under .data, where node_modules still resolves; gives main.js's path and a way to remove it.
 */
export async function compiledService(): Promise<{ main: string; remove(): void }> {
  mkdirSync(".data", { recursive: true });
  const out = mkdtempSync(path.resolve(".data/load-bench-"));
  const remove = () => rmSync(out, { recursive: true, force: true });
  try {
    await build({
      entryPoints: ["bot/src/**/*.ts"],
      outdir: path.join(out, "bot/src"),
      outbase: "bot/src",
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "warning",
    });
    // The demo people are read from beside their module at start-up; tsc does not copy them either.
    cpSync("bot/src/seed/people", path.join(out, "bot/src/seed/people"), { recursive: true });
  } catch (e) {
    remove();
    throw e;
  }
  return { main: path.join(out, "bot/src/main.js"), remove };
}
