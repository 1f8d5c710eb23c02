import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { repositories, seedCatalogue } from "../bot/src/adapters/tables/repositories.js";
import { peopleDesk } from "../bot/src/application/people/people-desk.js";
import { seedDemoPeople } from "../bot/src/seed/seed-people.js";
import { ensureTables, tableFactory } from "../bot/src/adapters/tables/storage.js";
import { referralDesk, type ReferralDesk } from "../bot/src/application/referrals/referral-desk.js";
import { DEMO_ADMINISTRATORS, DEMO_PEOPLE } from "../bot/src/seed/demo-people.js";
import { azuriteConnectionString, freePort, startAzurite, waitForHttp } from "../scripts/lib/processes.js";
import { roundTripCounter } from "../scripts/lib/round-trips.js";
import { agendaRecords } from "../bot/src/adapters/tables/agenda-records.js";
import { meetingRecords } from "../bot/src/adapters/tables/meeting-records.js";
import { agendaDesk } from "../bot/src/application/agenda/agenda-desk.js";
import type { Meeting } from "../bot/src/domain/schedule/meeting.js";
import pino from "pino";
import { actionLog } from "../bot/src/application/actions/action-log.js";
import { ReminderSweep, type ReminderMessenger } from "../bot/src/application/reminders/reminder-sweep.js";
import { reminderDeliveries } from "../bot/src/adapters/tables/reminder-deliveries.js";
import { actionRow } from "../bot/src/adapters/tables/area-records.js";
import { TABLES } from "../bot/src/adapters/tables/storage.js";
import { accessDecisionCost } from "./access-cost.js";

// `npm run bench`: storage round trips per operation (counts), and server time as a ratio to one
// raw Azurite round trip measured side by side in the same run, so the machine's speed cancels out.

let CONNECTION = "";
const RUNS = Number(process.env["BENCH_RUNS"] ?? 200);
/** An invented demo person, as the actor of a benchmarked step. */
function demoActor(name: string): { id: string; name: string } {
  const person = DEMO_PEOPLE.find((p) => p.displayName === name);
  if (!person) throw new Error(`${name} is not among the demo people`);
  return { id: person.id, name };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

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
      now: () => new Date(),
      onNotices: () => undefined,
    });
    const grace = demoActor("Grace Mensah");
    const values = (i: number) => ({
      subjectName: `Bench Subject ${i}`,
      dateOfBirth: "2011-04-09",
      gender: "female",
      ethnicity: "not-known",
      language: "English",
      address: `${i} Benchmark Road`,
      postcode: "SM4 5ZZ",
      safeguardingStatus: "child-protection",
      consent: "yes",
      strategyMeetingDate: "2026-01-12",
      "screening.missing": 12,
      request: "Disruption.",
      howSafer: "Less contact.",
      riskLevel: "moderate",
    });

    // Interleaved, so that both measures see the same machine load.
    const raw: number[] = [];
    const submit: number[] = [];
    const perSubmit: number[] = [];
    const panels = repos.panels.client;
    for (let i = 0; i < RUNS; i++) {
      let t = process.hrtime.bigint();
      await panels.getEntity("merton", "merton-pre-mace");
      raw.push(Number(process.hrtime.bigint() - t));

      const before = trips.count();
      t = process.hrtime.bigint();
      const result = await desk.submit(grace, "merton-pre-mace", "individual", randomUUID(), values(i));
      submit.push(Number(process.hrtime.bigint() - t));
      perSubmit.push(trips.count() - before);
      if (!result.ok) throw new Error(`benchmark referral refused: ${JSON.stringify(result.problems)}`);
      if ((i + 1) % 50 === 0) console.log(`  ${i + 1}/${RUNS}`);
    }

    const ratio = median(submit) / median(raw);
    console.log("\nReferral submit (Merton individual referral, through the referral desk)");
    console.log(
      `  storage round trips per submit: ${Math.max(...perSubmit)} at most, ${Math.min(...perSubmit)} at least (goal: at most 3)`,
    );
    console.log(`  server time: ${ratio.toFixed(1)} × one raw Azurite round trip (medians of ${RUNS})`);
    if (Math.max(...perSubmit) > 3) process.exitCode = 1;

    await accessDecisionCost(catalogue, CONNECTION, demoActor("Hannah Reyes").id, RUNS);
    await agendaPageCost(catalogue, tables, desk);
    await reminderSweepCost(catalogue, tables);
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

