import { fileNameOf } from "../../domain/documents/document.js";
import type { DocumentFiles, DocumentRecords } from "../ports/documents.js";
import type { WholeRecord } from "./whole-record.js";

// The documents attached to a record that retention removes: its cases' and its referrals'. They
// hold the subject's details whatever the area's policy (a risk assessment names the child), so
// they go whether the record is deleted or anonymised, once the record's removal has committed.
// Each file goes before its document record, so a document whose file went is still listed.

export interface DocumentRemovalPorts {
  documents: Pick<DocumentRecords, "ofSubject" | "ofReferral" | "remove">;
  files: Pick<DocumentFiles, "remove">;
}

/** Removes every document of the record and its file; how many there were. */
export async function removeDocumentsOf(ports: DocumentRemovalPorts, record: WholeRecord): Promise<number> {
  const { areaId, id } = record.subject.value;
  const lists = await Promise.all([
    ports.documents.ofSubject(areaId, id),
    ...record.referrals.map((r) => ports.documents.ofReferral(areaId, r.id)),
  ]);
  const documents = lists.flat().map((d) => d.value);
  for (const d of documents) {
    await ports.files.remove(fileNameOf(d));
    await ports.documents.remove(d);
  }
  return documents.length;
}
