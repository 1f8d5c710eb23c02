import { build } from "esbuild";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fluentPerPackage } from "./lib/fluent-per-package.js";

// Bundles the tab (React + Fluent UI) into tab/dist, which the service serves at /tab: an entry
// with what signing in needs, and a chunk for each page, fetched when it is first opened.
const started = Date.now();
mkdirSync("tab/dist", { recursive: true });
await build({
  entryPoints: { app: "tab/src/main.tsx" },
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  sourcemap: true,
  target: ["es2022"],
  outdir: "tab/dist",
  chunkNames: "chunks/[name]-[hash]",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
  plugins: [fluentPerPackage()],
});
copyFileSync("tab/index.html", "tab/dist/index.html");
writeFileSync(
  "tab/dist/app.css",
  "body{margin:0;font-family:'Segoe UI',system-ui,sans-serif}\n@media print{button{display:none}}\n",
);
console.log(`Tab built in ${Date.now() - started} ms → tab/dist`);
