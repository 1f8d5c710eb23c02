import { randomUUID } from "node:crypto";
import { odata, RestError, TableClient, type TableEntity, type TransactionAction } from "@azure/data-tables";
import type { z } from "zod";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../../application/ports/versioned.js";

export interface Keys {
  partitionKey: string;
  rowKey: string;
}

/** A stored entity that no longer matches its schema: it is reported, never used half-valid. */
export class StoredEntityInvalid extends Error {
  constructor(table: string, keys: Keys, detail: string) {
    super(`Stored entity ${table}/${keys.partitionKey}/${keys.rowKey} is not valid: ${detail}`);
    this.name = "StoredEntityInvalid";
  }
}

// Table keys may not contain / \ # ? or control characters.
export const keyOf = (raw: string): string =>
  encodeURIComponent(raw).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

const JSON_SUFFIX = "__json";
const META = new Set([
  "partitionKey",
  "rowKey",
  "etag",
  "timestamp",
  "updatedBy",
  "updatedAt",
  "revision",
  "odata.metadata",
]);

function flatten(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    // Tables drop null properties, so nulls travel as JSON with the objects and arrays.
    if (v === null || typeof v === "object") out[k + JSON_SUFFIX] = JSON.stringify(v);
    else out[k] = v;
  }
  return out;
}

function unflatten(entity: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    if (META.has(k)) continue;
    if (k.endsWith(JSON_SUFFIX)) out[k.slice(0, -JSON_SUFFIX.length)] = JSON.parse(String(v));
    else out[k] = v;
  }
  return out;
}

/** The first key after every key that starts with `prefix`. */
export const prefixEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

export const isStatus = (e: unknown, status: number): boolean =>
  e instanceof RestError && e.statusCode === status;

