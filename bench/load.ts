import { pathToFileURL } from "node:url";
import { z } from "zod";
import { cpuMeter, fullCollections, rawReads, Recorder, sampleResidentMemory } from "./load/measure.js";
import { report } from "./load/report.js";
import { startRig } from "./load/stand-ins.js";
import { MIX, runUsers, type Plan } from "./load/users.js";

// A bounded load run: 200 simulated practitioners against one service instance on loopback for
// about a minute, with raw Azurite reads timed alongside as the yardstick for its latency.

const Options = z.object({
  LOAD_USERS: z.coerce.number().int().min(1).max(1000).default(200),
  LOAD_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
});

// 200 people thinking 4 s on average between requests offer about 50 requests a second: each as
// busy as someone working through cards and pages without a pause, more than a real morning's
// traffic, yet leaving two cores room for the generator beside the service and Azurite.
const THINK_MEAN_MS = 4000;
const MAX_REQUESTS = 20_000;
// Requests in the first seconds find the service cold (code not yet optimised, keys not yet
// fetched): they run at the same load but are counted apart, as the warm-up.
const WARM_UP_MS = 10_000;
const TIMEOUT_MS = 30_000;

export async function loadRun(): Promise<void> {
  const { LOAD_USERS: users, LOAD_SECONDS: seconds } = Options.parse(process.env);
  console.log(`\nLoad: ${users} simulated users for ${seconds} s against one service instance on loopback`);
  console.log(
    `  each user repeats: pick from the mix, one request at a time, thinking between requests (exponential, mean ${THINK_MEAN_MS / 1000} s)`,
  );
  const total = MIX.reduce((a, m) => a + m.weight, 0);
  for (const m of MIX)
    console.log(`    ${String(Math.round((m.weight / total) * 100)).padStart(3)} % ${m.activity}: ${m.who}`);
  console.log(
    `  bounded: ${WARM_UP_MS / 1000} s of warm-up then ${seconds} s measured, ${MAX_REQUESTS.toLocaleString("en-GB")} requests at most; a request unanswered in ${TIMEOUT_MS / 1000} s is an error`,
  );

  console.log("  starting Azurite, the Bot Framework stand-ins and the service (with the demo data)…");
  const rig = await startRig();
  // The children run in process groups of their own, which Ctrl-C does not reach: stop them here.
  const interrupted = () => void rig.stop().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const memory = sampleResidentMemory(rig.pids.service);
    const collections = fullCollections(rig.serviceOutput);
    const cpu = await cpuMeter(rig.pids);
    const recorders = { warmUp: new Recorder(), measured: new Recorder() };
    const measureFrom = Date.now() + WARM_UP_MS;
    const plan: Plan = {
      users,
      measureFrom,
      deadline: measureFrom + seconds * 1000,
      maxRequests: MAX_REQUESTS,
      thinkMeanMs: THINK_MEAN_MS,
      timeoutMs: TIMEOUT_MS,
    };
    const [raw, replies] = await Promise.all([
      rawReads(rig.azuriteConnection, measureFrom, plan.deadline),
      runUsers(rig, plan, recorders),
    ]);
    const elapsedMs = Date.now() - measureFrom;
    report({
      ...recorders,
      elapsedMs,
      raw,
      memory: await memory.stop(),
      collections,
      botSent: replies.total(),
      notices: replies.notices(),
      cpu: await cpu.stop(),
    });
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await rig.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await loadRun();
