import type { Action } from "../../domain/actions/action.js";
import type { AuditAbout } from "../../domain/audit/audit-about.js";
import type { Subject } from "../../domain/cohort/case.js";
import type { DecisionHow } from "../../domain/decisions/taken.js";
import type { Notice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { AccessRequestRecords, AccessRequestWrites } from "./access-requests.js";
import type { CaseNoteRecords, CaseNoteWrites } from "./case-notes.js";
import type { MatchRecords, RecordRemovals } from "./record-removals.js";
import type { RegisterRecords, RegisterWrites } from "./register.js";
import type { ReportRecords } from "./report-records.js";
import type { SubjectRecords, SubjectWrites } from "./subject-records.js";
import type { ThresholdingOutcomeRecords, ThresholdingOutcomeWrites } from "./thresholding-outcomes.js";
import type { Versioned } from "./versioned.js";

// An area's casework: referrals, reference counters, duplicate match keys, subjects, cases,
// decisions, actions, audit entries, requests to join a panel and the notices steps owe people. A step's changes are
// collected in a unit of work and committed together, all or nothing.

export {
  MatchRow,
  ReferenceCounter,
  StoredAudit,
  StoredCase,
  StoredDecision,
  type Page,
  type PagePosition,
} from "./stored-records.js";
import type {
  MatchRow,
  ReferenceCounter,
  StoredAudit,
  StoredCase,
  StoredDecision,
  Page,
  PagePosition,
} from "./stored-records.js";

/**
 * What a referral submit needs to know before it writes. Whether the same form was stored already
 * is not read: the referral's create then fails its transaction, and only then is it looked up.
 */
export interface BeforeSubmit {
  counter: Versioned<ReferenceCounter> | undefined;
  matches: MatchRow[];
}

/** The changes of one step in one area, committed together or not at all. */
export interface CaseworkUnit
  extends
    AccessRequestWrites,
    SubjectWrites,
    RecordRemovals,
    RegisterWrites,
    CaseNoteWrites,
    ThresholdingOutcomeWrites {
  createReferral(r: Referral): void;
  /** Each replace names the version it was read at, which the record's lists follow too. */
  replaceReferral(r: Referral, before: Versioned<Referral>): void;
  createSubject(s: Subject): void;
  replaceSubject(s: Subject, before: Versioned<Subject>): void;
  /** A match key, written whatever was there: a later referral can repeat a subject's key. */
  addMatch(m: MatchRow): void;
  /** Removes a match key (it must exist, or the commit fails). */
  removeMatch(m: MatchRow): void;
  createCase(c: StoredCase): void;
  replaceCase(c: StoredCase, before: Versioned<StoredCase>): void;
  createDecision(d: StoredDecision): void;
  replaceDecision(d: StoredDecision, etag: string): void;
  createAction(a: Action): void;
  replaceAction(a: Action, before: Versioned<Action>): void;
  /** A counter of references for a year (referrals, actions, subjects recorded from links, register entries): created, or moved on from `etag`. */
  setCounter(kind: CounterKind, c: ReferenceCounter, etag: string | undefined): void;
  audit(entry: StoredAudit): void;
  queueNotice(n: Notice): void;
  removeNotice(n: Notice): void;
  /** Writes everything; ConcurrencyConflict if any record changed or appeared since it was read. */
  commit(): Promise<void>;
}

export type CounterKind = "referral" | "action" | "subject" | "register";

export interface Casework
  extends
    AccessRequestRecords,
    SubjectRecords,
    MatchRecords,
    ReportRecords,
    RegisterRecords,
    CaseNoteRecords,
    ThresholdingOutcomeRecords {
  /** A unit of work in one area; `by` is recorded as who last changed each record. */
  unit(areaId: string, by: string): CaseworkUnit;
  /** Audit entries of reads, in the area's audit trail, in as many commits as their number needs. */
  appendAudit(areaId: string, entries: StoredAudit[]): Promise<void>;
  /**
   * The audit entries about one subject from `from` to `to` (ISO 8601), oldest first. It reads each
   * month of the area's audit trail in the period whole, and the area's entries of changes since
   * `from`: a long read for an administrator's subject access export, never for a page or a list.
   */
  auditAbout(areaId: string, about: AuditAbout, from: string, to: string): Promise<StoredAudit[]>;

  referral(areaId: string, panelId: string, id: string): Promise<Versioned<Referral> | undefined>;
  /** A referral of the area found by its id alone, whatever its panel. */
  referralById(areaId: string, id: string): Promise<Referral | undefined>;
  /**
   * A page of a panel's referrals, newest first: those that reached its coordinators, or only those
   * waiting for triage; after `after` when it is the last one of the page before.
   */
  referralPage(
    areaId: string,
    panelId: string,
    list: "reached" | "waiting",
    size: number,
    after?: PagePosition,
  ): Promise<Page<Referral>>;
  /** A page of the referrals one person made in the area, newest first, whatever became of each. */
  referralsBy(
    areaId: string,
    referrerId: string,
    size: number,
    after?: PagePosition,
  ): Promise<Page<Referral>>;
  /** The year's counter, and the subjects and waiting referrals known by these match keys. */
  beforeSubmit(areaId: string, year: number, hashes: string[]): Promise<BeforeSubmit>;
  awaitingApprovalBy(areaId: string, managerId: string): Promise<Versioned<Referral>[]>;

  /** A panel's open cases (and those decided at `decidedOn`), with the subjects of its drifting actions. */
  casesAndDrift(
    areaId: string,
    panelId: string,
    today: string,
    decidedOn?: string,
  ): Promise<{ cases: Versioned<StoredCase>[]; drifting: Set<string> }>;
  subjectAndCase(
    areaId: string,
    panelId: string,
    subjectId: string,
  ): Promise<{ subject?: Versioned<Subject>; case?: Versioned<StoredCase> }>;
  case(areaId: string, panelId: string, subjectId: string): Promise<Versioned<StoredCase> | undefined>;

  /** The decision on a case at a meeting, or the chairs' decision recorded against it. */
  decision(
    areaId: string,
    panelId: string,
    meetingId: string,
    subjectId: string,
    how?: DecisionHow,
  ): Promise<Versioned<StoredDecision> | undefined>;
  decisionsAt(areaId: string, panelId: string, meetingId: string): Promise<Versioned<StoredDecision>[]>;

  action(areaId: string, panelId: string, id: string): Promise<Versioned<Action> | undefined>;
  /** A panel's open actions, soonest due first. */
  openActions(areaId: string, panelId: string): Promise<Versioned<Action>[]>;
  /** A page of a panel's done actions, the most recently completed first. */
  doneActions(areaId: string, panelId: string, size: number, after?: PagePosition): Promise<Page<Action>>;
  /** The actions agreed at one meeting. */
  actionsAt(areaId: string, panelId: string, meetingId: string): Promise<Versioned<Action>[]>;
  counter(kind: CounterKind, areaId: string, year: number): Promise<Versioned<ReferenceCounter> | undefined>;

  /** The notices waiting to be delivered in an area. */
  notices(areaId: string): Promise<Versioned<Notice>[]>;
  /** Moves one notice on (claimed, retried); ConcurrencyConflict if it changed since `etag`. */
  replaceNotice(n: Notice, etag: string): Promise<Versioned<Notice>>;
}
