import type { ReportRecords } from "../../application/ports/report-records.js";
import type { AreaRecords } from "./area-records.js";
import { archivedBefore, type CaseworkArchive } from "./casework-archive.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { caseLists, inKeyOrder, newestFirst, referralLists, referralPlace } from "./casework-copies.js";
import { keyOf, prefixEnd } from "./entity-store.js";

// The figures run's reads, over the copies casework-copies.ts keeps newest first: the referrals
// made in a period and the cases closed since a moment are each one contiguous key range.

/** The keys of a newest-first list whose moment is from `from` up to, not including, `to`. */
function between(prefix: string, from: string, to: string | undefined) {
  // Keys hold the moment counted down: everything at `to` or later sorts before the first key wanted.
  const first = to ? prefixEnd(`${prefix}${newestFirst(to)}|`) : prefix;
  return { first, end: prefixEnd(`${prefix}${newestFirst(from)}|`) };
}

export function reportRecordTables(records: AreaRecords, archive: CaseworkArchive): ReportRecords {
  return {
    async referralsMade(areaId, panelId, from, to) {
      const { first, end } = between(referralLists.reached(panelId), from, to);
      // Referrals made since the live window began are all live; a longer period reads the archive too.
      if (from >= archivedBefore(new Date()))
        return (await records.referrals.listBetween(keyOf(areaId), first, end)).map((r) => r.value);
      // Both places' ranges, merged in the order of the list's keys.
      const place = (r: Referral) => referralPlace(r.submitted.at, r.id);
      return (await archive.range(archive.referrals, areaId, first, end))
        .map((r) => r.value)
        .sort((a, b) => inKeyOrder(place(a), place(b)));
    },
    async casesClosedSince(areaId, panelId, since) {
      const { first, end } = between(caseLists.closed(panelId), since, undefined);
      const found = await records.cases.listBetween(keyOf(areaId), first, end);
      return found.map((c) => c.value);
    },
  };
}
