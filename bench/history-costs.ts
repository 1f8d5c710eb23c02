import { randomUUID } from "node:crypto";
import pino from "pino";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { moveChangeAudits } from "../bot/src/adapters/tables/change-audit-move.js";
import { moveFinishedCasework } from "../bot/src/adapters/tables/casework-archive-move.js";
import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { reminderDeliveries } from "../bot/src/adapters/tables/reminder-deliveries.js";
import type { TableFactory } from "../bot/src/adapters/tables/storage.js";
import { actionLog } from "../bot/src/application/actions/action-log.js";
import { agendaDesk } from "../bot/src/application/agenda/agenda-desk.js";
import { referralDesk } from "../bot/src/application/referrals/referral-desk.js";
import { ReminderSweep } from "../bot/src/application/reminders/reminder-sweep.js";
import {
  catalogueWithHistoryArea,
  FRESH,
  HISTORY_AREA,
  HISTORY_PANEL,
  OLD,
  sideBySide,
  writeHistory,
} from "./history-area.js";
import { scanIn, type RoundTrips } from "../scripts/lib/round-trips.js";
import { benchValues, median } from "./bench-support.js";

// Goal 2: history does not change the cost. Each user-facing operation runs on Merton (fresh) and
// on Kingsmead (configured the same, holding ten years of history), alternately in one store, so
// both see the same machine and the same store. Every request is also checked for a scan (goal 1).

const RUNS = Number(process.env["BENCH_HISTORY_RUNS"] ?? 30);
// A smaller history (BENCH_HISTORY_SCALE=0.1) shows the trend in minutes rather than half an hour.
const SCALE = Number(process.env["BENCH_HISTORY_SCALE"] ?? 1);

