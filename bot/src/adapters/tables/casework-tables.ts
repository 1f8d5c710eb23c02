import { odata, type TransactionAction } from "@azure/data-tables";
import type { Casework, CaseworkUnit } from "../../application/ports/casework.js";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import { accessRow, actionRow, areaRecords, caseRow, decisionRow, referralRow } from "./area-records.js";
import { isStatus, keyOf } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The casework port over the area's partition of AreaRecords: a unit of work is one table
// transaction, so a step, its audit entry and its notices are written together or not at all.

/** Storage refused a transaction because a record changed, appeared or went since it was read. */
const conflicted = (e: unknown): boolean => isStatus(e, 409) || isStatus(e, 412) || isStatus(e, 404);

export function caseworkTables(tables: TableFactory): Casework {
  const records = areaRecords(tables);

  const commit = async (actions: TransactionAction[]): Promise<void> => {
    if (!actions.length) return;
    try {
      await records.transact(actions);
    } catch (e) {
      if (conflicted(e)) throw new ConcurrencyConflict("AreaRecords", undefined);
      throw e;
    }
  };

  return {
    unit(_areaId: string, by: string): CaseworkUnit {
      const actions: TransactionAction[] = [];
      const counters = { referral: records.counters, action: records.actionCounters };
      return {
        createReferral: (r) => void actions.push(records.referrals.createAction(r, by)),
        replaceReferral: (r, etag) => void actions.push(records.referrals.replaceAction(r, etag, by)),
        createSubject: (s) => void actions.push(records.subjects.createAction(s, by)),
        replaceSubject: (s, etag) => void actions.push(records.subjects.replaceAction(s, etag, by)),
        addMatch: (m) => void actions.push(records.matches.createAction(m, by)),
        createCase: (c) => void actions.push(records.cases.createAction(c, by)),
        replaceCase: (c, etag) => void actions.push(records.cases.replaceAction(c, etag, by)),
        createDecision: (d) => void actions.push(records.decisions.createAction(d, by)),
        replaceDecision: (d, etag) => void actions.push(records.decisions.replaceAction(d, etag, by)),
        createAction: (a) => void actions.push(records.actions.createAction(a, by)),
        replaceAction: (a, etag) => void actions.push(records.actions.replaceAction(a, etag, by)),
        setCounter: (kind, c, etag) =>
          void actions.push(
            etag ? counters[kind].replaceAction(c, etag, by) : counters[kind].createAction(c, by),
          ),
        audit: (entry) => void actions.push(records.audit.createAction(entry, entry.actorId)),
        queueNotice: (n) => void actions.push(records.notices.createAction(n, by)),
        removeNotice: (n) => void actions.push(records.notices.deleteAction(n)),
        putAccessRequest: (r, etag) =>
          void actions.push(
            etag
              ? records.accessRequests.replaceAction(r, etag, by)
              : records.accessRequests.createAction(r, by),
          ),
        commit: () => commit(actions),
      };
    },

    async appendAudit(_areaId, entries) {
      // A table transaction holds at most 100 entities.
      for (let i = 0; i < entries.length; i += 100) {
        await commit(entries.slice(i, i + 100).map((a) => records.audit.createAction(a, a.actorId)));
      }
    },

    referral: (areaId, panelId, id) => records.referrals.get(keyOf(areaId), referralRow(panelId, id)),
    async referralById(areaId, id) {
      const found = await records.referrals.listRange(keyOf(areaId), "referral|", odata`id eq ${id}`);
      return found[0]?.value;
    },
    referralsOf: (areaId, panelId) => records.referrals.listRange(keyOf(areaId), referralRow(panelId, "")),
    beforeSubmit: (areaId, panelId, referralId, year, hashes) =>
      records.beforeSubmit(areaId, panelId, referralId, year, hashes),
    awaitingApprovalBy: (areaId, managerId) => records.awaitingApprovalBy(areaId, managerId),

    casesAndDrift: (areaId, panelId, today, decidedOn) =>
      records.casesAndDrift(areaId, panelId, today, decidedOn),
    subjectAndCase: (areaId, panelId, subjectId) => records.subjectAndCase(areaId, panelId, subjectId),
    case: (areaId, panelId, subjectId) => records.cases.get(keyOf(areaId), caseRow(panelId, subjectId)),

    decision: (areaId, panelId, meetingId, subjectId) =>
      records.decisions.get(keyOf(areaId), decisionRow(panelId, meetingId, subjectId)),
    decisionsAt: (areaId, panelId, meetingId) =>
      records.decisions.listRange(keyOf(areaId), decisionRow(panelId, meetingId, "")),

    action: (areaId, panelId, id) => records.actions.get(keyOf(areaId), actionRow(panelId, id)),
    actionsOf: (areaId, panelId, meetingId) =>
      records.actions.listRange(
        keyOf(areaId),
        actionRow(panelId, ""),
        meetingId ? odata`meetingId eq ${meetingId}` : undefined,
      ),
    counter: (kind, areaId, year) =>
      kind === "referral"
        ? records.counters.get(keyOf(areaId), `counter|${year}`)
        : records.actionCounters.get(keyOf(areaId), `action-counter|${year}`),

    accessRequest: (areaId, panelId, personId) =>
      records.accessRequests.get(keyOf(areaId), accessRow(panelId, personId)),
    openAccessRequests: (areaId, panelId) =>
      records.accessRequests.listRange(
        keyOf(areaId),
        panelId ? accessRow(panelId, "") : "access|",
        odata`status eq ${"open"}`,
      ),

    notices: (areaId) => records.notices.listRange(keyOf(areaId), "notice|"),
    replaceNotice: (n, etag) => records.notices.replace(n, etag, "notices"),
  };
}
