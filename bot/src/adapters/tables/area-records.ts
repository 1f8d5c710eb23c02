import { odata, type TransactionAction } from "@azure/data-tables";
import { Subject } from "../../domain/cohort/case.js";
import { Referral } from "../../domain/referrals/referral.js";
import { Notice } from "../../domain/referrals/notice.js";
import { Action } from "../../domain/actions/action.js";
import { AccessRequest } from "../../domain/people/access-request.js";
import {
  MatchRow,
  ReferenceCounter,
  StoredAudit,
  StoredCase,
  StoredDecision,
  type BeforeSubmit,
} from "../../application/ports/casework.js";
import { ReminderProblem } from "../../application/ports/deliveries.js";
import type { Versioned } from "../../application/ports/versioned.js";
import { EntityStore, keyOf, prefixEnd } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// An area's casework lives in one partition of one table: referrals, reference counters, match
// keys for likely duplicates, subjects, cases, audit entries, requests to join a panel and
// undelivered notices. A referral
// step is then one transaction, all or nothing, in one storage round trip.

export const decisionRow = (panelId: string, meetingId: string, subjectId: string): string =>
  `decision|${panelId}|${meetingId}|${subjectId}`;

export const referralRow = (panelId: string, id: string): string => `referral|${panelId}|${id}`;
const counterRow = (year: number): string => `counter|${year}`;
const matchPrefix = (hash: string): string => `match|${hash}|`;
export const actionRow = (panelId: string, id: string): string => `action|${panelId}|${id}`;
export const caseRow = (panelId: string, subjectId: string): string => `case|${panelId}|${subjectId}`;
const subjectRow = (id: string): string => `subject|${id}`;
export const accessRow = (panelId: string, personId: string): string =>
  `access|${panelId}|${personId ? keyOf(personId) : ""}`;

