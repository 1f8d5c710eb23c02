import { parseArgs } from "node:util";
import { z } from "zod";
import { openAreas, stopOnCtrlC } from "./lib/area-command.js";
import { agendaRecords } from "../bot/src/adapters/tables/agenda-records.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../bot/src/adapters/tables/meeting-room-records.js";
import { reportFigureTables } from "../bot/src/adapters/tables/report-figure-tables.js";
import { figuresDesk } from "../bot/src/application/reports/figures-desk.js";
import { monthName } from "../bot/src/domain/reports/calendar-months.js";
import { Month } from "../bot/src/domain/reports/month-figures.js";
import { Refusal } from "../bot/src/domain/refusal.js";

// `npm run report-figures -- --area <id> | --all [--from YYYY-MM [--to YYYY-MM]]`
// Works out each panel's report figures again from the record, month by month, oldest first,
// printing each month as it is done. Without --from, the months that can still change (as the
// service's timer does). Ctrl-C stops after the month under way; a month worked out again is
// stored the same, so running it again is safe.

const USAGE = "Usage: npm run report-figures -- --area <area id> | --all [--from YYYY-MM [--to YYYY-MM]]";

const Args = z
  .strictObject({
    area: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, "--area takes an area id such as merton")
      .optional(),
    all: z.boolean().default(false),
    from: Month.optional(),
    to: Month.optional(),
  })
  .refine((a) => (a.area === undefined) === a.all, "Name one area with --area, or every area with --all.")
  .refine((a) => a.to === undefined || a.from !== undefined, "--to needs --from.")
  .refine((a) => !a.from || !a.to || a.from <= a.to, "--to comes before --from.");

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      area: { type: "string" },
      all: { type: "boolean" },
      from: { type: "string" },
      to: { type: "string" },
    },
    strict: true,
  }).values;
} catch (e) {
  fail((e as Error).message);
}
const args = Args.safeParse(parsed);
if (!args.success)
  fail(
    args.error.issues
      .map((i) =>
        i.path[0] === "from" || i.path[0] === "to" ? `--${i.path[0]} takes a month as YYYY-MM` : i.message,
      )
      .join("\n"),
  );

const { catalogue, tables } = await openAreas(args.data.area, fail);
const signal = stopOnCtrlC("month");

const figures = figuresDesk({
  catalogue,
  casework: caseworkTables(tables),
  meetings: meetingRecords(tables),
  agendas: agendaRecords(tables),
  room: meetingRoomRecords(tables),
  figures: reportFigureTables(tables),
  now: () => new Date(),
});
const { from, to } = args.data;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
try {
  const report = await figures.run({
    ...(args.data.area && { areaId: args.data.area }),
    ...(from && { from }),
    ...(to && { to }),
    signal: signal,
    onProgress: (p) =>
      console.log(
        `${p.areaId}: ${monthName(p.month)} worked out for ${plural(p.panels, "panel")} (${p.done} of ${p.of})`,
      ),
  });
  const months = report.areas.reduce((n, a) => n + a.months.length, 0);
  console.log(`\n${plural(months, "month")} worked out in ${plural(report.areas.length, "area")}.`);
  if (report.stopped) {
    console.log(
      "Stopped before the end. Run it again to finish: a month worked out again is stored the same.",
    );
    process.exit(130);
  }
} catch (e) {
  if (e instanceof Refusal) fail(e.message, 1);
  throw e;
}
