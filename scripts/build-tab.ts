import { analyzeMetafile } from "esbuild";
import { buildTab, TAB_DIST } from "./lib/tab-build.js";

// `npm run build:tab`; with `--analyse`, also lists what the initial scripts are made of.
const started = Date.now();
const { metafile, initial } = await buildTab();
if (process.argv.includes("--analyse")) {
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs).filter(([file]) => initial.includes(file)),
  );
  console.log(await analyzeMetafile({ ...metafile, outputs }));
}
console.log(`Tab built in ${Date.now() - started} ms → ${TAB_DIST}`);
