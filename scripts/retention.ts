import { parseArgs } from "node:util";
import { z } from "zod";
import { openAreas, stopOnCtrlC } from "./lib/area-command.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { documentRecords } from "../bot/src/adapters/tables/document-records.js";
import { blobContainer, blobDocuments } from "../bot/src/adapters/blob/blob-documents.js";
import {
  runRetention,
  type AreaRetention,
  type RetentionProgress,
} from "../bot/src/application/retention/retention-run.js";
import { Refusal } from "../bot/src/domain/refusal.js";

// `npm run retention -- --area <id> | --all [--dry-run]`
// Deletes or anonymises the records of closed cases past their area's retention period, as each
// area file sets it, subject by subject, printing progress (references only). Ctrl-C stops after
// the subject under way; running it again finishes. --dry-run lists what would go and why.

const USAGE = "Usage: npm run retention -- --area <area id> | --all [--dry-run]";

const Args = z
  .strictObject({
    area: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, "--area takes an area id such as merton")
      .optional(),
    all: z.boolean().default(false),
    "dry-run": z.boolean().default(false),
  })
  .refine((a) => (a.area === undefined) === a.all, "Name one area with --area, or every area with --all.");

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    options: { area: { type: "string" }, all: { type: "boolean" }, "dry-run": { type: "boolean" } },
    strict: true,
  }).values;
} catch (e) {
  fail((e as Error).message);
}
const args = Args.safeParse(parsed);
if (!args.success) fail(args.error.issues.map((i) => i.message).join("\n"));
const dryRun = args.data["dry-run"];

const { catalogue, tables, settings } = await openAreas(args.data.area, fail);
const signal = stopOnCtrlC("subject");

const now = new Date();
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const outcome = (p: Extract<RetentionProgress, { step: "record" }>) =>
  p.outcome === "changed" ? "changed while the run read it: left for the next run" : p.outcome;

try {
  const report = await runRetention(
    {
      catalogue,
      casework: caseworkTables(tables),
      documents: documentRecords(tables),
      files: blobDocuments(blobContainer(settings), settings.documents.scan),
      now: () => now,
    },
    {
      ...(args.data.area && { areaId: args.data.area }),
      dryRun,
      actorId: "retention",
      via: "npm run retention",
      signal: signal,
      onProgress(p) {
        if (dryRun) return;
        if (p.step === "looked") console.log(`${p.areaId}: ${plural(p.due, "record")} past the period`);
        else console.log(`  ${p.done}/${p.of} ${p.reference} ${outcome(p)}`);
      },
    },
  );
  console.log(`\nToday is ${report.today}.${dryRun ? " Dry run: nothing was changed." : ""}`);
  for (const area of report.areas) printArea(area);
  if (report.stopped) {
    console.log("\nStopped before the end. Run it again to finish: what is done is not done twice.");
    process.exit(130);
  }
} catch (e) {
  if (e instanceof Refusal) fail(e.message, 1);
  throw e;
}

function printArea(area: AreaRetention): void {
  const gone = area.then === "delete" ? "deleted" : "anonymised";
  if (!area.closedUpTo) {
    console.log(`${area.areaId}: ${area.policy}; nothing is due.`);
    return;
  }
  const counted = dryRun
    ? `${plural(area.due.length, "record")} would be ${gone}`
    : `${area.done.length} ${gone}${area.changed.length ? `, ${area.changed.length} left for the next run` : ""}`;
  console.log(`${area.areaId}: ${area.policy}; cases closed by ${area.closedUpTo} are due: ${counted}.`);
  if (dryRun)
    for (const r of area.due) console.log(`  ${r.reference}: ${r.why}; holds ${r.references.join(", ")}`);
  for (const k of area.kept) console.log(`  ${k.reference} kept: ${k.why}`);
}
