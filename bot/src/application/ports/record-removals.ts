import type { Action } from "../../domain/actions/action.js";
import type { Subject } from "../../domain/cohort/case.js";
import type { Link } from "../../domain/links/link.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { MatchRow, StoredCase, StoredDecision } from "./stored-records.js";

// What retention asks of the casework beyond its other changes: records removed with every copy
// the lists read, in a unit of work like any other. A subject's whole record is usually more than
// one transaction holds, so retention splits it into several units, in an order that a run
// stopped between two of them leaves what the next run finds.

/** The most operations a transaction holds (Table Storage's limit). */
export const OPERATIONS_PER_UNIT = 100;
/**
 * The most operations one record takes, removed or replaced, with its copies: a subject found by
 * its reference, eight words of its name, a postcode and its district takes twelve.
 */
export const OPERATIONS_PER_RECORD = 16;

/**
 * Removals are not conditional on a version (a table transaction deletes whatever is there), so
 * whoever removes a record reads it again just before, to see that it has not changed.
 */
export interface RecordRemovals {
  removeSubject(s: Subject): void;
  removeCase(c: StoredCase): void;
  removeReferral(r: Referral): void;
  removeDecision(d: StoredDecision): void;
  removeAction(a: Action): void;
  /** The link and its copies under both of its ends. */
  removeLink(l: Link): void;
}

export interface MatchRecords {
  /** The match rows stored under these keys, of every subject: one range per key, read together. */
  matches(areaId: string, hashes: string[]): Promise<MatchRow[]>;
}
