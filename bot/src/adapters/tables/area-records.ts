import type { TransactionAction } from "@azure/data-tables";
import { Subject } from "../../domain/cohort/case.js";
import { howTaken, type DecisionHow } from "../../domain/decisions/taken.js";
import { Link } from "../../domain/links/link.js";
import { Referral } from "../../domain/referrals/referral.js";
import { Notice } from "../../domain/referrals/notice.js";
import { Action } from "../../domain/actions/action.js";
import { AccessRequest } from "../../domain/people/access-request.js";
import { MeetingPlan } from "../../domain/strategic/forward-plan.js";
import { z } from "zod";
import { RegisterItem, RegisterReview } from "../../domain/strategic/register-item.js";
import {
  MatchRow,
  ReferenceCounter,
  StoredAudit,
  StoredCase,
  StoredDecision,
  type BeforeSubmit,
  type CounterKind,
} from "../../application/ports/casework.js";
import { ReminderProblem } from "../../application/ports/deliveries.js";
import type { Versioned } from "../../application/ports/versioned.js";
import { caseLists, actionLists, referralLists } from "./casework-copies.js";
import { EntityStore, keyOf, rangeFilter } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// An area's casework lives in one partition of one table: referrals, reference counters, match
// keys for likely duplicates, subjects, cases, the audit entries of changes, requests to join a
// panel, undelivered notices, and the copies its lists read (casework-copies.ts). A step is then
// one transaction, all or nothing, in one storage round trip. Every read is a point read or one
// contiguous key range; the reads of a step that need several go out together.

/** A chairs' decision between meetings has its own row, beside the one the meeting takes on the case. */
export const decisionRow = (
  panelId: string,
  meetingId: string,
  subjectId: string,
  how: DecisionHow = "at-the-meeting",
): string => `decision|${panelId}|${meetingId}|${subjectId}${how === "chairs-decision" ? "|chairs" : ""}`;

export const referralRow = (panelId: string, id: string): string => `referral|${panelId}|${id}`;
/** Each year's counter of references: of referrals, of actions, of subjects recorded from links. */
export const counterRows = {
  referral: (year: number): string => `counter|${year}`,
  action: (year: number): string => `action-counter|${year}`,
  subject: (year: number): string => `subject-counter|${year}`,
  register: (year: number): string => `register-counter|${year}`,
} as const;
const counterRow = counterRows.referral;
export const matchPrefix = (hash: string): string => `match|${hash}|`;
/** A subject's key under its id; a waiting referral's beside them, under its own. */
const matchRow = (m: MatchRow): string =>
  `${matchPrefix(m.hash)}${m.subjectId ?? `referral|${m.referralId ?? ""}`}`;
export const actionRow = (panelId: string, id: string): string => `action|${panelId}|${id}`;
export const caseRow = (panelId: string, subjectId: string): string => `case|${panelId}|${subjectId}`;
export const subjectRow = (id: string): string => `subject|${id}`;
export const linkRow = (id: string): string => `link-id|${id}`;
export const accessRow = (panelId: string, personId: string): string =>
  `access|${panelId}|${personId ? keyOf(personId) : ""}`;

export const registerRow = (panelId: string, id: string): string => `register|${panelId}|${id}`;
/** An entry's reviews, one row each by meeting: a long-reviewed entry never outgrows a row. */
export const registerReviewRows = (panelId: string, itemId: string): string =>
  `register-review|${panelId}|${itemId}|`;

/** An entry's own row holds no reviews: they are rows of their own beside it. */
const StoredRegisterItem = RegisterItem.extend({ reviews: z.array(RegisterReview).max(0) });
export const StoredRegisterReview = RegisterReview.extend({
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  itemId: z.uuid(),
});
export type StoredRegisterReview = z.infer<typeof StoredRegisterReview>;
export const planRow = (panelId: string, meetingId: string): string => `plan|${panelId}|${meetingId}`;