/**
 * A reminder sweep over 10 due actions must cost the same whether 100 or 100,000 actions have
 * already been closed: it reads only the due-date index for the days in its window.
 */
async function reminderSweepCost(
  catalogue: ReturnType<typeof loadCatalogue>,
  tables: ReturnType<typeof tableFactory>,
): Promise<void> {
  const trips = roundTripCounter();
  const counted = tableFactory({ kind: "connection-string", connectionString: CONNECTION }, trips.options);
  let now = new Date("2027-01-07T14:00:00Z");
  const actions = actionLog({
    catalogue,
    directory: directoryTables(tables),
    casework: caseworkTables(tables),
    deliveries: reminderDeliveries(tables),
    now: () => now,
  });
  // Teams cannot be reached here: the sweep's storage work is what is counted.
  const messenger: ReminderMessenger = {
    reaches: (place) => Promise.resolve(place.scope === "personal"),
    send: () => Promise.resolve({ activityId: randomUUID(), conversationKey: "bench" }),
  };
  const sweep = new ReminderSweep({
    catalogue,
    directory: directoryTables(counted),
    casework: caseworkTables(counted),
    deliveries: reminderDeliveries(counted),
    messenger,
    log: pino({ level: "silent" }),
    now: () => now,
    options: { instance: "bench", leaseMs: 90_000, lookbackDays: 5, fromHour: 9, retryBaseMs: 60_000 },
  });
  const priya = demoActor("Priya Okafor");
  const recordTen = async (meeting: string) => {
    now = new Date(`${meeting}T14:00:00Z`);
    for (let i = 0; i < 10; i++) {
      await actions.create(
        priya,
        "merton-pre-mace",
        meeting,
        {
          subjectId: null,
          title: `Bench action ${i}`,
          text: "Benchmark.",
          ownerId: demoActor("Hannah Reyes").id,
          dueDate: null,
        },
        "bench",
      );
    }
  };
  const measure = async (): Promise<{ trips: number; sent: number }> => {
    const before = trips.count();
    const report = await sweep.sweep();
    return { trips: trips.count() - before, sent: report.sent };
  };
  const addClosed = async (count: number, offset: number) => {
    const client = tables(TABLES.areaRecords);
    const due = tables(TABLES.actionsDue);
    for (let i = 0; i < count; i += 100) {
      const batch = Array.from({ length: Math.min(100, count - i) }, (_, n) => {
        const id = randomUUID();
        // A hundred a day, on the days of the two years before.
        const day = new Date(Date.UTC(2025, 0, 1 + (Math.floor((offset + i) / 100) % 700)))
          .toISOString()
          .slice(0, 10);
        return { id, day, number: offset + i + n };
      });
      await client.submitTransaction(
        batch.map((b) => [
          "create",
          {
            partitionKey: "merton",
            rowKey: actionRow("merton-pre-mace", b.id),
            status: "done",
            dueDate: b.day,
            reference: `MER-A-2025-${String(b.number).padStart(6, "0")}`,
          },
        ]),
      );
      // Each closed action's reminders stay in the index under their own (past) dates.
      const byDay = new Map<string, typeof batch>();
      for (const b of batch) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
      for (const [day, rows] of byDay) {
        await due.submitTransaction(
          rows.map((b) => [
            "create",
            {
              partitionKey: day,
              rowKey: `reminder|merton|merton-pre-mace|${b.id}`,
              on: day,
              kind: "reminder",
              areaId: "merton",
              panelId: "merton-pre-mace",
              actionId: b.id,
            },
          ]),
        );
      }
      if ((i + 100) % 10_000 === 0) console.log(`  ${i + 100}/${count} closed actions stored`);
    }
  };

  console.log("\nReminder sweep (10 new actions due their first message, Merton pre-MACE)");
  await addClosed(100, 0);
  await recordTen("2027-01-07");
  const withHundred = await measure();
  console.log("  storing 99,900 more closed actions, with their past reminders in the index…");
  await addClosed(99_900, 100);
  await recordTen("2027-02-04");
  const withHundredThousand = await measure();
  console.log(
    `  storage round trips with 100 closed actions: ${withHundred.trips} (${withHundred.sent} sent); with 100,000: ${withHundredThousand.trips} (${withHundredThousand.sent} sent) (goal: the same)`,
  );
  if (
    withHundred.trips !== withHundredThousand.trips ||
    withHundred.sent !== 10 ||
    withHundredThousand.sent !== 10
  )
    process.exitCode = 1;
}

await main();
