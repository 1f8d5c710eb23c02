import type { TransactionAction } from "@azure/data-tables";
import type { MatchRecords, RecordRemovals } from "../../application/ports/record-removals.js";
import type { Action } from "../../domain/actions/action.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { matchPrefix, type AreaRecords } from "./area-records.js";
import { caseCopies, decisionCopies, linkCopies, subjectCopies } from "./casework-copies.js";
import { keyOf, type EntityStore } from "./entity-store.js";

// Retention's removals over the area's partition: a record's row goes with every copy its lists
// read (casework-copies.ts), in the same transaction, so no list is left showing what is gone; a
// link's copies under both of its ends go with it. Referrals and actions may be in the archive
// (casework-archive.ts): where each is is found when the unit commits.

export function recordRemovalTables(
  records: AreaRecords,
  add: (actions: TransactionAction[]) => void,
  finished: { referral(r: Referral): void; action(a: Action): void },
): RecordRemovals {
  const removed = <T extends Record<string, unknown>>(
    store: EntityStore<T>,
    copiesOf: (v: T) => string[],
    v: T,
  ) => add([store.deleteAction(v), ...copiesOf(v).map((k) => store.deleteCopyAction(v, k))]);
  return {
    removeSubject: (s) => removed(records.subjects, subjectCopies, s),
    removeCase: (c) => removed(records.cases, caseCopies, c),
    removeReferral: (r) => finished.referral(r),
    removeDecision: (d) => removed(records.decisions, decisionCopies, d),
    removeAction: (a) => finished.action(a),
    removeLink: (l) => removed(records.links, linkCopies, l),
  };
}

export function matchTables(records: AreaRecords): MatchRecords {
  return {
    async matches(areaId, hashes) {
      const pk = keyOf(areaId);
      const found = await Promise.all(
        [...new Set(hashes)].map((h) => records.matches.listRange(pk, matchPrefix(h))),
      );
      return found.flat().map((m) => m.value);
    },
  };
}