export async function historyCosts(connection: string, scans: string[]): Promise<void> {
  const { catalogue, plain, trips, counted, ports, actor } = await sideBySide(connection);
  const referrals = referralDesk(ports(counted));
  const agendas = agendaDesk(ports(counted));
  const actions = actionLog(ports(counted));

  // A template of each record, made through the product in the history area, then ten years of them.
  console.log("\nHistory (Kingsmead, configured as Merton): storing ten years of its record…");
  const first = await referrals.submit(
    actor(HISTORY_AREA, "Grace Mensah"),
    HISTORY_PANEL,
    "individual",
    randomUUID(),
    benchValues(0),
  );
  if (!first.ok) throw new Error("the history area refused its first referral");
  const recorded = await actions.create(
    actor(HISTORY_AREA, "Priya Okafor"),
    HISTORY_PANEL,
    first.referral.meetingDate ?? new Date().toISOString().slice(0, 10),
    benchAction("Bench action", actor(HISTORY_AREA, "Hannah Reyes").id),
    "bench",
  );
  const template = await caseworkTables(plain).action(HISTORY_AREA, HISTORY_PANEL, recorded.id);
  if (!template) throw new Error("the history area's first action is not stored");
  await writeHistory(
    caseworkTables(plain),
    { referral: first.referral, action: template.value },
    {
      referrals: Math.round(5000 * SCALE),
      actions: Math.round(20_000 * SCALE),
      auditEntries: Math.round(200_000 * SCALE),
    },
    (m) => console.log(m),
  );

  // Both areas then get the same live record, so that only the history differs: five cases
  // accepted onto the next meeting, a page's worth of referrals waiting for triage (the list's
  // first page is then recent work in both), five open actions and a page's worth of recently
  // done ones.
  const liveRecord = async (area: typeof FRESH): Promise<string> => {
    const priya = actor(area.areaId, "Priya Okafor");
    let meeting = "";
    for (let i = 0; i < 5; i++) {
      const made = await referrals.submit(
        actor(area.areaId, "Grace Mensah"),
        area.panelId,
        "individual",
        randomUUID(),
        benchValues(9000 + i),
      );
      if (!made.ok) throw new Error("bench referral refused");
      meeting = made.referral.meetingDate ?? "";
      const read = await referrals.view(priya, area.panelId, made.referral.id, "bench");
      await referrals.triage(
        priya,
        area.panelId,
        made.referral.id,
        { decision: "accept", note: "", linkToSubjectId: null },
        read.etag,
        "bench",
      );
    }
    for (let i = 0; i < 50; i++) {
      const waiting = await referrals.submit(
        actor(area.areaId, "Grace Mensah"),
        area.panelId,
        "individual",
        randomUUID(),
        benchValues(9100 + i),
      );
      if (!waiting.ok) throw new Error("bench referral refused");
    }
    for (let i = 0; i < 65; i++) {
      const recorded = await actions.create(
        priya,
        area.panelId,
        meeting,
        benchAction(`Live action ${i}`, actor(area.areaId, "Hannah Reyes").id),
        "bench",
      );
      if (i >= 5) await actions.completeNow(priya, area.panelId, recorded.id, "", "bench");
    }
    return meeting;
  };
  const meetings: Record<string, string> = {};
  for (const area of [FRESH, OLD]) meetings[area.areaId] = await liveRecord(area);
  // The service moves the audit entries of changes to the audit trail, and finished casework to
  // the archive, on its beat: here, once now.
  const seconds = (t: bigint) => (Number(process.hrtime.bigint() - t) / 1e9).toFixed(1);
  for (const area of [OLD, FRESH]) {
    const t = process.hrtime.bigint();
    const moved = await moveChangeAudits(plain, area.areaId, (n) => {
      if (n % 10_000 === 0) console.log(`  ${area.areaId}: ${n} audit entries of changes moved so far`);
    });
    console.log(
      `  ${area.areaId}: audit entries of changes moved to the audit trail: ${moved}, taking ${seconds(t)} s`,
    );
    const u = process.hrtime.bigint();
    let shown = 0;
    const archived = await moveFinishedCasework(plain, area.areaId, new Date(), {
      progress: (n) => {
        if (n - shown < 5000) return;
        shown = n;
        console.log(`  ${area.areaId}: ${n} finished referrals and actions moved to the archive so far`);
      },
    });
    console.log(
      `  ${area.areaId}: finished referrals and actions moved to the archive: ${archived}, taking ${seconds(u)} s`,
    );
  }
  const operations: [string, (area: typeof FRESH, i: number) => Promise<unknown>][] = [
    [
      "referral submit",
      (area, i) =>
        referrals.submit(
          actor(area.areaId, "Grace Mensah"),
          area.panelId,
          "individual",
          randomUUID(),
          benchValues(i),
        ),
    ],
    [
      "referral list, first page",
      (area) => referrals.list(actor(area.areaId, "Priya Okafor"), area.panelId, "bench", { pageSize: 50 }),
    ],
    [
      "a referrer's own referrals, first page",
      (area) => referrals.own(actor(area.areaId, "Grace Mensah"), "bench", { pageSize: 10 }),
    ],
    [
      "agenda page",
      (area) =>
        agendas.view(
          actor(area.areaId, "Priya Okafor"),
          "coordinator",
          area.panelId,
          meetings[area.areaId] ?? "",
          "bench",
        ),
    ],
    [
      "action log, first page",
      (area) => actions.list(actor(area.areaId, "Priya Okafor"), "coordinator", area.panelId, {}, "bench"),
    ],
  ];

  console.log(`\nFresh area against ten years of history (medians of ${RUNS}, alternating)`);
  for (const [name, run] of operations) {
    const cost = { fresh: [] as number[], old: [] as number[] };
    const own = { fresh: [] as number[], old: [] as number[] };
    const shape = { fresh: "", old: "" };
    for (let i = 0; i < RUNS; i++) {
      for (const [which, area] of [
        ["fresh", FRESH],
        ["old", OLD],
      ] as const) {
        const m = await measured(trips, () => run(area, i), scans, name);
        cost[which].push(m.ms);
        own[which].push(m.ownMs);
        shape[which] = `${m.requests} requests, ${m.sequential} one after another`;
      }
    }
    const ratio = median(cost.old) / median(cost.fresh);
    const ownRatio = median(own.old) / median(own.fresh);
    const met = shape.fresh === shape.old && ratio <= 1.2;
    console.log(
      `  ${name}: fresh ${shape.fresh}; with history ${shape.old}; time ${ratio.toFixed(2)}x the fresh area's (goal: the same round trips, at most 1.2x) — ${met ? "goal met" : "goal missed"}; the service's own work (time not waiting for storage) ${ownRatio.toFixed(2)}x`,
    );
    if (!met) process.exitCode = 1;
  }
  await sweepCosts(catalogue, plain, counted, trips, scans, actor);
}

