import { loadCatalogue } from "../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { referralDraftTables } from "../bot/src/adapters/tables/referral-draft-tables.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { repositories, seedCatalogue } from "../bot/src/adapters/tables/repositories.js";
import { peopleDesk } from "../bot/src/application/people/people-desk.js";
import { seedDemoPeople } from "../bot/src/seed/seed-people.js";
import { ensureTables, tableFactory } from "../bot/src/adapters/tables/storage.js";
import { referralDesk, type ReferralDesk } from "../bot/src/application/referrals/referral-desk.js";
import { DEMO_ADMINISTRATORS } from "../bot/src/seed/demo-people.js";
import { azuriteConnectionString, freePort, startAzurite, waitForHttp } from "../scripts/lib/processes.js";
import { roundTripCounter } from "../scripts/lib/round-trips.js";
import { agendaRecords } from "../bot/src/adapters/tables/agenda-records.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { agendaDesk } from "../bot/src/application/agenda/agenda-desk.js";
import type { Meeting } from "../bot/src/domain/schedule/meeting.js";
import { accessDecisionCost } from "./access-cost.js";
import { demoActor } from "./bench-support.js";
import { submitCost } from "./submit-cost.js";
import { historyCosts } from "./history-costs.js";
import { recordCosts } from "./record-costs.js";
import { reportCosts } from "./report-costs.js";
import { loadRun } from "./load.js";
import { tabSizes } from "./tab-size.js";

// `npm run bench`: storage round trips per operation (counts), and server time as a ratio to one
// raw Azurite round trip measured side by side in the same run, so the machine's speed cancels out.

let CONNECTION = "";
const RUNS = Number(process.env["BENCH_RUNS"] ?? 200);
// BENCH_ONLY=submit,access,agenda,history,record,reports,tab,load runs only those parts.
const ONLY = new Set((process.env["BENCH_ONLY"] ?? "").split(",").filter(Boolean));
const part = (name: string): boolean => ONLY.size === 0 || ONLY.has(name);
async function main(): Promise<void> {
  console.log(`Starting Azurite (in memory) for the benchmarks, ${RUNS} runs each…`);
  const port = await freePort();
  const azurite = startAzurite(port, "memory");
  CONNECTION = azuriteConnectionString(port);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, azurite);
    const trips = roundTripCounter();
    const tables = tableFactory(
      { kind: "connection-string", connectionString: azuriteConnectionString(port) },
      trips.options,
    );
    await ensureTables(tables);
    const catalogue = loadCatalogue("bot/config/areas");
    const repos = repositories(tables);
    await seedCatalogue(repos, catalogue);
    await seedDemoPeople(
      peopleDesk({
        catalogue,
        directory: directoryTables(tables),
        casework: caseworkTables(tables),
        now: () => new Date(),
        administrators: DEMO_ADMINISTRATORS,
      }),
      DEMO_ADMINISTRATORS,
    );
    const desk = referralDesk({
      catalogue,
      casework: caseworkTables(tables),
      directory: directoryTables(tables),
      drafts: referralDraftTables(tables),
      now: () => new Date(),
      onNotices: () => undefined,
    });
    const scans: string[] = [];
    if (part("submit")) await submitCost(repos, tables, desk, trips, scans, RUNS);
    if (part("access")) await accessDecisionCost(catalogue, CONNECTION, demoActor("Hannah Reyes").id, RUNS);
    if (part("agenda")) await agendaPageCost(catalogue, tables, desk);
    if (part("history")) await historyCosts(CONNECTION, scans);
    if (part("record")) await recordCosts(CONNECTION, scans);
    if (part("reports")) await reportCosts(CONNECTION, scans);
    console.log(
      `\nNo query that scans: every request of the operations above checked — ${scans.length} scans (goal: none) — ${scans.length ? "goal missed" : "goal met"}`,
    );
    for (const scan of scans.slice(0, 10)) console.log(`  ${scan}`);
    if (scans.length) process.exitCode = 1;
    if (part("tab")) await tabSizes();
    if (part("load")) await loadRun();
  } finally {
    await azurite.stop();
  }
}

/**
 * A meeting page (its agenda) must cost the same number of storage round trips whether the panel
 * has held 5 meetings or 5,000: it reads the meeting, its agenda partition and the panel's cases,
 * never the panel's other meetings.
 */
async function agendaPageCost(
  catalogue: ReturnType<typeof loadCatalogue>,
  tables: ReturnType<typeof tableFactory>,
  desk: ReferralDesk,
): Promise<void> {
  const trips = roundTripCounter();
  const counted = tableFactory({ kind: "connection-string", connectionString: CONNECTION }, trips.options);
  const meetings = meetingRecords(tables);
  const agendas = agendaDesk({
    catalogue,
    directory: directoryTables(counted),
    casework: caseworkTables(counted),
    meetings: meetingRecords(counted),
    agendas: agendaRecords(counted),
    now: () => new Date(),
  });
  const priya = demoActor("Priya Okafor");
  // Accept five of the benchmark's referrals so that the agenda has cases, with names to audit.
  const { referrals: waiting } = await desk.list(priya, "merton-pre-mace", "bench", { pageSize: 5 }, ["new"]);
  for (const r of waiting) {
    const current = await desk.view(priya, "merton-pre-mace", r.value.id, "bench");
    await desk.triage(
      priya,
      "merton-pre-mace",
      r.value.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      current.etag,
      "bench",
    );
  }
  const meetingId = waiting[0]?.value.meetingDate ?? "";
  const row = (date: string): Meeting => ({
    panelId: "merton-pre-mace",
    id: date,
    date,
    start: `${date}T09:30:00+00:00`,
    end: `${date}T13:30:00+00:00`,
    status: "scheduled",
    joinUrl: null,
    occurrenceId: null,
    note: null,
    setBy: "rule",
  });
  const pastDates = (count: number, offset: number) =>
    Array.from({ length: count }, (_, n) => {
      const d = new Date(Date.UTC(1900, 0, 1 + (offset + n) * 7));
      return d.toISOString().slice(0, 10);
    });
  const measure = async (): Promise<number> => {
    const before = trips.count();
    await agendas.view(priya, "coordinator", "merton-pre-mace", meetingId, "bench");
    return trips.count() - before;
  };
  await meetings.saveAll(
    [row(meetingId), ...pastDates(4, 0).map(row)].map((value) => ({ value, etag: undefined })),
    "bench",
  );
  const withFive = await measure();
  console.log("\nMeeting page (the agenda of a Merton pre-MACE with 5 cases)");
  console.log("  storing 4,995 more past meetings in the panel's partition…");
  await meetings.saveAll(
    pastDates(4995, 4).map((value) => ({ value: row(value), etag: undefined })),
    "bench",
  );
  const withFiveThousand = await measure();
  console.log(
    `  storage round trips with 5 meetings: ${withFive}; with 5,000: ${withFiveThousand} (goal: the same)`,
  );
  if (withFive !== withFiveThousand) process.exitCode = 1;
}

await main();
