import { z } from "zod";
import { placeOf, type DocumentPlace, type DocumentRecords } from "../../application/ports/documents.js";
import { AttachedDocument } from "../../domain/documents/document.js";
import { AlreadyExists } from "../../application/ports/versioned.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Documents' records in `Documents`, one partition per area: under their case's subject
// (`subject|{subject}|{id}`) or their referral (`referral|{referral}|{id}`), so each list is one
// key range; and a row per download link used (`link|{expiresAt}|{id}`), written once, so a second
// use of a link is refused whichever instance it reaches, and ordered by expiry, so the rows of
// links already expired (refused on that alone) are one key range to forget.

const rowOf = (place: DocumentPlace, id: string): string =>
  "subjectId" in place ? `subject|${keyOf(place.subjectId)}|${id}` : `referral|${place.referralId}|${id}`;

const UsedLink = z.strictObject({
  areaId: z.string().max(80),
  linkId: z.uuid(),
  expiresAt: z.iso.datetime(),
});

const oldestFirst = <T extends { value: AttachedDocument }>(found: T[]): T[] =>
  found.sort((a, b) => a.value.uploadedAt.localeCompare(b.value.uploadedAt));

export function documentRecords(tables: TableFactory): DocumentRecords {
  const documents = new EntityStore(tables(TABLES.documents), AttachedDocument, (d) => ({
    partitionKey: keyOf(d.areaId),
    rowKey: rowOf(placeOf(d), d.id),
  }));
  const links = new EntityStore(tables(TABLES.documents), UsedLink, (l) => ({
    partitionKey: keyOf(l.areaId),
    rowKey: `link|${l.expiresAt}|${l.linkId}`,
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
    async useLink(areaId, linkId, expiresAt) {
      try {
        await links.insert({ areaId, linkId, expiresAt }, "download link");
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    async forgetUsedLinks(areaId, before, most) {
      const { values } = await links.listPage(keyOf(areaId), "link|", most, undefined, `link|${before}`);
      if (!values.length) return 0;
      await links.client.submitTransaction(values.map((l) => links.deleteAction(l.value)));
      return values.length;
    },
  };
}
