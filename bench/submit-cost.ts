import { randomUUID } from "node:crypto";
import type { repositories } from "../bot/src/adapters/tables/repositories.js";
import { TABLES, type TableFactory } from "../bot/src/adapters/tables/storage.js";
import type { ReferralDesk } from "../bot/src/application/referrals/referral-desk.js";
import { scanIn, type RoundTrips } from "../scripts/lib/round-trips.js";
import { benchValues, demoActor, median } from "./bench-support.js";

const GOAL = 3;

/**
 * Referral submits interleaved with raw round trips, so that both see the same machine load. Beside
 * them, floors: the least a submit could wait for on this store, one point read (who is sending it)
 * and then one transaction of small rows with no work between, for three sizes of transaction: one
 * row; the three goal 1 keeps together (the referral, its audit entry, its notice); as many rows as
 * the submit writes.
 */
export async function submitCost(
  repos: ReturnType<typeof repositories>,
  tables: TableFactory,
  desk: ReferralDesk,
  trips: RoundTrips,
  scans: string[],
  runs: number,
): Promise<void> {
  const grace = demoActor("Grace Mensah");
  const raw: number[] = [];
  const floors = { one: [] as number[], least: [] as number[], same: [] as number[] };
  const written: number[] = [];
  const submit: number[] = [];
  const perSubmit: number[] = [];
  const sequential: number[] = [];
  const waiting: number[] = [];
  const byKind = new Map<string, number[]>();
  const panels = repos.panels.client;
  const records = tables(TABLES.areaRecords);
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    await panels.getEntity("merton", "merton-pre-mace");
    raw.push(Number(process.hrtime.bigint() - t));

    const before = { count: trips.count(), sequential: trips.sequential(), busy: trips.busyMs() };
    t = process.hrtime.bigint();
    const result = await desk.submit(grace, "merton-pre-mace", "individual", randomUUID(), benchValues(i));
    submit.push(Number(process.hrtime.bigint() - t));
    perSubmit.push(trips.count() - before.count);
    sequential.push(trips.sequential() - before.sequential);
    waiting.push((trips.busyMs() - before.busy) * 1e6);
    written.push(
      trips
        .requests()
        .slice(before.count)
        .reduce((n, r) => n + r.rows, 0),
    );
    for (const r of trips.requests().slice(before.count)) {
      byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.ms * 1e6]);
      const scan = scanIn(r);
      if (scan) scans.push(`referral submit: ${scan}`);
    }
    for (const [floor, rows] of [
      [floors.one, 1],
      [floors.least, 3],
      [floors.same, written.at(-1) ?? 1],
    ] as const) {
      t = process.hrtime.bigint();
      await panels.getEntity("merton", "merton-pre-mace");
      await records.submitTransaction(
        Array.from(
          { length: rows },
          () => ["create", { partitionKey: "bench-floor", rowKey: randomUUID() }] as const,
        ),
      );
      floor.push(Number(process.hrtime.bigint() - t));
    }
    if (!result.ok) throw new Error(`benchmark referral refused: ${JSON.stringify(result.problems)}`);
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1}/${runs}`);
  }

  const ratio = median(submit) / median(raw);
  const floorOf = (xs: number[]) => median(xs) / median(raw);
  const storageShare = median(waiting) / median(submit);
  const mostSequential = Math.max(...sequential);
  console.log("\nReferral submit (Merton individual referral, through the referral desk)");
  console.log(
    `  storage round trips one after another: ${mostSequential} at most (goal: at most 3) — ${mostSequential <= 3 ? "goal met" : "goal missed"}; requests: ${Math.max(...perSubmit)} (reads sent together)`,
  );
  console.log(
    `  server time: ${ratio.toFixed(1)} × one raw Azurite round trip (medians of ${runs}; goal: at most ${GOAL}×) — ${ratio <= GOAL ? "goal met" : "goal missed"}`,
  );
  console.log(
    `  where it goes: waiting for storage ${(median(waiting) / median(raw)).toFixed(1)} × a raw round trip (${(storageShare * 100).toFixed(0)}%), the service's own work ${((median(submit) - median(waiting)) / median(raw)).toFixed(1)} ×`,
  );
  console.log(
    `  each request, median: ${[...byKind].map(([kind, ns]) => `${kind} ${(median(ns) / median(raw)).toFixed(1)} ×`).join(", ")} (a raw round trip is a point read of one small row)`,
  );
  console.log(
    `  floors, one point read then one transaction and no work: of 1 row ${floorOf(floors.one).toFixed(1)} ×; of the 3 rows goal 1 keeps together ${floorOf(floors.least).toFixed(1)} ×; of the ${Math.max(...written)} rows this submit writes ${floorOf(floors.same).toFixed(1)} ×`,
  );
  if (mostSequential > 3 || ratio > GOAL) process.exitCode = 1;
}