export function areaRecords(tables: TableFactory) {
  const client = tables(TABLES.areaRecords);
  const stores = {
    referrals: new EntityStore(
      client,
      Referral,
      (r) => ({ partitionKey: keyOf(r.areaId), rowKey: referralRow(r.panelId, r.id) }),
      { revisioned: true },
    ),
    counters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: counterRow(c.year),
    })),
    matches: new EntityStore(client, MatchRow, (m) => ({
      partitionKey: keyOf(m.areaId),
      rowKey: matchRow(m),
    })),
    subjects: new EntityStore(
      client,
      Subject,
      (s) => ({ partitionKey: keyOf(s.areaId), rowKey: subjectRow(s.id) }),
      { revisioned: true },
    ),
    links: new EntityStore(client, Link, (l) => ({ partitionKey: keyOf(l.areaId), rowKey: linkRow(l.id) }), {
      revisioned: true,
    }),
    cases: new EntityStore(
      client,
      StoredCase,
      (c) => ({ partitionKey: keyOf(c.areaId), rowKey: caseRow(c.panelId, c.subjectId) }),
      { revisioned: true },
    ),
    audit: new EntityStore(client, StoredAudit, (a) => ({
      partitionKey: keyOf(a.areaId),
      rowKey: `audit|${a.at}|${a.id}`,
    })),
    notices: new EntityStore(client, Notice, (n) => ({
      partitionKey: keyOf(n.areaId),
      rowKey: `notice|${n.at}|${n.id}`,
    })),
    actions: new EntityStore(
      client,
      Action,
      (a) => ({ partitionKey: keyOf(a.areaId), rowKey: actionRow(a.panelId, a.id) }),
      { revisioned: true },
    ),
    decisions: new EntityStore(client, StoredDecision, (d) => ({
      partitionKey: keyOf(d.areaId),
      rowKey: decisionRow(d.panelId, d.meetingId, d.subjectId, howTaken(d)),
    })),
    reminderProblems: new EntityStore(client, ReminderProblem, (p) => ({
      partitionKey: keyOf(p.areaId),
      rowKey: `reminder-problem|${p.panelId}|${keyOf(p.id)}`,
    })),
    accessRequests: new EntityStore(
      client,
      AccessRequest,
      (r) => ({ partitionKey: keyOf(r.areaId), rowKey: accessRow(r.panelId, r.personId) }),
      { revisioned: true },
    ),
    registerItems: new EntityStore(
      client,
      StoredRegisterItem,
      (r) => ({ partitionKey: keyOf(r.areaId), rowKey: registerRow(r.panelId, r.id) }),
      { revisioned: true },
    ),
    registerReviews: new EntityStore(client, StoredRegisterReview, (r) => ({
      partitionKey: keyOf(r.areaId),
      rowKey: registerReviewRows(r.panelId, r.itemId) + r.meetingId,
    })),
    meetingPlans: new EntityStore(client, MeetingPlan, (p) => ({
      partitionKey: keyOf(p.areaId),
      rowKey: planRow(p.panelId, p.meetingId),
    })),
    actionCounters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: counterRows.action(c.year),
    })),
    subjectCounters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: counterRows.subject(c.year),
    })),
    registerCounters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: counterRows.register(c.year),
    })),
  };

  return {
    ...stores,

    counterOf: (kind: CounterKind) =>
      ({
        referral: stores.counters,
        action: stores.actionCounters,
        subject: stores.subjectCounters,
        register: stores.registerCounters,
      })[kind],

    /** All or nothing, in one round trip: every action must be in the same area. */
    async transact(actions: TransactionAction[]): Promise<void> {
      await client.submitTransaction(actions);
    },

    /**
     * What a submit needs to know, read together: the year's reference counter, and the subjects
     * and waiting referrals already known by the same match keys (one range for each key).
     */
    async beforeSubmit(areaId: string, year: number, hashes: string[]): Promise<BeforeSubmit> {
      const pk = keyOf(areaId);
      const [counter, ...matches] = await Promise.all([
        stores.counters.get(pk, counterRow(year)),
        ...hashes.map((h) => stores.matches.listRange(pk, matchPrefix(h))),
      ]);
      return { counter, matches: matches.flat().map((m) => m.value) };
    },

    /** Referrals in an area waiting for this manager's approval: one range of their list. */
    awaitingApprovalBy(areaId: string, managerId: string): Promise<Versioned<Referral>[]> {
      return stores.referrals.listRange(keyOf(areaId), referralLists.approval(managerId));
    },

    /**
     * A panel's open cases (and those decided on `decidedOn`), and the subjects of its actions
     * overdue on `today`: what an agenda is built from. Three ranges, read together: overdue
     * actions are the open ones due before today.
     */
    async casesAndDrift(
      areaId: string,
      panelId: string,
      today: string,
      decidedOn = "",
    ): Promise<{ cases: Versioned<StoredCase>[]; drifting: Set<string> }> {
      const pk = keyOf(areaId);
      const overdue = async () => {
        const found: Versioned<Action>[] = [];
        const filter = rangeFilter(
          pk,
          actionLists.open(panelId),
          undefined,
          `${actionLists.open(panelId)}${today}`,
        );
        for await (const e of client.listEntities({ queryOptions: { filter } }))
          found.push(stores.actions.fromEntity(e));
        return found;
      };
      const [open, decided, late] = await Promise.all([
        stores.cases.listRange(pk, caseLists.open(panelId)),
        decidedOn ? stores.cases.listRange(pk, caseLists.decidedOn(panelId, decidedOn)) : [],
        overdue(),
      ]);
      const cases = new Map([...decided, ...open].map((c) => [c.value.subjectId, c]));
      const drifting = new Set(late.flatMap((a) => (a.value.subjectId ? [a.value.subjectId] : [])));
      return { cases: [...cases.values()], drifting };
    },

    /** A subject and its case on one panel, if either exists: two point reads, together. */
    async subjectAndCase(
      areaId: string,
      panelId: string,
      subjectId: string,
    ): Promise<{ subject?: Versioned<Subject>; case?: Versioned<StoredCase> }> {
      const pk = keyOf(areaId);
      const [subject, found] = await Promise.all([
        stores.subjects.get(pk, subjectRow(subjectId)),
        stores.cases.get(pk, caseRow(panelId, subjectId)),
      ]);
      return { ...(subject && { subject }), ...(found && { case: found }) };
    },
  };
}
export type AreaRecords = ReturnType<typeof areaRecords>;
