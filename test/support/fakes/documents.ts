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
import { downloadsOn, holder } from "./downloads.js";

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

/**
 * The documents desk on the fakes' records and files, with download links: a link to a document
 * is made and opened as the service's routes do (the link opened, then the document's file read
 * as the person it was made for).
 */
export function documentsOn(ports: FakePorts) {
  const desk = documentsDeskOn(ports);
  const downloads = downloadsOn(ports);
  const nameOf = async (id: string) => (await ports.directory.person(id))?.displayName ?? "";
  return {
    desk,
    documents: ports.documents,
    files: ports.files,
    downloads,
    /** A link to a document of a subject's record, for the person. */
    async linkToCaseDocument(
      by: { id: string; name: string },
      areaId: string,
      subjectId: string,
      documentId: string,
      body: { referralId?: string | undefined },
    ) {
      const file = await desk.caseDocumentFile(by, areaId, subjectId, documentId, body);
      return downloads.desk.link(holder(by), file);
    },
    /** A link to a referral's document, for the person. */
    async linkToReferralDocument(
      by: { id: string; name: string },
      panelId: string,
      referralId: string,
      documentId: string,
    ) {
      return downloads.desk.link(
        holder(by),
        await desk.referralDocumentFile(by, panelId, referralId, documentId),
      );
    },
    /** Opens a link's token: once, then the document as its person may see it now. */
    async open(token: string, via = "test") {
      const { holder: who, file } = await downloads.desk.open(token);
      const as = { id: who.id, name: await nameOf(who.id) };
      const url = new URL(file.path, "http://service");
      const onCase = /^\/api\/areas\/([^/]+)\/subjects\/([^/]+)\/documents\/([^/]+)\/file$/.exec(
        url.pathname,
      );
      if (onCase)
        return desk.downloadCaseDocument(
          as,
          onCase[1],
          onCase[2],
          onCase[3],
          Object.fromEntries(url.searchParams),
          via,
        );
      const onReferral = /^\/api\/panels\/([^/]+)\/referrals\/([^/]+)\/documents\/([^/]+)\/file$/.exec(
        url.pathname,
      );
      if (!onReferral) throw new Error(`not a document's file: ${file.path}`);
      return desk.downloadReferralDocument(as, onReferral[1], onReferral[2], onReferral[3], via);
    },
  };
}
