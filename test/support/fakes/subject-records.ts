import type { Action } from "../../../bot/src/domain/actions/action.js";
import { closedAtOf, type Subject } from "../../../bot/src/domain/cohort/case.js";
import { searchKeys, postcodeKey, wordKey } from "../../../bot/src/domain/cohort/subject-search.js";
import type { Link } from "../../../bot/src/domain/links/link.js";
import type { Page, StoredCase, StoredDecision } from "../../../bot/src/application/ports/casework.js";
import type { SubjectRecords } from "../../../bot/src/application/ports/subject-records.js";
import type { Versioned } from "../../../bot/src/application/ports/versioned.js";
import { keyOf, type Calls, type FakeTable } from "./records.js";

// The panel's record seen from a subject, in memory: the same answers, in the same order, as the
// copies subject-record-tables.ts reads, found here by filtering the records themselves.

export const linkRow = (id: string) => `link-id|${id}`;

export function fakeSubjectRecords(table: FakeTable, calls: Calls): SubjectRecords {
  const all = <T>(name: string, areaId: string, prefix: string) => {
    calls.count(name);
    return table.range<T>(keyOf(areaId), prefix).map((r) => r.value);
  };
  const subjects = (areaId: string) => table.range<Subject>(keyOf(areaId), "subject|");
  return {
    subject: (areaId, id) => {
      calls.count("subject");
      return Promise.resolve(table.get<Subject>(keyOf(areaId), `subject|${id}`));
    },
    subjects(areaId, ids) {
      calls.count("subjects");
      const wanted = new Set(ids);
      return Promise.resolve(
        new Map(subjects(areaId).flatMap((s) => (wanted.has(s.value.id) ? [[s.value.id, s.value]] : []))),
      );
    },
    findSubjects(areaId, search, size) {
      calls.count("findSubjects");
      const found = subjects(areaId)
        .map((s) => s.value)
        .filter((s) => {
          if (search.by === "reference") return s.reference === search.reference;
          const keys = searchKeys(s);
          return search.by === "word"
            ? keys.words.includes(wordKey(search.word))
            : keys.postcodes.includes(postcodeKey(search.postcode));
        })
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      return Promise.resolve(found.slice(0, size));
    },

    link: (areaId, id) => {
      calls.count("link");
      return Promise.resolve(table.get<Link>(keyOf(areaId), linkRow(id)));
    },
    subjectLinks: (areaId, subjectId) =>
      Promise.resolve(
        all<Link>("subjectLinks", areaId, "link-id|")
          .filter((l) => l.from === subjectId || l.to === subjectId)
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      ),
    subjectCases: (areaId, subjectId) =>
      Promise.resolve(
        all<StoredCase>("subjectCases", areaId, "case|")
          .filter((c) => c.subjectId === subjectId)
          .sort((a, b) => (a.panelId < b.panelId ? -1 : 1)),
      ),
    subjectDecisions: (areaId, subjectId) =>
      Promise.resolve(
        all<StoredDecision>("subjectDecisions", areaId, "decision|")
          .filter((d) => d.subjectId === subjectId)
          .sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.panelId.localeCompare(b.panelId)),
      ),
    subjectActions: (areaId, subjectId) =>
      Promise.resolve(
        all<Action>("subjectActions", areaId, "action|")
          .filter((a) => a.subjectId === subjectId)
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      ),

    casePage(areaId, panelId, list, size, after) {
      calls.count("casePage");
      const cases = table
        .range<StoredCase>(keyOf(areaId), `case|${panelId}|`)
        .filter((c) => c.value.status === list);
      const order = (c: Versioned<StoredCase>) =>
        list === "open"
          ? c.value.subjectId
          : `${9e15 - Date.parse(closedAtOf(c.value))}|${c.value.subjectId}`;
      const sorted = cases.sort((a, b) => (order(a) < order(b) ? -1 : 1));
      const from = after
        ? sorted.findIndex((c) =>
            list === "open"
              ? c.value.subjectId > after.id
              : order(c) > `${9e15 - Date.parse(after.at)}|${after.id}`,
          )
        : 0;
      const rest = from < 0 ? [] : sorted.slice(from);
      const page: Page<StoredCase> = { values: rest.slice(0, size), more: rest.length > size };
      return Promise.resolve(page);
    },
    closedBy(areaId, day, size, after) {
      calls.count("closedBy");
      const place = (c: StoredCase) => `${closedAtOf(c).slice(0, 10)}|${c.panelId}|${c.subjectId}`;
      const closed = all<StoredCase>("closedBy.read", areaId, "case|")
        .filter((c) => c.status === "closed" && closedAtOf(c).slice(0, 10) <= day)
        // As the adapter's list: a case retention anonymised leaves it until it closes again.
        .filter((c) => !c.anonymisedAt || c.anonymisedAt < closedAtOf(c))
        .filter((c) => !after || place(c) > place(after))
        .sort((a, b) => place(a).localeCompare(place(b)));
      return Promise.resolve(closed.slice(0, size));
    },
  };
}
