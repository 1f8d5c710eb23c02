import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";

// Pieces for fuzzing the service with malformed input: a seeded generator (a failure is replayed
// with FUZZ_SEED), hostile values, and a snapshot of every table to show what input changed.

export interface Random {
  seed: number;
  /** A number in [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(from: readonly T[]): T;
}

/** mulberry32: small, fast and the same on every machine for one seed. */
export function random(seed = Number(process.env["FUZZ_SEED"] ?? Date.now() % 2 ** 31)): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { seed, next, int, pick: (from) => from[int(from.length)] as (typeof from)[number] };
}

const HUGE = "x".repeat(100 * 1024);

/** Values no field expects: wrong types, enormous or odd strings, hostile objects. */
export function hostileValue(r: Random): unknown {
  const choices: (() => unknown)[] = [
    () => null,
    () => r.int(2 ** 31) - 2 ** 30,
    () => r.next() * 1e308,
    () => true,
    () => [],
    () => [HUGE],
    () => ({}),
    () => HUGE,
    () => "",
    () => " ",
    () => "\u0000\u202e\ud800",
    () => "../../etc/passwd",
    () => "' or 1 eq 1 or '",
    () => "<script>alert(1)</script>",
    () => "2026-02-30",
    () => "00000000-0000-4000-8000-000000000000",
    () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => ({ toString: "not a function", valueOf: 1 }),
    () => "x".repeat(1 + r.int(300)),
  ];
  return r.pick(choices)();
}

/**
 * `base` broken one way: a field dropped, retyped or made hostile, a forged key added, or the
 * whole thing replaced.
 */
export function mutate(r: Random, base: Record<string, unknown>): unknown {
  const keys = Object.keys(base);
  const copy: Record<string, unknown> = { ...base };
  const key = keys.length ? r.pick(keys) : "field";
  switch (r.int(6)) {
    case 0:
      delete copy[key];
      return copy;
    case 1:
    case 2:
      copy[key] = hostileValue(r);
      return copy;
    case 3:
      return JSON.parse(
        `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(base[k])}`).join(",")}${keys.length ? "," : ""}"__proto__":{"isCoordinator":true},"constructor":{"prototype":{"admin":true}}}`,
      ) as unknown;
    case 4:
      for (const k of keys) if (r.next() < 0.5) copy[k] = hostileValue(r);
      return copy;
    default:
      return r.pick<unknown>([null, "a string", 42, [], [copy], HUGE]);
  }
}

/** Every row of every table, with its ETag, by table, partition and row key. */
export async function snapshotTables(): Promise<Map<string, { etag: string; row: string }>> {
  const { connectionString } = await azurite();
  const tables = tableFactory({ kind: "connection-string", connectionString });
  const rows = new Map<string, { etag: string; row: string }>();
  for (const name of Object.values(TABLES))
    for await (const e of tables(name).listEntities())
      rows.set(`${name}|${e.partitionKey}|${e.rowKey}`, { etag: e.etag, row: JSON.stringify(e) });
  return rows;
}

/**
 * The rows added, changed or removed between two snapshots, leaving out what `ignore` says may
 * change (the audit entries of reads are always left out: reading is not a change).
 */
export function changedRows(
  before: Map<string, { etag: string; row: string }>,
  after: Map<string, { etag: string; row: string }>,
  ignore: (key: string, how: "added" | "changed" | "removed") => boolean = () => false,
): string[] {
  // Reads are audited, in the audit trail's own table, and change nothing else.
  const readAudit = (key: string, row: string) =>
    (key.startsWith("AuditTrail|") || key.includes("|audit|")) && /\.viewed"/.test(row);
  const changed: string[] = [];
  for (const [key, { etag, row }] of after) {
    const was = before.get(key);
    if (was?.etag === etag || readAudit(key, row) || ignore(key, was ? "changed" : "added")) continue;
    changed.push(`${key} (${was ? "changed" : "added"})`);
  }
  for (const key of before.keys())
    if (!after.has(key) && !ignore(key, "removed")) changed.push(`${key} (removed)`);
  return changed;
}

/** Runs `run` on every case, `width` at a time. */
export async function inPool<T>(cases: T[], width: number, run: (c: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < cases.length) await run(cases[next++] as T);
    }),
  );
}
