import type { Action } from "../../domain/actions/action.js";
import type { Subject } from "../../domain/cohort/case.js";
import type { Link } from "../../domain/links/link.js";
import type { Page, PagePosition, StoredCase, StoredDecision } from "./stored-records.js";
import type { Versioned } from "./versioned.js";

// The panel's record seen from a subject: its cases on every panel of the area, the decisions and
// actions about it, the links drawn to other subjects, and the cohort's lists. Each read is one
// key range or a point read, so a subject's history and the cohort cost the same however long
// the area's record grows.

/** How the coordinator looks a subject up: by reference, a word of its name, or a postcode. */
export type SubjectSearch =
  | { by: "reference"; reference: string }
  | { by: "word"; word: string }
  | { by: "postcode"; postcode: string };

export interface SubjectWrites {
  /** A link and both of its ends' copies, so either subject's links are one range. */
  createLink(l: Link): void;
  /** A link ended (never deleted), from the version it was read at. */
  replaceLink(l: Link, before: Versioned<Link>): void;
}

export interface SubjectRecords {
  subject(areaId: string, id: string): Promise<Versioned<Subject> | undefined>;
  /** Several subjects by id, read together; ids not found are left out. */
  subjects(areaId: string, ids: string[]): Promise<Map<string, Subject>>;
  /** Subjects whose reference, name word or postcode starts with what was asked, up to `size`. */
  findSubjects(areaId: string, search: SubjectSearch, size: number): Promise<Subject[]>;

  link(areaId: string, id: string): Promise<Versioned<Link> | undefined>;
  /** Every link drawn to or from a subject, ended ones included. */
  subjectLinks(areaId: string, subjectId: string): Promise<Link[]>;
  /** The subject's case on each panel of the area it has come to. */
  subjectCases(areaId: string, subjectId: string): Promise<StoredCase[]>;
  /** Every decision about the subject, on every panel, oldest meeting first. */
  subjectDecisions(areaId: string, subjectId: string): Promise<StoredDecision[]>;
  /** Every action about the subject, on every panel. */
  subjectActions(areaId: string, subjectId: string): Promise<Action[]>;

  /** A page of a panel's cohort: its open cases (by subject), or its closed ones, the latest closed first. */
  casePage(
    areaId: string,
    panelId: string,
    list: "open" | "closed",
    size: number,
    after?: PagePosition,
  ): Promise<Page<StoredCase>>;
  /**
   * The area's cases closed on or before a day, the longest closed first: what retention looks at
   * (a case it has anonymised leaves the list until it closes again); after `after` when it is the
   * last one of the page before.
   */
  closedBy(areaId: string, day: string, size: number, after?: StoredCase): Promise<StoredCase[]>;
}
