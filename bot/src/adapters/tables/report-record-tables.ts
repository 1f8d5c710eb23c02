import type { ReportRecords } from "../../application/ports/report-records.js";
import type { AreaRecords } from "./area-records.js";
import { caseLists, newestFirst, referralLists } from "./casework-copies.js";
import { keyOf, prefixEnd, type EntityStore } from "./entity-store.js";

// The figures run's reads, over the copies casework-copies.ts keeps newest first: the referrals
// made in a period and the cases closed since a moment are each one contiguous key range.

/** The keys of a newest-first list whose moment is from `from` up to, not including, `to`. */
function between<T extends Record<string, unknown>>(
  store: EntityStore<T>,
  areaId: string,
  prefix: string,
  from: string,
  to: string | undefined,
) {
  // Keys hold the moment counted down: everything at `to` or later sorts before the first key wanted.
  const first = to ? prefixEnd(`${prefix}${newestFirst(to)}|`) : prefix;
  const end = prefixEnd(`${prefix}${newestFirst(from)}|`);
  return store.listBetween(keyOf(areaId), first, end);
}

export function reportRecordTables(records: AreaRecords): ReportRecords {
  return {
    async referralsMade(areaId, panelId, from, to) {
      const found = await between(records.referrals, areaId, referralLists.reached(panelId), from, to);
      return found.map((r) => r.value);
    },
    async casesClosedSince(areaId, panelId, since) {
      const found = await between(records.cases, areaId, caseLists.closed(panelId), since, undefined);
      return found.map((c) => c.value);
    },
  };
}
