import { placeOf, type DocumentPlace, type DocumentRecords } from "../../application/ports/documents.js";
import { AttachedDocument } from "../../domain/documents/document.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Documents' records in `Documents`, one partition per area: under their case's subject
// (`subject|{subject}|{id}`) or their referral (`referral|{referral}|{id}`), so each list is one
// key range. The rows of used download links share the table (`used-links.ts`).

const rowOf = (place: DocumentPlace, id: string): string =>
  "subjectId" in place ? `subject|${keyOf(place.subjectId)}|${id}` : `referral|${place.referralId}|${id}`;

const oldestFirst = <T extends { value: AttachedDocument }>(found: T[]): T[] =>
  found.sort((a, b) => a.value.uploadedAt.localeCompare(b.value.uploadedAt));

export function documentRecords(tables: TableFactory): DocumentRecords {
  const documents = new EntityStore(tables(TABLES.documents), AttachedDocument, (d) => ({
    partitionKey: keyOf(d.areaId),
    rowKey: rowOf(placeOf(d), d.id),
  }));
  return {
    add: (d, by) => documents.insert(d, by),
    get: (areaId, place, id) => documents.get(keyOf(areaId), rowOf(place, id)),
    ofSubject: async (areaId, subjectId) =>
      oldestFirst(await documents.listRange(keyOf(areaId), `subject|${keyOf(subjectId)}|`)),
    ofReferral: async (areaId, referralId) =>
      oldestFirst(await documents.listRange(keyOf(areaId), `referral|${referralId}|`)),
    replace: (d, etag, by) => documents.replace(d, etag, by),
    async remove(d) {
      const keys = documents.keys(d);
      try {
        await documents.client.deleteEntity(keys.partitionKey, keys.rowKey);
      } catch (e) {
        if (!isStatus(e, 404)) throw e;
      }
    },
  };
}
