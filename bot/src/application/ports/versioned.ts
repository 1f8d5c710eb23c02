// What every store port promises: values come back with the version they were read at, and a
// write made on an old version is refused rather than silently overwriting someone's change.

/** A stored value with the version it was read at, for optimistic concurrency. */
export interface Versioned<T> {
  value: T;
  etag: string;
  updatedBy: string;
  updatedAt: string;
}

const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
  });

/** Someone else saved the record after it was read (or it is gone); nothing was written. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly store: string,
    readonly current: { updatedBy: string; updatedAt: string } | undefined,
  ) {
    super(
      current
        ? `This was changed by ${current.updatedBy} at ${clock(current.updatedAt)} after you opened it. Reload to see their change, then make yours again.`
        : "This changed after you opened it, or was removed. Reload to see it as it is now, then make your change again.",
    );
    this.name = "ConcurrencyConflict";
  }
}

/** A record with the same identity is already stored; nothing was written. */
export class AlreadyExists extends Error {
  constructor(
    readonly store: string,
    readonly key: string,
  ) {
    super(`A record ${key} already exists in ${store}.`);
    this.name = "AlreadyExists";
  }
}
