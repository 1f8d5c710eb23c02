import {
  AlreadyExists,
  ConcurrencyConflict,
  type Versioned,
} from "../../../bot/src/application/ports/versioned.js";

// The storage under every fake: partitions of rows in key order, each row with an ETag that
// changes on every write, and transactions applied all or nothing. It answers as Table Storage
// does (409 a row already there, 412 a stale ETag, 404 a row gone), and each fake maps those
// answers to the port's errors exactly as its table adapter does.

/** Storage said no: the status Table Storage would have answered with. */
export class Refused extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 412,
    readonly at: string,
  ) {
    super(`${status} at ${at}`);
    this.name = "Refused";
  }
}

/** A row to write: its keys, its value and who wrote it. */
export interface Put {
  pk: string;
  rk: string;
  value: object;
  by: string;
}

export type Write =
  | (Put & { op: "create" | "upsert" })
  | (Put & { op: "replace"; etag: string })
  | { op: "delete"; pk: string; rk: string; etag?: string };

interface Row {
  value: object;
  etag: string;
  updatedBy: string;
  updatedAt: string;
}

let written = 0;
const nextEtag = (): string => `W/"fake-${++written}"`;

/** Calls of each port method, so a test can say how many round trips a command made. */
export class Calls {
  private readonly counts = new Map<string, number>();
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  of(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  reset(): void {
    this.counts.clear();
  }
}

export class FakeTable {
  private readonly partitions = new Map<string, Map<string, Row>>();

  constructor(private readonly now: () => Date) {}

  get<T>(pk: string, rk: string): Versioned<T> | undefined {
    const row = this.partitions.get(pk)?.get(rk);
    return row && copy<T>(row);
  }

  /** A partition's rows whose keys pass `keep`, in key order, as Table Storage lists them. */
  list<T>(pk: string, keep: (rk: string) => boolean = () => true): Versioned<T>[] {
    const rows = [...(this.partitions.get(pk) ?? new Map<string, Row>()).entries()];
    return rows
      .filter(([rk]) => keep(rk))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => copy<T>(row));
  }

  /** Rows whose keys start with `prefix`. */
  range<T>(pk: string, prefix: string): Versioned<T>[] {
    return this.list<T>(pk, (rk) => rk.startsWith(prefix));
  }

  /** One write on its own; the row as stored. */
  write<T>(w: Exclude<Write, { op: "delete" }>): Versioned<T> {
    this.transact([w]);
    return this.get<T>(w.pk, w.rk) as Versioned<T>;
  }

  /** Every write or none: a batch of one partition, at most 100 rows, each row once. */
  transact(writes: Write[]): void {
    const keys = new Set(writes.map((w) => `${w.pk}\n${w.rk}`));
    if (keys.size !== writes.length || writes.length > 100 || new Set(writes.map((w) => w.pk)).size > 1)
      throw new Refused(400, "batch");
    for (const w of writes) {
      const row = this.partitions.get(w.pk)?.get(w.rk);
      const at = `${w.pk}/${w.rk}`;
      if (w.op === "create" && row) throw new Refused(409, at);
      if ((w.op === "replace" || w.op === "delete") && !row) throw new Refused(404, at);
      const etag = w.op === "replace" || w.op === "delete" ? w.etag : undefined;
      if (row && etag && etag !== "*" && etag !== row.etag) throw new Refused(412, at);
    }
    const updatedAt = this.now().toISOString();
    for (const w of writes) {
      const partition = this.partitions.get(w.pk) ?? new Map<string, Row>();
      this.partitions.set(w.pk, partition);
      if (w.op === "delete") partition.delete(w.rk);
      else
        partition.set(w.rk, {
          value: structuredClone(w.value),
          etag: nextEtag(),
          updatedBy: w.by,
          updatedAt,
        });
    }
  }
}

/** An insert on its own, as EntityStore.insert: AlreadyExists when the row is there. */
export function insertRow<T>(table: FakeTable, name: string, w: Put): Versioned<T> {
  try {
    return table.write<T>({ ...w, op: "create" });
  } catch (e) {
    if (e instanceof Refused && e.status === 409) throw new AlreadyExists(name, e.at);
    throw e;
  }
}

/** A replacement on its own, as EntityStore.replace: ConcurrencyConflict naming who wrote it last. */
export function replaceRow<T>(table: FakeTable, name: string, w: Put & { etag: string }): Versioned<T> {
  try {
    return table.write<T>({ ...w, op: "replace" });
  } catch (e) {
    if (!(e instanceof Refused) || e.status === 400 || e.status === 409) throw e;
    const current = table.get(w.pk, w.rk);
    throw new ConcurrencyConflict(
      name,
      current && { updatedBy: current.updatedBy, updatedAt: current.updatedAt },
    );
  }
}

function copy<T>(row: Row): Versioned<T> {
  return {
    value: structuredClone(row.value) as T,
    etag: row.etag,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** The table adapters' key encoding: keys may not contain / \ # ? or control characters. */
export const keyOf = (raw: string): string =>
  encodeURIComponent(raw).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