/** Keys after `afterKey` (or from the start of the range), up to the end of the range `prefix` starts. */
export const rangeFilter = (
  partitionKey: string,
  prefix: string,
  afterKey?: string,
  endKey?: string,
): string =>
  (afterKey
    ? odata`PartitionKey eq ${partitionKey} and RowKey gt ${afterKey}`
    : odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix}`) +
  odata` and RowKey lt ${endKey ?? prefixEnd(prefix)}`;

// The storage ETag of each value read from a revisioned store, kept beside the value so that a
// change made from it is conditional on the row it came from.
const storageEtags = new WeakMap<object, string>();

/**
 * Where a record is also copied under other keys (for the lists that read it), its version is a
 * revision written to the record and its copies in one transaction; ETags still guard each write.
 */
export interface StoreOptions {
  revisioned?: boolean;
}

/**
 * Typed access to one table: values are validated when read back, and replacements carry the ETag
 * they were read at so a concurrent second edit is refused rather than silently overwritten.
 */
export class EntityStore<T extends Record<string, unknown>> {
  constructor(
    readonly client: TableClient,
    private readonly schema: z.ZodType<T>,
    private readonly keysOf: (value: T) => Keys,
    private readonly options: StoreOptions = {},
  ) {}

  keys(value: T): Keys {
    return this.keysOf(value);
  }

  /** The same records under the same keys, in another table: where finished casework is kept. */
  in(client: TableClient): EntityStore<T> {
    return new EntityStore(client, this.schema, this.keysOf, this.options);
  }

  /** The ETag of the stored row a revisioned value was read from; copies have none. */
  storageEtag(read: Versioned<T>): string | undefined {
    return this.options.revisioned ? storageEtags.get(read) : read.etag;
  }

  get table(): string {
    return this.client.tableName;
  }

  /** Reads back one stored entity of this store, validated. */
  fromEntity(entity: Record<string, unknown> & { etag?: string }): Versioned<T> {
    const keys = { partitionKey: String(entity.partitionKey), rowKey: String(entity.rowKey) };
    let raw: Record<string, unknown>;
    try {
      raw = unflatten(entity);
    } catch (e) {
      throw new StoredEntityInvalid(this.table, keys, (e as Error).message);
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new StoredEntityInvalid(this.table, keys, detail);
    }
    const revision = entity["revision"];
    const read: Versioned<T> = {
      value: parsed.data,
      etag: this.options.revisioned && typeof revision === "string" ? revision : (entity.etag ?? ""),
      updatedBy: String(entity["updatedBy"] ?? ""),
      updatedAt: String(entity["updatedAt"] ?? ""),
    };
    const isCopy = this.keysOf(parsed.data).rowKey !== keys.rowKey;
    if (this.options.revisioned && !isCopy && entity.etag) storageEtags.set(read, entity.etag);
    return read;
  }

  /** The value as a row: under its own keys, or as a copy under `rowKey`, with one revision for both. */
  private toEntity(
    value: T,
    updatedBy: string,
    copy: { rowKey?: string; revision?: string } = {},
  ): TableEntity<Record<string, unknown>> {
    const checked = this.schema.parse(value);
    const keys = this.keysOf(checked);
    return {
      ...flatten(checked),
      ...keys,
      ...(copy.rowKey && { rowKey: copy.rowKey }),
      updatedBy,
      updatedAt: new Date().toISOString(),
      ...(this.options.revisioned && { revision: copy.revision ?? randomUUID() }),
    };
  }

  async get(partitionKey: string, rowKey: string): Promise<Versioned<T> | undefined> {
    try {
      return this.fromEntity(await this.client.getEntity(partitionKey, rowKey));
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      throw e;
    }
  }

  async listPartition(partitionKey: string): Promise<Versioned<T>[]> {
    const found: Versioned<T>[] = [];
    const filter = `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'`;
    for await (const entity of this.client.listEntities({ queryOptions: { filter } })) {
      found.push(this.fromEntity(entity));
    }
    return found;
  }

  /** The entities of a partition whose row keys start with `prefix`: one contiguous range. */
  async listRange(partitionKey: string, prefix: string): Promise<Versioned<T>[]> {
    const found: Versioned<T>[] = [];
    const filter = rangeFilter(partitionKey, prefix);
    for await (const entity of this.client.listEntities({ queryOptions: { filter } })) {
      found.push(this.fromEntity(entity));
    }
    return found;
  }

  /** The entities of a partition with row keys from `fromKey` up to, not including, `endKey`: one range. */
  async listBetween(partitionKey: string, fromKey: string, endKey: string): Promise<Versioned<T>[]> {
    const found: Versioned<T>[] = [];
    const filter = rangeFilter(partitionKey, fromKey, undefined, endKey);
    for await (const entity of this.client.listEntities({ queryOptions: { filter } })) {
      found.push(this.fromEntity(entity));
    }
    return found;
  }

  /**
   * A page of a contiguous key range, in key order: at most `size` values after `afterKey` (and
   * before `endKey`), and whether more follow. One request, however long the range.
   */
  async listPage(
    partitionKey: string,
    prefix: string,
    size: number,
    afterKey?: string,
    endKey?: string,
  ): Promise<{ values: Versioned<T>[]; more: boolean }> {
    const filter = rangeFilter(partitionKey, prefix, afterKey, endKey);
    const pages = this.client.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: size + 1 });
    const first = await pages.next();
    const rows = first.done ? [] : first.value;
    return { values: rows.slice(0, size).map((e) => this.fromEntity(e)), more: rows.length > size };
  }

  /** An insert to run in a transaction with others of the same partition. */
  createAction(
    value: T,
    updatedBy: string,
    copy?: { rowKey?: string; revision?: string },
  ): TransactionAction {
    return ["create", this.toEntity(value, updatedBy, copy)];
  }

  /** Written whatever was there, to run in a transaction: for rows that state a fact, never edited. */
  upsertAction(value: T, updatedBy: string): TransactionAction {
    return ["upsert", this.toEntity(value, updatedBy), "Replace"];
  }

  /** A replacement, refused if the entity changed since `etag`, to run in a transaction. */
  replaceAction(value: T, etag: string, updatedBy: string, revision?: string): TransactionAction {
    return ["update", this.toEntity(value, updatedBy, { revision }), "Replace", { etag }];
  }

  /** A copy written whatever was there: copies follow their record and are never edited alone. */
  upsertCopyAction(value: T, updatedBy: string, rowKey: string, revision: string): TransactionAction {
    return ["upsert", this.toEntity(value, updatedBy, { rowKey, revision }), "Replace"];
  }

  /**
   * The row as read, under its own key or a copy's, written whatever was there: a record moving
   * to another table keeps its revision and who changed it last, and when.
   */
  movedAction(read: Versioned<T>, rowKey?: string): TransactionAction {
    const entity = this.toEntity(read.value, read.updatedBy, { rowKey, revision: read.etag });
    return ["upsert", { ...entity, updatedAt: read.updatedAt }, "Replace"];
  }

  /** Refused in a transaction if the row changed since `etag`; otherwise it only takes a new ETag. */
  touchAction(value: T, etag: string): TransactionAction {
    return ["update", { ...this.keysOf(value) }, "Merge", { etag }];
  }

  /** Removes the copy under `rowKey` (it must exist, or the transaction fails). */
  deleteCopyAction(value: T, rowKey: string): TransactionAction {
    return ["delete", { partitionKey: this.keysOf(value).partitionKey, rowKey }];
  }

  /** A deletion to run in a transaction; it fails the transaction if the entity is already gone. */
  deleteAction(value: T): TransactionAction {
    return ["delete", { ...this.keysOf(value) }];
  }

  async insert(value: T, updatedBy: string): Promise<Versioned<T>> {
    const entity = this.toEntity(value, updatedBy);
    try {
      const res = await this.client.createEntity(entity);
      return { value, etag: res.etag ?? "", updatedBy, updatedAt: String(entity["updatedAt"]) };
    } catch (e) {
      if (isStatus(e, 409)) {
        const keys = this.keysOf(value);
        throw new AlreadyExists(this.table, `${keys.partitionKey}/${keys.rowKey}`);
      }
      throw e;
    }
  }

  /** Insert or replace without a version check: for seeding configuration, never for user edits. */
  async upsert(value: T, updatedBy: string): Promise<void> {
    await this.client.upsertEntity(this.toEntity(value, updatedBy), "Replace");
  }

  async replace(value: T, etag: string, updatedBy: string): Promise<Versioned<T>> {
    const entity = this.toEntity(value, updatedBy);
    try {
      const res = await this.client.updateEntity(entity, "Replace", { etag });
      return { value, etag: res.etag ?? "", updatedBy, updatedAt: String(entity["updatedAt"]) };
    } catch (e) {
      if (isStatus(e, 412) || isStatus(e, 404)) {
        const keys = this.keysOf(value);
        const current = await this.get(keys.partitionKey, keys.rowKey);
        throw new ConcurrencyConflict(
          this.table,
          current && { updatedBy: current.updatedBy, updatedAt: current.updatedAt },
        );
      }
      throw e;
    }
  }
}
