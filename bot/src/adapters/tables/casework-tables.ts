import { randomUUID } from "node:crypto";
import type { TransactionAction } from "@azure/data-tables";
import type { Casework, CaseworkUnit, StoredAudit } from "../../application/ports/casework.js";
import { isAbout } from "../../domain/audit/audit-about.js";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import {
  accessRow,
  actionRow,
  areaRecords,
  caseRow,
  counterRows,
  decisionRow,
  referralRow,
} from "./area-records.js";
import type { Versioned } from "../../application/ports/versioned.js";
import { auditTrailRecords } from "./audit-trail-records.js";
import {
  accessCopies,
  actionCopies,
  actionLists,
  caseCopies,
  decisionCopies,
  donePlace,
  linkCopies,
  openAccessList,
  referralByIdRow,
  registerCopies,
  referralCopies,
  referralLists,
  referralPlace,
  subjectCopies,
} from "./casework-copies.js";
import { onceEach } from "./change-audit-move.js";
import { registerTables } from "./register-tables.js";
import { caseNoteTables } from "./case-note-tables.js";
import { thresholdingOutcomeTables } from "./thresholding-outcome-tables.js";
import { subjectRecordTables } from "./subject-record-tables.js";
import { reportRecordTables } from "./report-record-tables.js";
import { matchTables, recordRemovalTables } from "./record-removal-tables.js";
import { EntityStore, isStatus, keyOf, rangeFilter } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The casework port over the area's partition of AreaRecords: a unit of work is one table
// transaction, so a step, its audit entry, its notices and the copies its lists read are written
// together or not at all. The audit entries of reads go to the audit trail's own table, and those
// of changes follow them there once committed (change-audit-move.ts).

/** Storage refused a transaction because a record changed, appeared or went since it was read. */
const conflicted = (e: unknown): boolean => isStatus(e, 409) || isStatus(e, 412) || isStatus(e, 404);

