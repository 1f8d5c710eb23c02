import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../bot/src/adapters/config-files/catalogue-files.js";
import { areaRecords } from "../bot/src/adapters/tables/area-records.js";
import { repositories, seedCatalogue, seedPeople } from "../bot/src/adapters/tables/repositories.js";
import { ensureTables, tableFactory } from "../bot/src/adapters/tables/storage.js";
import { ReferralDesk } from "../bot/src/application/referral-desk.js";
import { DEMO_MEMBERSHIPS, DEMO_PEOPLE } from "../bot/src/seed/demo-people.js";
import { azuriteConnectionString, freePort, startAzurite, waitForHttp } from "../scripts/lib/processes.js";
import { roundTripCounter } from "../scripts/lib/round-trips.js";

// `npm run bench`: storage round trips per operation (counts), and server time as a ratio to one
// raw Azurite round trip measured side by side in the same run, so the machine's speed cancels out.

const RUNS = Number(process.env["BENCH_RUNS"] ?? 200);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  console.log(`Starting Azurite (in memory) for the benchmarks, ${RUNS} runs each…`);
  const port = await freePort();
  const azurite = startAzurite(port, "memory");
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
    const records = areaRecords(tables);
    await seedCatalogue(repos, catalogue);
    await seedPeople(repos, DEMO_PEOPLE, DEMO_MEMBERSHIPS);
    const desk = new ReferralDesk({
      catalogue,
      repos,
      records,
      now: () => new Date(),
      onNotices: () => undefined,
    });
    const grace = { id: "00000000-0000-4000-8000-000000000103", name: "Grace Mensah" };
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
  } finally {
    await azurite.stop();
  }
}

await main();
