import type { TransactionAction } from "@azure/data-tables";
import type { Casework, CaseworkUnit, StoredAudit } from "../../application/ports/casework.js";
import { isAbout } from "../../domain/audit/audit-about.js";
import { finishedAt, type Action } from "../../domain/actions/action.js";
import type { Referral } from "../../domain/referrals/referral.js";
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
import { caseworkArchive, archivedBefore, type Kept } from "./casework-archive.js";
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
import { created, followCopies, replaced } from "./record-writes.js";
import { registerTables } from "./register-tables.js";
import { caseNoteTables } from "./case-note-tables.js";
import { thresholdingOutcomeTables } from "./thresholding-outcome-tables.js";
import { subjectRecordTables } from "./subject-record-tables.js";
import { reportRecordTables } from "./report-record-tables.js";
import { matchTables, recordRemovalTables } from "./record-removal-tables.js";
import { isStatus, keyOf, rangeFilter } from "./entity-store.js";
import type { TableFactory } from "./storage.js";

// The casework port over the area's partition of AreaRecords: a unit of work is one table
// transaction, so a step, its audit entry, its notices and the copies its lists read are written
// together or not at all. The audit entries of reads go to the audit trail's own table, and those
// of changes follow them there once committed (change-audit-move.ts). Finished referrals and
// actions move on to the archive (casework-archive.ts); reads by key and the lists that can reach
// them look there too, and a change to one brings it back.

/** Storage refused a transaction because a record changed, appeared or went since it was read. */
const conflicted = (e: unknown): boolean => isStatus(e, 409) || isStatus(e, 412) || isStatus(e, 404);

/** A newest-first list of referrals, by when each was made. */
const referralList = (prefix: string) => ({
  prefix,
  placeOf: (r: Referral) => prefix + referralPlace(r.submitted.at, r.id),
  listedAt: (r: Referral) => r.submitted.at,
});

export function caseworkTables(tables: TableFactory): Casework {
  const records = areaRecords(tables);
  const trail = auditTrailRecords(tables);
  const caseNotes = caseNoteTables(tables);
  const thresholdings = thresholdingOutcomeTables(tables);
  const archive = caseworkArchive(tables, records);

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
    ...subjectRecordTables(records, archive),
    ...matchTables(records),
    ...reportRecordTables(records, archive),
    ...registerTables(records, archive),
    ...caseNotes.records,
    ...thresholdings.records,
    unit(_areaId: string, by: string): CaseworkUnit {
      const actions: TransactionAction[] = [];
      const add = (more: TransactionAction[]) => void actions.push(...more);
      // Rows of other tables the unit changes (a meeting's note, an archived record's claim),
      // written before its transaction.
      const first: (() => Promise<void>)[] = [];
      // Retention's removals of referrals and actions, resolved where each record is at commit.
      const removals: (() => Promise<TransactionAction[]>)[] = [];
      // Archived rows of records the unit brought back live, forgotten once it has committed.
      const after: (() => Promise<void>)[] = [];
      /**
       * A change to an archived record claims its archived row (refused if that changed or went
       * since it was read), creates it live again, and once that commits its archived rows go.
       */
      const changed = <T extends Record<string, unknown> & { id: string }>(
        kind: Kept<T>,
        next: T,
        before: Versioned<T>,
      ) => {
        if (!archive.isArchived(before)) return add(replaced(kind.live, kind.copiesOf, next, before, by));
        const claim = archive.claimOf(kind, before);
        let claimed = "";
        first.push(async () => void (claimed = await claim()));
        add(created(kind.live, kind.copiesOf, next, by));
        after.push(() => archive.forgetArchived(kind, before, claimed));
      };

      return {
        createReferral: (r) => add(created(records.referrals, referralCopies, r, by)),
        replaceReferral: (r, before) => changed(archive.referrals, r, before),
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
        replaceAction: (a, before) => changed(archive.actions, a, before),
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
        ...recordRemovalTables(records, add, {
          referral: (r) => void removals.push(() => archive.removal(archive.referrals, r)),
          action: (a) => void removals.push(() => archive.removal(archive.actions, a)),
        }),
        ...caseNotes.writes(add, (step) => void first.push(step), by),
        ...thresholdings.writes(add, by),
        async commit() {
          for (const step of first) await step();
          const removed = await Promise.all(removals.map((r) => r()));
          await commit([...actions, ...removed.flat()]);
          // The change is stored: an archived row left behind is older than the live one every read prefers.
          await Promise.all(after.map((step) => step().catch(() => undefined)));
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

    referral: (areaId, panelId, id) => archive.get(archive.referrals, areaId, referralRow(panelId, id)),
    async referralById(areaId, id) {
      return (await archive.get(archive.referrals, areaId, referralByIdRow(id)))?.value;
    },
    async referralPage(areaId, panelId, list, size, after) {
      const prefix = referralLists[list](panelId);
      const afterKey = after && prefix + referralPlace(after.at, after.id);
      // Only settled referrals are archived: those waiting are all live.
      if (list === "waiting") return records.referrals.listPage(keyOf(areaId), prefix, size, afterKey);
      return archive.page(archive.referrals, areaId, referralList(prefix), size, afterKey);
    },
    referralsBy(areaId, referrerId, size, after) {
      const prefix = referralLists.by(referrerId);
      const afterKey = after && prefix + referralPlace(after.at, after.id);
      return archive.page(archive.referrals, areaId, referralList(prefix), size, afterKey);
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

    action: (areaId, panelId, id) => archive.get(archive.actions, areaId, actionRow(panelId, id)),
    openActions: (areaId, panelId) => records.actions.listRange(keyOf(areaId), actionLists.open(panelId)),
    doneActions: (areaId, panelId, size, after) => {
      const prefix = actionLists.done(panelId);
      const list = {
        prefix,
        placeOf: (a: Action) => prefix + donePlace(finishedAt(a), a.id),
        listedAt: finishedAt,
      };
      return archive.page(
        archive.actions,
        areaId,
        list,
        size,
        after && prefix + donePlace(after.at, after.id),
      );
    },
    actionsAt: (areaId, panelId, meetingId) =>
      // A meeting since the live window began has all its actions live (casework-archive.ts).
      meetingId >= archivedBefore(new Date()).slice(0, 10)
        ? records.actions.listRange(keyOf(areaId), actionLists.at(panelId, meetingId))
        : archive.range(archive.actions, areaId, actionLists.at(panelId, meetingId)),
    counter: (kind, areaId, year) => records.counterOf(kind).get(keyOf(areaId), counterRows[kind](year)),

    accessRequest: (areaId, panelId, personId) =>
      records.accessRequests.get(keyOf(areaId), accessRow(panelId, personId)),
    openAccessRequests: (areaId, panelId) =>
      records.accessRequests.listRange(keyOf(areaId), panelId ? openAccessList(panelId) : "access-open|"),

    notices: (areaId) => records.notices.listRange(keyOf(areaId), "notice|"),
    replaceNotice: (n, etag) => records.notices.replace(n, etag, "notices"),
  };
}
