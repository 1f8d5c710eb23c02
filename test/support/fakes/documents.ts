import { Readable } from "node:stream";
import { documentsDesk as documentsDeskOn } from "../../../bot/src/application/documents/documents-desk.js";
import {
  placeOf,
  type DocumentFiles,
  type DocumentPlace,
  type DocumentRecords,
} from "../../../bot/src/application/ports/documents.js";
import { AttachedDocument, type ScanState } from "../../../bot/src/domain/documents/document.js";
import type { FakePorts } from "./index.js";
import { FakeTable, insertRow, keyOf, replaceRow } from "./records.js";
import { AlreadyExists } from "../../../bot/src/application/ports/versioned.js";

// Documents on fakes: the records in rows keyed as the table adapter keys them, and the files in
// memory with the verdict a malware scan would give each (clean at once unless a test holds it).

const rowOf = (place: DocumentPlace, id: string): string =>
  "subjectId" in place ? `subject|${keyOf(place.subjectId)}|${id}` : `referral|${place.referralId}|${id}`;

export function fakeDocumentRecords(now: () => Date): DocumentRecords {
  const table = new FakeTable(now);
  const read = (found: ReturnType<typeof table.range<AttachedDocument>>) =>
    found
      .map((r) => ({ ...r, value: AttachedDocument.parse(r.value) }))
      .sort((a, b) => a.value.uploadedAt.localeCompare(b.value.uploadedAt));
  return {
    add: async (d, by) =>
      insertRow<AttachedDocument>(table, "Documents", {
        pk: keyOf(d.areaId),
        rk: rowOf(placeOf(d), d.id),
        value: AttachedDocument.parse(d),
        by,
      }),
    get: async (areaId, place, id) => table.get<AttachedDocument>(keyOf(areaId), rowOf(place, id)),
    ofSubject: async (areaId, subjectId) =>
      read(table.range<AttachedDocument>(keyOf(areaId), `subject|${keyOf(subjectId)}|`)),
    ofReferral: async (areaId, referralId) =>
      read(table.range<AttachedDocument>(keyOf(areaId), `referral|${referralId}|`)),
    replace: async (d, etag, by) =>
      replaceRow<AttachedDocument>(table, "Documents", {
        pk: keyOf(d.areaId),
        rk: rowOf(placeOf(d), d.id),
        value: AttachedDocument.parse(d),
        by,
        etag,
      }),
    async remove(d) {
      const pk = keyOf(d.areaId);
      const rk = rowOf(placeOf(d), d.id);
      if (table.get(pk, rk)) table.transact([{ op: "delete", pk, rk }]);
    },
    async useLink(areaId, linkId, expiresAt) {
      try {
        insertRow(table, "Documents", {
          pk: keyOf(areaId),
          rk: `link|${expiresAt}|${linkId}`,
          value: { linkId, expiresAt },
          by: "link",
        });
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    async forgetUsedLinks(areaId, before, most) {
      const pk = keyOf(areaId);
      const expired = table
        .list<{ linkId: string; expiresAt: string }>(
          pk,
          (rk) => rk.startsWith("link|") && rk < `link|${before}`,
        )
        .slice(0, most)
        .map((r) => `link|${r.value.expiresAt}|${r.value.linkId}`);
      if (expired.length) table.transact(expired.map((rk) => ({ op: "delete" as const, pk, rk })));
      return expired.length;
    },
  };
}

export interface FakeFiles extends DocumentFiles {
  /** The files kept, by name. */
  names(): string[];
  /** What the scan says of files put from now on, until changed; and of one file already kept. */
  scanSays(verdict: ScanState, name?: string): void;
}

export function fakeDocumentFiles(): FakeFiles {
  const kept = new Map<string, { bytes: Uint8Array; contentType: string; scan: ScanState }>();
  let verdict: ScanState = "clean";
  return {
    async put(name, bytes, contentType) {
      kept.set(name, { bytes: new Uint8Array(bytes), contentType, scan: verdict });
    },
    async open(name) {
      const file = kept.get(name);
      return file && { body: Readable.from([Buffer.from(file.bytes)]), size: file.bytes.byteLength };
    },
    async remove(name) {
      kept.delete(name);
    },
    scanVerdict: async (name) => kept.get(name)?.scan ?? "awaiting-scan",
    names: () => [...kept.keys()],
    scanSays(next, name) {
      const file = name ? kept.get(name) : undefined;
      if (file) file.scan = next;
      else verdict = next;
    },
  };
}

/** The documents desk on the fakes' records and files. */
export function documentsOn(ports: FakePorts) {
  const desk = documentsDeskOn({
    ...ports,
    links: { key: "a-test-key-that-signs-download-links", seconds: 60 },
  });
  return { desk, documents: ports.documents, files: ports.files };
}
