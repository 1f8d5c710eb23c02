import { closedAtOf } from "../../../bot/src/domain/cohort/case.js";
import { reachedPanel, type Referral } from "../../../bot/src/domain/referrals/referral.js";
import type { StoredCase } from "../../../bot/src/application/ports/casework.js";
import type { ReportRecords } from "../../../bot/src/application/ports/report-records.js";
import { keyOf, type Calls, type FakeTable } from "./records.js";

// The figures run's reads in memory: the same answers, in the same order (newest first), as the
// ranges report-record-tables.ts reads of the lists' copies, found here by filtering the records.

const at = (iso: string) => Date.parse(iso);
const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  at(b.at) - at(a.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function fakeReportRecords(table: FakeTable, calls: Calls): ReportRecords {
  return {
    referralsMade(areaId, panelId, from, to) {
      calls.count("referralsMade");
      const reached = table
        .range<Referral>(keyOf(areaId), `referral|${panelId}|`)
        .map((r) => r.value)
        .filter(reachedPanel)
        .filter((r) => at(r.submitted.at) >= at(from) && at(r.submitted.at) < at(to));
      return Promise.resolve(
        reached.sort((a, b) =>
          newestFirst({ at: a.submitted.at, id: a.id }, { at: b.submitted.at, id: b.id }),
        ),
      );
    },
    casesClosedSince(areaId, panelId, since) {
      calls.count("casesClosedSince");
      const closed = table
        .range<StoredCase>(keyOf(areaId), `case|${panelId}|`)
        .map((c) => c.value)
        .filter((c) => c.status === "closed" && at(closedAtOf(c)) >= at(since));
      return Promise.resolve(
        closed.sort((a, b) =>
          newestFirst({ at: closedAtOf(a), id: a.subjectId }, { at: closedAtOf(b), id: b.subjectId }),
        ),
      );
    },
  };
}