/** An action the bench records, owned by `ownerId`, due on the panel's default day. */
const benchAction = (title: string, ownerId: string) => ({
  subjectId: null,
  title,
  text: "Benchmark.",
  ownerId,
  dueDate: null,
});

/** Time, requests and sequential round trips of one operation; its scans are noted by name. */
export async function measured(
  trips: RoundTrips,
  run: () => Promise<unknown>,
  scans: string[],
  name: string,
): Promise<{ ms: number; ownMs: number; requests: number; sequential: number }> {
  const before = { requests: trips.count(), sequential: trips.sequential(), busy: trips.busyMs() };
  const t = process.hrtime.bigint();
  await run();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const sent = trips.requests().slice(before.requests);
  for (const scan of sent.map(scanIn)) if (scan) scans.push(`${name}: ${scan}`);
  return {
    ms,
    ownMs: ms - (trips.busyMs() - before.busy),
    requests: sent.length,
    sequential: trips.sequential() - before.sequential,
  };
}

/** The reminder sweep with ten actions due their first message, in the fresh area and then in the old. */
async function sweepCosts(
  catalogue: ReturnType<typeof catalogueWithHistoryArea>,
  plain: TableFactory,
  counted: TableFactory,
  trips: RoundTrips,
  scans: string[],
  actor: (area: string, name: string) => { id: string; name: string },
): Promise<void> {
  let now = new Date();
  const write = actionLog({
    catalogue,
    directory: directoryTables(plain),
    casework: caseworkTables(plain),
    deliveries: reminderDeliveries(plain),
    now: () => now,
  });
  const sweep = new ReminderSweep({
    catalogue,
    directory: directoryTables(counted),
    casework: caseworkTables(counted),
    deliveries: reminderDeliveries(counted),
    messenger: {
      reaches: (place) => Promise.resolve(place.scope === "personal"),
      send: () => Promise.resolve({ activityId: randomUUID(), conversationKey: "bench" }),
    },
    log: pino({ level: "silent" }),
    now: () => now,
    options: { instance: "bench", leaseMs: 90_000, lookbackDays: 5, fromHour: 9, retryBaseMs: 60_000 },
  });
  const results: string[] = [];
  const times: number[] = [];
  for (const [area, day] of [
    [FRESH, "2027-03-04"],
    [OLD, "2027-04-01"],
  ] as const) {
    now = new Date(`${day}T14:00:00Z`);
    for (let i = 0; i < 10; i++)
      await write.create(
        actor(area.areaId, "Priya Okafor"),
        area.panelId,
        day,
        benchAction(`Bench action ${i}`, actor(area.areaId, "Hannah Reyes").id),
        "bench",
      );
    let sent = 0;
    const m = await measured(
      trips,
      async () => void (sent = (await sweep.sweep()).sent),
      scans,
      "reminder sweep",
    );
    times.push(m.ms);
    results.push(`${m.requests} requests, ${m.sequential} one after another, ${sent} sent`);
  }
  const met = results[0] === results[1] && results[0]?.endsWith("10 sent");
  console.log(
    `  reminder sweep (10 new actions due their first message): fresh ${results[0]}; with history ${results[1]} (goal: the same) — ${met ? "goal met" : "goal missed"}; time ${((times[1] ?? 0) / (times[0] ?? 1)).toFixed(2)}x (one sweep each)`,
  );
  if (!met) process.exitCode = 1;
}
