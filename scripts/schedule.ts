import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { meetingsCalendar, seriesCalendar } from "../bot/src/adapters/calendar/ics.js";
import { calendarSeries } from "../bot/src/application/scheduling/calendar-file.js";
import { loadCatalogue } from "../bot/src/adapters/config-files/catalogue-files.js";
import { CatalogueError } from "../bot/src/domain/catalogue/catalogue.js";
import { describeOccurrence } from "../bot/src/domain/schedule/describe.js";
import { occurrencesBetween } from "../bot/src/domain/schedule/occurrences.js";
import { seriesFor } from "../bot/src/domain/schedule/series.js";
import { calendarAccess } from "../bot/src/adapters/graph/calendar-access.js";
import { teamsChats } from "../bot/src/adapters/graph/graph-chats.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { ensureTables, tableFactory } from "../bot/src/adapters/tables/storage.js";
import { meetingScheduler } from "../bot/src/application/scheduling/meeting-scheduler.js";
import { Refusal } from "../bot/src/domain/refusal.js";
import { CalendarProblem } from "../bot/src/application/ports/teams-calendar.js";
import { loadSettings, SettingsError } from "../bot/src/settings.js";
import { userInfo } from "node:os";

// `npm run schedule -- --panel <id> --from <date> --to <date> [--dry-run] [--ics <file>] [--json]`
// Lists a panel's meetings (UK time, bank holidays applied), writes them as iCalendar, and with
// application permission to the organiser mailbox puts them in Teams.

const USAGE =
  "Usage: npm run schedule -- --panel <panel id> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--dry-run] [--ics <file>] [--json]";

const Args = z.strictObject({
  panel: z
    .string({ error: "--panel is required" })
    .regex(/^[a-z0-9-]{1,80}$/, "--panel takes a panel id such as merton-pre-mace"),
  from: z.iso.date("--from takes a date as YYYY-MM-DD"),
  to: z.iso.date("--to takes a date as YYYY-MM-DD"),
  "dry-run": z.boolean().default(false),
  ics: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      panel: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "dry-run": { type: "boolean" },
      ics: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
  }).values;
} catch (e) {
  fail((e as Error).message);
}
const args = Args.safeParse(parsed);
if (!args.success) fail(args.error.issues.map((i) => i.message).join("\n"));
const { panel: panelId, from, to, ics, json } = args.data;
if (from > to) fail("--from must be on or before --to.");

let catalogue;
try {
  catalogue = loadCatalogue(process.env["CATALOGUE_DIR"] ?? "bot/config/areas");
} catch (e) {
  fail(e instanceof CatalogueError ? e.message : String(e));
}
const panel = catalogue.panels.get(panelId);
if (!panel) fail(`There is no panel "${panelId}". Panels: ${[...catalogue.panels.keys()].join(", ")}.`);

const meetings = occurrencesBetween(catalogue, panel.id, from, to);
if (json) {
  console.log(
    JSON.stringify(
      meetings.map(({ date, start, end }) => ({ date, start, end })),
      null,
      2,
    ),
  );
} else {
  console.log(`${panel.name} (${panel.id}): ${meetings.length} meetings from ${from} to ${to}, UK time`);
  for (const m of meetings) console.log(`  ${describeOccurrence(m)}`);
}

if (ics) {
  const title = `${catalogue.areas.find((a) => a.id === panel.areaId)?.name ?? ""} ${panel.name}`.trim();
  const plan = seriesFor(catalogue, panel, from, to);
  const text = plan
    ? seriesCalendar(calendarSeries(plan, []), { title, description: panel.name })
    : meetingsCalendar(
        title,
        meetings.map((m) => ({
          ...m,
          uid: `${panel.id}-${m.date}@mace-panels`,
          summary: title,
          description: panel.name,
        })),
      );
  writeFileSync(ics, text);
  if (!json)
    console.log(
      `Wrote ${path.resolve(ics)} (${plan ? "one recurring series" : `${meetings.length} meetings`}).`,
    );
}

if (!args.data["dry-run"]) await scheduleInTeams();

/**
 * From a terminal there is no signed-in coordinator, so Teams meetings are created only with the
 * app's own permission (GRAPH_AUTH=application) in the organiser mailbox, by the same scheduler the
 * tab uses. Otherwise coordinators schedule from the tab.
 */
async function scheduleInTeams(): Promise<void> {
  if (process.env["GRAPH_AUTH"] !== "application") {
    if (!json) {
      console.log(
        "No Teams meetings were created: from a terminal that needs GRAPH_AUTH=application (see the README). Coordinators schedule from the tab's Meetings page, or import the --ics file into the organiser's calendar.",
      );
    }
    return;
  }
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (e) {
    console.error(e instanceof SettingsError ? e.message : String(e));
    process.exit(1);
  }
  const tables = tableFactory(settings.storage);
  await ensureTables(tables);
  const scheduler = meetingScheduler({
    catalogue: catalogue!,
    directory: directoryTables(tables),
    meetings: meetingRecords(tables),
    chats: teamsChats(settings, undefined),
    log: console,
    now: () => new Date(),
  });
  const calendar = calendarAccess(settings, undefined)?.({ id: "", name: "", token: "" });
  if (!calendar) return;
  console.error(
    `Putting the meetings in ${calendar.organiser.name}'s Teams calendar through Microsoft Graph…`,
  );
  try {
    const result = await scheduler.schedule(
      { id: "terminal", name: `npm run schedule (${userInfo().username})` },
      panelId,
      { from, to },
      calendar,
    );
    const inTeams = result.meetings.filter((m) => m.joinUrl).length;
    console.error(
      result.outcome === "unchanged"
        ? "The meetings were already in Teams; nothing needed to change."
        : `${result.outcome === "created" ? "Created" : "Updated"} the series: ${inTeams} meetings in Teams with join links.`,
    );
  } catch (e) {
    if (e instanceof CalendarProblem || e instanceof Refusal) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
