import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { packageApp } from "./lib/app-package.js";

// `npm run manifest [-- --env <name>] [--out <file>]`: the Teams app package for one Teams Toolkit
// environment. Its values come from env/.env.<name> and env/.env.<name>.user, as teamsapp.yml's do;
// a variable set in the environment wins, so a pipeline can supply them.

const USAGE = "Usage: npm run manifest -- [--env <name, default dev>] [--out <zip file>]";

function fail(lines: string[]): never {
  console.error(lines.join("\n"));
  process.exit(1);
}

function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}

let args: { env: string; out?: string | undefined };
try {
  args = parseArgs({
    options: { env: { type: "string", default: "dev" }, out: { type: "string" } },
    strict: true,
  }).values as typeof args;
} catch (e) {
  fail([(e as Error).message, USAGE]);
}

const envFile = path.join("env", `.env.${args.env}`);
if (!existsSync(envFile))
  fail([`There is no ${envFile}: each Teams Toolkit environment has its file in env/.`, USAGE]);
const fromEnvironment = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value));
const values = { ...readEnvFile(envFile), ...readEnvFile(`${envFile}.user`), ...fromEnvironment };
const outFile = args.out ?? path.join("appPackage", "build", `appPackage.${args.env}.zip`);

const result = await packageApp("manifest", values, outFile);
if ("problems" in result) {
  fail([
    "The app package was not written:",
    ...result.problems.map((p) => `  - ${p}`),
    ...(result.missing.length
      ? [
          `Fill the missing values in ${envFile} (\`teamsapp provision --env ${args.env}\` writes them), or set them in the environment.`,
        ]
      : ["Fix manifest/manifest.json or the icons in manifest/, then run npm run manifest again."]),
  ]);
}
const { manifest } = result;
console.log(
  `Wrote ${result.written}: manifest.json (${manifest.name.short} ${manifest.version}, app id ${manifest.id}, ` +
    `manifest ${manifest.manifestVersion}, valid against the Teams schema), ${manifest.icons.color} and ${manifest.icons.outline}.\n` +
    "Upload it in Teams (Apps, Manage your apps, Upload an app) or with teamsapp.",
);
