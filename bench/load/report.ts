import { availableParallelism } from "node:os";
import {
  quantile,
  type CpuShares,
  type FullCollection,
  type Recorder,
  type ResidentMemory,
} from "./measure.js";

// The load run's figures, and each goal met or missed; a miss makes the run exit non-zero.

const GOALS = { errors: 0, p99RatioToRaw: 10, residentMb: 400 };

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export interface Measured {
  warmUp: Recorder;
  measured: Recorder;
  /** The measured window, from the end of the warm-up to the last answer. */
  elapsedMs: number;
  raw: number[];
  memory: ResidentMemory;
  collections: FullCollection[];
  botSent: number;
  notices: number;
  /** Each process's share of one core over the whole run, warm-up included (%). */
  cpu: CpuShares;
}

export function report(m: Measured): void {
  const { measured, warmUp, raw, memory, cpu } = m;
  const all = measured.all();
  const row = (kind: string, xs: number[], errors: number) =>
    console.log(
      `  ${kind.padEnd(20)} ${String(xs.length).padStart(6)} ${String(errors).padStart(6)}  ${ms(quantile(xs, 0.5))} ${ms(quantile(xs, 0.95))} ${ms(quantile(xs, 0.99))}`,
    );
  console.log(`\n  ${"kind".padEnd(20)}  count errors      p50     p95     p99 (ms)`);
  for (const [kind, xs] of [...measured.latencies].sort(([a], [b]) => a.localeCompare(b)))
    row(kind, xs, measured.errors.get(kind) ?? 0);
  row("all", all, measured.errorCount());
  row("raw Azurite read", raw, 0);
  row("(warm-up, apart)", warmUp.all(), warmUp.errorCount());

  const seconds = m.elapsedMs / 1000;
  const pc = (x: number) => `${x.toFixed(0)} %`;
  console.log(
    `\n  throughput: ${(all.length / seconds).toFixed(1)} requests/s (${all.length} in ${seconds.toFixed(1)} s); raw Azurite reads alongside: ${raw.length}`,
  );
  console.log(
    `  CPU, of one core (the machine has ${availableParallelism()}): service ${pc(cpu.service)}, Azurite ${pc(cpu.azurite)}, load generator ${pc(cpu.generator)}`,
  );
  console.log(
    `  connector: ${m.botSent} activities from the bot, ${m.notices} of them notices sent on its own`,
  );
  console.log(
    `  service resident memory: ${mb(memory.first)} after start-up, peak ${mb(memory.peak)} ${memory.peakAtS.toFixed(0)} s into the run, ${mb(memory.last)} at the end (VmHWM ${mb(memory.highWater)})`,
  );
  const after = m.collections.map((c) => c.afterMb.toFixed(0));
  console.log(
    after.length
      ? `  service heap after each of its ${after.length} full garbage collections (live data): first ${after[0]} MB, least ${Math.min(...after.map(Number))}, most ${Math.max(...after.map(Number))}, last ${after.at(-1)}; longest pause ${Math.max(...m.collections.map((c) => c.pauseMs)).toFixed(0)} ms`
      : "  no full garbage collection in the service during the run",
  );
  for (const line of [...warmUp.examples, ...measured.examples]) console.log(`  error: ${line}`);

  const errors = measured.errorCount() + warmUp.errorCount();
  const p99 = quantile(all, 0.99);
  const rawP99 = quantile(raw, 0.99);
  const peakMb = memory.peak / 1024 / 1024;
  const goals: [string, boolean][] = [
    [`errors, warm-up included: ${errors} (goal: ${GOALS.errors})`, errors <= GOALS.errors],
    [
      `p99: ${p99.toFixed(1)} ms, ${(p99 / rawP99).toFixed(1)} × raw Azurite p99 of ${rawP99.toFixed(1)} ms (goal: at most ${GOALS.p99RatioToRaw} ×)`,
      p99 / rawP99 <= GOALS.p99RatioToRaw,
    ],
    [
      `resident memory at peak: ${peakMb.toFixed(0)} MB (goal: at most ${GOALS.residentMb} MB)`,
      peakMb <= GOALS.residentMb,
    ],
  ];
  console.log("");
  for (const [text, met] of goals) console.log(`  ${text}: ${met ? "goal met" : "goal missed"}`);
  if (goals.some(([, met]) => !met)) process.exitCode = 1;
}