/** Copies in `before` and not in `next` go; those of `next` are written, whatever was there. */
function followCopies<T extends Record<string, unknown>>(
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

export function caseworkTables(tables: TableFactory): Casework {
  const records = areaRecords(tables);
  const trail = auditTrailRecords(tables);
  const caseNotes = caseNoteTables(tables);
  const thresholdings = thresholdingOutcomeTables(tables);

  const commit = async (actions: TransactionAction[]): Promise<void> => {
    if (!actions.length) return;
    try {
      await records.transact(actions);
    } catch (e) {
      if (conflicted(e)) throw new ConcurrencyConflict("AreaRecords", undefined);
      throw e;
    }
  };

  /**
   * The record and its copies, created together with one revision. A new record's copies cannot
   * exist yet, so they are created, not written over: a second record with the same copy (a link
   * already in force) fails the transaction, and storage checks each key once, not twice.
   */
  const created = <T extends Record<string, unknown>>(
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
  const replaced = <T extends Record<string, unknown>>(
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

  return {
    ...subjectRecordTables(records),
    ...matchTables(records),
    ...reportRecordTables(records),
    ...registerTables(records),
    ...caseNotes.records,
    ...thresholdings.records,
    unit(_areaId: string, by: string): CaseworkUnit {
      const actions: TransactionAction[] = [];
      const add = (more: TransactionAction[]) => void actions.push(...more);
      // Rows of another table the unit changes (a meeting's note), written before its transaction.
      const first: (() => Promise<void>)[] = [];

      return {
        createReferral: (r) => add(created(records.referrals, referralCopies, r, by)),
        replaceReferral: (r, before) => add(replaced(records.referrals, referralCopies, r, before, by)),
        createSubject: (s) => add(created(records.subjects, subjectCopies, s, by)),
        replaceSubject: (s, before) => add(replaced(records.subjects, subjectCopies, s, before, by)),
        addMatch: (m) => void actions.push(records.matches.upsertAction(m, by)),
        removeMatch: (m) => void actions.push(records.matches.deleteAction(m)),
        createCase: (c) => add(created(records.cases, caseCopies, c, by)),
        replaceCase: (c, before) => add(replaced(records.cases, caseCopies, c, before, by)),
        createDecision: (d) => add(created(records.decisions, decisionCopies, d, by)),
        replaceDecision: (d, etag) =>
          add([
            records.decisions.replaceAction(d, etag, by),
            ...followCopies(records.decisions, decisionCopies, d, undefined, by, ""),
          ]),
        createLink: (l) => add(created(records.links, linkCopies, l, by)),
        replaceLink: (l, before) => add(replaced(records.links, linkCopies, l, before, by)),
        createAction: (a) => add(created(records.actions, actionCopies, a, by)),
        replaceAction: (a, before) => add(replaced(records.actions, actionCopies, a, before, by)),
        setCounter: (kind, c, etag) =>
          void actions.push(
            etag
              ? records.counterOf(kind).replaceAction(c, etag, by)
              : records.counterOf(kind).createAction(c, by),
          ),
        audit: (entry) => void actions.push(records.audit.createAction(entry, entry.actorId)),
        queueNotice: (n) => void actions.push(records.notices.createAction(n, by)),
        removeNotice: (n) => void actions.push(records.notices.deleteAction(n)),
        putAccessRequest: (r, before) =>
          add(
            before
              ? replaced(records.accessRequests, accessCopies, r, before, by)
              : created(records.accessRequests, accessCopies, r, by),
          ),
        putRegisterItem(r, before) {
          // The entry's row without its reviews; each new or rewritten review as its own row.
          const entry = { ...r, reviews: [] };
          add(
            before
              ? replaced(records.registerItems, registerCopies, entry, before, by)
              : created(records.registerItems, registerCopies, entry, by),
          );
          const had = new Map((before?.value.reviews ?? []).map((v) => [v.meetingId, JSON.stringify(v)]));
          for (const review of r.reviews.filter((v) => had.get(v.meetingId) !== JSON.stringify(v)))
            actions.push(
              records.registerReviews.upsertAction(
                { ...review, areaId: r.areaId, panelId: r.panelId, itemId: r.id },
                by,
              ),
            );
        },
        putMeetingPlan: (p, before) =>
          void actions.push(
            before
              ? records.meetingPlans.replaceAction(p, before.etag, by)
              : records.meetingPlans.createAction(p, by),
          ),
        ...recordRemovalTables(records, add),
        ...caseNotes.writes(add, (step) => void first.push(step), by),
        ...thresholdings.writes(add, by),
        async commit() {
          for (const step of first) await step();
          await commit(actions);
        },
      };
    },

    appendAudit: (_areaId, entries) => trail.append(entries),
    async auditAbout(areaId, about, from, to) {
      // The entries of changes not yet moved are one range of the area's; the rest, its months.
      const changes = async () => {
        const filter = rangeFilter(keyOf(areaId), `audit|${from}`, undefined, `audit|${to}~`);
        const found: StoredAudit[] = [];
        for await (const entity of records.audit.client.listEntities({ queryOptions: { filter } })) {
          const entry = records.audit.fromEntity(entity).value;
          if (isAbout(entry, about)) found.push(entry);
        }
        return found;
      };
      const [changed, read] = await Promise.all([
        changes(),
        trail.between(areaId, from, to, (e) => isAbout(e, about)),
      ]);
      return onceEach([...changed, ...read]);
    },

    referral: (areaId, panelId, id) => records.referrals.get(keyOf(areaId), referralRow(panelId, id)),
    async referralById(areaId, id) {
      return (await records.referrals.get(keyOf(areaId), referralByIdRow(id)))?.value;
    },
    async referralPage(areaId, panelId, list, size, after) {
      const prefix = referralLists[list](panelId);
      const { values, more } = await records.referrals.listPage(
        keyOf(areaId),
        prefix,
        size,
        after && prefix + referralPlace(after.at, after.id),
      );
      return { values, more };
    },
    referralsBy(areaId, referrerId, size, after) {
      const prefix = referralLists.by(referrerId);
      return records.referrals.listPage(
        keyOf(areaId),
        prefix,
        size,
        after && prefix + referralPlace(after.at, after.id),
      );
    },
    beforeSubmit: (areaId, year, hashes) => records.beforeSubmit(areaId, year, hashes),
    awaitingApprovalBy: (areaId, managerId) => records.awaitingApprovalBy(areaId, managerId),

    casesAndDrift: (areaId, panelId, today, decidedOn) =>
      records.casesAndDrift(areaId, panelId, today, decidedOn),
    subjectAndCase: (areaId, panelId, subjectId) => records.subjectAndCase(areaId, panelId, subjectId),
    case: (areaId, panelId, subjectId) => records.cases.get(keyOf(areaId), caseRow(panelId, subjectId)),

    decision: (areaId, panelId, meetingId, subjectId, how) =>
      records.decisions.get(keyOf(areaId), decisionRow(panelId, meetingId, subjectId, how)),
    decisionsAt: (areaId, panelId, meetingId) =>
      records.decisions.listRange(keyOf(areaId), decisionRow(panelId, meetingId, "")),

    action: (areaId, panelId, id) => records.actions.get(keyOf(areaId), actionRow(panelId, id)),
    openActions: (areaId, panelId) => records.actions.listRange(keyOf(areaId), actionLists.open(panelId)),
    doneActions: (areaId, panelId, size, after) => {
      const prefix = actionLists.done(panelId);
      return records.actions.listPage(
        keyOf(areaId),
        prefix,
        size,
        after && prefix + donePlace(after.at, after.id),
      );
    },
    actionsAt: (areaId, panelId, meetingId) =>
      records.actions.listRange(keyOf(areaId), actionLists.at(panelId, meetingId)),
    counter: (kind, areaId, year) => records.counterOf(kind).get(keyOf(areaId), counterRows[kind](year)),

    accessRequest: (areaId, panelId, personId) =>
      records.accessRequests.get(keyOf(areaId), accessRow(panelId, personId)),
    openAccessRequests: (areaId, panelId) =>
      records.accessRequests.listRange(keyOf(areaId), panelId ? openAccessList(panelId) : "access-open|"),

    notices: (areaId) => records.notices.listRange(keyOf(areaId), "notice|"),
    replaceNotice: (n, etag) => records.notices.replace(n, etag, "notices"),
  };
}