export function areaRecords(tables: TableFactory) {
  const client = tables(TABLES.areaRecords);
  const stores = {
    referrals: new EntityStore(client, Referral, (r) => ({
      partitionKey: keyOf(r.areaId),
      rowKey: referralRow(r.panelId, r.id),
    })),
    counters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: counterRow(c.year),
    })),
    matches: new EntityStore(client, MatchRow, (m) => ({
      partitionKey: keyOf(m.areaId),
      rowKey: `${matchPrefix(m.hash)}${m.subjectId}`,
    })),
    subjects: new EntityStore(client, Subject, (s) => ({
      partitionKey: keyOf(s.areaId),
      rowKey: subjectRow(s.id),
    })),
    cases: new EntityStore(client, StoredCase, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: caseRow(c.panelId, c.subjectId),
    })),
    audit: new EntityStore(client, StoredAudit, (a) => ({
      partitionKey: keyOf(a.areaId),
      rowKey: `audit|${a.at}|${a.id}`,
    })),
    notices: new EntityStore(client, Notice, (n) => ({
      partitionKey: keyOf(n.areaId),
      rowKey: `notice|${n.at}|${n.id}`,
    })),
    actions: new EntityStore(client, Action, (a) => ({
      partitionKey: keyOf(a.areaId),
      rowKey: actionRow(a.panelId, a.id),
    })),
    decisions: new EntityStore(client, StoredDecision, (d) => ({
      partitionKey: keyOf(d.areaId),
      rowKey: decisionRow(d.panelId, d.meetingId, d.subjectId),
    })),
    reminderProblems: new EntityStore(client, ReminderProblem, (p) => ({
      partitionKey: keyOf(p.areaId),
      rowKey: `reminder-problem|${p.panelId}|${keyOf(p.id)}`,
    })),
    accessRequests: new EntityStore(client, AccessRequest, (r) => ({
      partitionKey: keyOf(r.areaId),
      rowKey: accessRow(r.panelId, r.personId),
    })),
    actionCounters: new EntityStore(client, ReferenceCounter, (c) => ({
      partitionKey: keyOf(c.areaId),
      rowKey: `action-counter|${c.year}`,
    })),
  };

  return {
    ...stores,

    /** All or nothing, in one round trip: every action must be in the same area. */
    async transact(actions: TransactionAction[]): Promise<void> {
      await client.submitTransaction(actions);
    },

    /**
     * What a submit needs to know, in one query: whether this form was already stored, the year's
     * reference counter, and the subjects already known by the same match keys.
     */
    async beforeSubmit(
      areaId: string,
      panelId: string,
      referralId: string,
      year: number,
      hashes: string[],
    ): Promise<BeforeSubmit> {
      const rows = [
        odata`RowKey eq ${referralRow(panelId, referralId)}`,
        odata`RowKey eq ${counterRow(year)}`,
        ...hashes.map((h) => odata`(RowKey ge ${matchPrefix(h)} and RowKey lt ${prefixEnd(matchPrefix(h))})`),
      ];
      const filter = `${odata`PartitionKey eq ${keyOf(areaId)}`} and (${rows.join(" or ")})`;
      const result: BeforeSubmit = { existing: undefined, counter: undefined, matches: [] };
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        const rowKey = String(entity.rowKey);
        if (rowKey.startsWith("referral|")) result.existing = stores.referrals.fromEntity(entity);
        else if (rowKey.startsWith("counter|")) result.counter = stores.counters.fromEntity(entity);
        else result.matches.push(stores.matches.fromEntity(entity).value);
      }
      return result;
    },

    /** Referrals in an area waiting for this manager's approval. */
    awaitingApprovalBy(areaId: string, managerId: string): Promise<Versioned<Referral>[]> {
      return stores.referrals.listRange(
        keyOf(areaId),
        "referral|",
        odata`managerId eq ${managerId} and status eq ${"awaiting-approval"}`,
      );
    },

    /**
     * A panel's cases, and the subjects of its actions overdue on `today`, in one query: what an
     * agenda is built from.
     */
    async casesAndDrift(
      areaId: string,
      panelId: string,
      today: string,
      decidedOn = "",
    ): Promise<{ cases: Versioned<StoredCase>[]; drifting: Set<string> }> {
      const casesFrom = caseRow(panelId, "");
      const actionsFrom = actionRow(panelId, "");
      // Open cases, and those (even closed) decided at the meeting being read.
      const filter =
        odata`PartitionKey eq ${keyOf(areaId)} and ((RowKey ge ${casesFrom} and RowKey lt ${prefixEnd(casesFrom)} and (status eq ${"open"} or decidedOn eq ${decidedOn || "-"}))` +
        odata` or (RowKey ge ${actionsFrom} and RowKey lt ${prefixEnd(actionsFrom)} and status eq ${"open"} and dueDate lt ${today}))`;
      const found = { cases: [] as Versioned<StoredCase>[], drifting: new Set<string>() };
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        if (String(entity.rowKey).startsWith("case|")) found.cases.push(stores.cases.fromEntity(entity));
        else {
          const action = stores.actions.fromEntity(entity).value;
          if (action.subjectId) found.drifting.add(action.subjectId);
        }
      }
      return found;
    },

    /** A subject and its case on one panel, if either exists, in one query. */
    async subjectAndCase(
      areaId: string,
      panelId: string,
      subjectId: string,
    ): Promise<{ subject?: Versioned<Subject>; case?: Versioned<StoredCase> }> {
      const filter = odata`PartitionKey eq ${keyOf(areaId)} and (RowKey eq ${subjectRow(subjectId)} or RowKey eq ${caseRow(panelId, subjectId)})`;
      const found: { subject?: Versioned<Subject>; case?: Versioned<StoredCase> } = {};
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        if (String(entity.rowKey).startsWith("subject|")) found.subject = stores.subjects.fromEntity(entity);
        else found.case = stores.cases.fromEntity(entity);
      }
      return found;
    },
  };
}
export type AreaRecords = ReturnType<typeof areaRecords>;
