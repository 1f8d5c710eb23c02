import { build, type Metafile } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { fluentPerPackage } from "./fluent-per-package.js";

// Bundles the tab (React + Fluent UI) into tab/dist, which the service serves at /tab: an entry
// with what signing in needs and a chunk per page, every file named by its content's hash so
// browsers can keep it for good, and each written beside its brotli and gzip forms so the
// service compresses nothing per request.

export const TAB_DIST = "tab/dist";
const TEMPLATE = "tab/index.html";

export interface TabBuild {
  metafile: Metafile;
  /** The entry script and the chunks it imports statically: what loads before any page opens. */
  initial: string[];
  /** Every script: the entry and all its chunks. */
  scripts: string[];
}

export async function buildTab(): Promise<TabBuild> {
  // Old hashed files would otherwise pile up with every change.
  rmSync(TAB_DIST, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: [
      { in: "tab/src/main.tsx", out: "app" },
      { in: "tab/src/app.css", out: "app" },
    ],
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    sourcemap: true,
    target: ["es2022"],
    outdir: TAB_DIST,
    entryNames: "[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    metafile: true,
    plugins: [fluentPerPackage()],
  });
  const outputs = Object.entries(metafile.outputs);
  const entryOf = (source: string) => {
    const found = outputs.find(([, o]) => o.entryPoint === source)?.[0];
    if (!found) throw new Error(`esbuild wrote no output for ${source}`);
    return found;
  };
  const script = entryOf("tab/src/main.tsx");
  const initial = staticImports(metafile, script);
  writeIndex(
    path.posix.relative(TAB_DIST, script),
    path.posix.relative(TAB_DIST, entryOf("tab/src/app.css")),
    initial.slice(1).map((file) => path.posix.relative(TAB_DIST, file)),
  );
  const assets = outputs.map(([file]) => file).filter((file) => /\.(js|css)$/.test(file));
  await Promise.all(assets.map(precompress));
  return { metafile, initial, scripts: assets.filter((file) => file.endsWith(".js")) };
}

/** `entry` and every chunk it imports statically, directly or through another chunk. */
function staticImports(metafile: Metafile, entry: string): string[] {
  const found = [entry];
  for (let i = 0; i < found.length; i++) {
    for (const imported of metafile.outputs[found[i] ?? ""]?.imports ?? []) {
      if (imported.kind === "import-statement" && !found.includes(imported.path)) found.push(imported.path);
    }
  }
  return found;
}

/** The page, pointing at this build's files; chunks the entry needs are fetched alongside it. */
function writeIndex(script: string, css: string, preloads: string[]): void {
  const template = readFileSync(TEMPLATE, "utf8");
  const placeholders = [
    '<link rel="stylesheet" href="./app.css" />',
    '<script type="module" src="./app.js">',
  ];
  for (const placeholder of placeholders) {
    if (!template.includes(placeholder)) throw new Error(`${TEMPLATE} no longer has ${placeholder}`);
  }
  const preloadLinks = preloads.map((file) => `\n    <link rel="modulepreload" href="./${file}" />`).join("");
  const html = template
    .replace(placeholders[0] ?? "", `<link rel="stylesheet" href="./${css}" />${preloadLinks}`)
    .replace(placeholders[1] ?? "", `<script type="module" src="./${script}">`);
  writeFileSync(path.join(TAB_DIST, "index.html"), html);
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function precompress(file: string): Promise<void> {
  const content = readFileSync(file);
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
}
