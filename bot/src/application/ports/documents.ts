import type { Readable } from "node:stream";
import type { AttachedDocument, ScanState } from "../../domain/documents/document.js";
import type { Versioned } from "./versioned.js";

// Documents attached to referrals and cases: the files, kept privately apart from the casework,
// and the records that say what each is, whose it is, and whether it was scanned and reviewed.

export interface DocumentFiles {
  /** Keeps a file under `name`; a file of that name already kept is replaced. */
  put(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The kept file as a stream, or nothing when it is gone. */
  open(name: string): Promise<{ body: Readable; size: number } | undefined>;
  /** Removes a file; one already gone is no error. */
  remove(name: string): Promise<void>;
  /** What the configured malware scan has said of the file so far. */
  scanVerdict(name: string): Promise<ScanState>;
}

/** Where a document's record is found: under its case's subject, or under its referral. */
export type DocumentPlace = { subjectId: string } | { referralId: string };

export const placeOf = (d: Pick<AttachedDocument, "owner">): DocumentPlace =>
  d.owner.kind === "case" ? { subjectId: d.owner.subjectId } : { referralId: d.owner.referralId };

export interface DocumentRecords {
  /** Stores a new record, answering it as stored; AlreadyExists when its id is taken. */
  add(d: AttachedDocument, by: string): Promise<Versioned<AttachedDocument>>;
  get(areaId: string, place: DocumentPlace, id: string): Promise<Versioned<AttachedDocument> | undefined>;
  /** The documents of a subject's cases, oldest first: one key range. */
  ofSubject(areaId: string, subjectId: string): Promise<Versioned<AttachedDocument>[]>;
  /** The documents of a referral, oldest first: one key range. */
  ofReferral(areaId: string, referralId: string): Promise<Versioned<AttachedDocument>[]>;
  /** Replaces a record read at `etag`, answering it as stored; ConcurrencyConflict when it changed since. */
  replace(d: AttachedDocument, etag: string, by: string): Promise<Versioned<AttachedDocument>>;
  /** Removes a record; one already gone is no error. */
  remove(d: AttachedDocument): Promise<void>;
}
