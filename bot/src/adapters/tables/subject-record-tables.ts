import type { SubjectRecords } from "../../application/ports/subject-records.js";
import { closedAtOf } from "../../domain/cohort/case.js";
import { postcodeKey, wordKey } from "../../domain/cohort/subject-search.js";
import { linkRow, subjectRow, type AreaRecords } from "./area-records.js";
import type { CaseworkArchive } from "./casework-archive.js";
import {
  actionsOfSubject,
  caseLists,
  decisionsOfSubject,
  linksOf,
  newestFirst,
  subjectLists,
} from "./casework-copies.js";
import { keyOf, prefixEnd } from "./entity-store.js";

// The panel's record seen from a subject, over the copies casework-copies.ts keeps: a subject's
// cases, decisions, actions and links are each one key range, and a search is one range of the
// digests of a name word or a postcode, so none grows with the area's history.

export function subjectRecordTables(records: AreaRecords, archive: CaseworkArchive): SubjectRecords {
  const subjects = async (areaId: string, ids: string[]) => {
    const pk = keyOf(areaId);
    const found = await Promise.all([...new Set(ids)].map((id) => records.subjects.get(pk, subjectRow(id))));
    return new Map(found.flatMap((s) => (s ? [[s.value.id, s.value] as const] : [])));
  };
  return {
    subject: (areaId, id) => records.subjects.get(keyOf(areaId), subjectRow(id)),
    subjects,
    async findSubjects(areaId, search, size) {
      const pk = keyOf(areaId);
      if (search.by === "reference") {
        const found = await records.subjects.get(pk, subjectLists.reference(search.reference));
        return found ? [found.value] : [];
      }
      const prefix =
        search.by === "word"
          ? subjectLists.word(wordKey(search.word))
          : subjectLists.postcode(postcodeKey(search.postcode));
      const page = await records.subjects.listPage(pk, prefix, size);
      return page.values.map((s) => s.value);
    },

    link: (areaId, id) => records.links.get(keyOf(areaId), linkRow(id)),
    async subjectLinks(areaId, subjectId) {
      return (await records.links.listRange(keyOf(areaId), linksOf(subjectId))).map((l) => l.value);
    },
    async subjectCases(areaId, subjectId) {
      return (await records.cases.listRange(keyOf(areaId), caseLists.ofSubject(subjectId))).map(
        (c) => c.value,
      );
    },
    async subjectDecisions(areaId, subjectId) {
      const found = await records.decisions.listRange(keyOf(areaId), decisionsOfSubject(subjectId));
      return found.map((d) => d.value);
    },
    async subjectActions(areaId, subjectId) {
      return (await archive.range(archive.actions, areaId, actionsOfSubject(subjectId))).map((a) => a.value);
    },

    async casePage(areaId, panelId, list, size, after) {
      const prefix = list === "open" ? caseLists.open(panelId) : caseLists.closed(panelId);
      const afterKey =
        after && (list === "open" ? prefix + after.id : `${prefix}${newestFirst(after.at)}|${after.id}`);
      return records.cases.listPage(keyOf(areaId), prefix, size, afterKey);
    },
    async closedBy(areaId, day, size, after) {
      const to = prefixEnd(`${caseLists.closedOn}${day}|`);
      const from =
        after && `${caseLists.closedOn}${closedAtOf(after).slice(0, 10)}|${after.panelId}|${after.subjectId}`;
      const page = await records.cases.listPage(keyOf(areaId), caseLists.closedOn, size, from, to);
      return page.values.map((c) => c.value);
    },
  };
}
