import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { TableClient } from "@azure/data-tables";
import { TABLES } from "../../bot/src/adapters/tables/storage.js";

// What the load run measures besides the users' own requests: the service's resident memory,
// and raw Azurite point reads timed alongside, as the yardstick for the service's latency.

/** Latencies (ms) and errors, per kind of request. */
export class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  /** The first few errors, each once, to say what went wrong. */
  readonly examples: string[] = [];

  record(kind: string, ms: number, error?: string): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (error === undefined) return;
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    const line = `${kind}: ${error}`;
    if (this.examples.length < 10 && !this.examples.includes(line)) this.examples.push(line);
  }

  all(): number[] {
    return [...this.latencies.values()].flat();
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

/** The q-th quantile (0–1) by nearest rank. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export interface ResidentMemory {
  /** Bytes: the highest sample, when it was taken (s after sampling began), the first and last. */
  peak: number;
  peakAtS: number;
  first: number;
  last: number;
  /** The kernel's own high-water mark (VmHWM), as a check on the samples. */
  highWater: number;
}

/** Samples a process's VmRSS every `everyMs` until `stop`. */
export function sampleResidentMemory(pid: number, everyMs = 250) {
  const started = Date.now();
  const samples: { at: number; rss: number }[] = [];
  const kib = (status: string, field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  };
  // The process may have gone: a missing sample is not a measurement.
  const read = () => readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const take = async () => {
    const rss = kib(await read(), "VmRSS");
    if (!Number.isNaN(rss)) samples.push({ at: Date.now() - started, rss });
  };
  void take();
  const timer = setInterval(() => void take(), everyMs);
  return {
    async stop(): Promise<ResidentMemory> {
      clearInterval(timer);
      await take();
      const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), samples[0] ?? { at: NaN, rss: NaN });
      return {
        peak: peak.rss,
        peakAtS: peak.at / 1000,
        first: samples[0]?.rss ?? NaN,
        last: samples.at(-1)?.rss ?? NaN,
        highWater: kib(await read(), "VmHWM"),
      };
    },
  };
}

export interface FullCollection {
  /** Heap in use before and after (MB): after is the live data. */
  beforeMb: number;
  afterMb: number;
  pauseMs: number;
}

/**
 * The full garbage collections V8 reports (--trace-gc) on a process's output from now on: what
 * the heap holds once collected, beside a resident peak that may be garbage not yet collected.
 */
export function fullCollections(output: Readable): FullCollection[] {
  const found: FullCollection[] = [];
  let partial = "";
  output.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const m = /Mark-Compact(?: \([a-z ]+\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/.exec(
        line,
      );
      if (m) found.push({ beforeMb: Number(m[1]), afterMb: Number(m[2]), pauseMs: Number(m[3]) });
    }
  });
  return found;
}

// Linux's clock ticks per second (getconf CLK_TCK), in which /proc/<pid>/stat counts CPU time.
const TICKS_PER_SECOND = 100;

/** The CPU time (s) a process has used so far, user and system. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export type CpuShares = Record<"service" | "azurite" | "generator", number>;

/** Each process's share of one core from now until `stop`, as a percentage. */
export async function cpuMeter(pids: { service: number; azurite: number }) {
  const read = async (): Promise<CpuShares> => {
    const own = process.cpuUsage();
    return {
      service: await cpuSeconds(pids.service),
      azurite: await cpuSeconds(pids.azurite),
      generator: (own.user + own.system) / 1e6,
    };
  };
  const before = await read();
  const started = Date.now();
  return {
    async stop(): Promise<CpuShares> {
      const after = await read();
      const seconds = (Date.now() - started) / 1000;
      const share = (k: keyof CpuShares) => ((after[k] - before[k]) / seconds) * 100;
      return { service: share("service"), azurite: share("azurite"), generator: share("generator") };
    },
  };
}

/**
 * Raw point reads of one panel row against the same Azurite, one at a time with a short pause,
 * timed from `from` to `until`: what one storage round trip costs under the same load.
 */
export async function rawReads(connection: string, from: number, until: number, pauseMs = 20) {
  const panels = TableClient.fromConnectionString(connection, TABLES.panels, {
    allowInsecureConnection: true,
  });
  const times: number[] = [];
  while (Date.now() < until) {
    const measured = Date.now() >= from;
    const started = performance.now();
    await panels.getEntity("merton", "merton-pre-mace");
    if (measured) times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return times;
}
