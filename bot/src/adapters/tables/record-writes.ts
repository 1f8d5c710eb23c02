import { randomUUID } from "node:crypto";
import type { TransactionAction } from "@azure/data-tables";
import type { Versioned } from "../../application/ports/versioned.js";
import type { EntityStore } from "./entity-store.js";

// How a record and the copies its lists read are written in a unit's transaction: all with one
// revision, a replacement conditional on the row it was read from.

/** Copies in `before` and not in `next` go; those of `next` are written, whatever was there. */
export function followCopies<T extends Record<string, unknown>>(
  store: EntityStore<T>,
  copiesOf: (v: T) => string[],
  next: T,
  before: T | undefined,
  by: string,
  revision: string,
): TransactionAction[] {
  const kept = new Set(copiesOf(next));
  return [
    ...(before ? copiesOf(before).filter((k) => !kept.has(k)) : []).map((k) =>
      store.deleteCopyAction(next, k),
    ),
    ...[...kept].map((k) => store.upsertCopyAction(next, by, k, revision)),
  ];
}

/**
 * The record and its copies, created together with one revision. A new record's copies cannot
 * exist yet, so they are created, not written over: a second record with the same copy (a link
 * already in force) fails the transaction, and storage checks each key once, not twice.
 */
export const created = <T extends Record<string, unknown>>(
  store: EntityStore<T>,
  copiesOf: (v: T) => string[],
  v: T,
  by: string,
) => {
  const revision = randomUUID();
  return [
    store.createAction(v, by, { revision }),
    ...[...new Set(copiesOf(v))].map((rowKey) => store.createAction(v, by, { rowKey, revision })),
  ];
};
/** The record moved on from `before`, conditional on the row it was read from, and its copies. */
export const replaced = <T extends Record<string, unknown>>(
  store: EntityStore<T>,
  copiesOf: (v: T) => string[],
  next: T,
  before: Versioned<T>,
  by: string,
) => {
  const etag = store.storageEtag(before);
  if (!etag)
    throw new Error(`A ${store.table} record read from a list was changed: read it by its key first.`);
  const revision = randomUUID();
  return [
    store.replaceAction(next, etag, by, revision),
    ...followCopies(store, copiesOf, next, before.value, by, revision),
  ];
};
