import { randomUUID } from "node:crypto";
import {
  DocumentKind,
  fileNameOf,
  type AttachedDocument,
  type DocumentOwner,
} from "../../domain/documents/document.js";
import { checkFile, cleanFileName } from "../../domain/documents/file-check.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessCaseDocuments, accessReferralDocuments, caseOnPanel } from "../access/document-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { documentView, scanVerdictOf, type DocumentView } from "./document-views.js";
import type { DocumentPorts } from "./document-ports.js";

// Attaching a file to a case or a referral. The file is checked (its size, its name and its first
// bytes), kept privately, and recorded with what it is and who attached it, held as awaiting its
// malware scan unless the scan has already found it clean; then the attachment is audited. A file
// that could not be kept whole (stored and recorded) is removed again, so nothing is kept that no list shows.

export interface AttachInput {
  kind: unknown;
  name: unknown;
}

function kindOf(raw: unknown): DocumentKind {
  const kind = DocumentKind.safeParse(raw);
  if (!kind.success)
    throw new Refusal("invalid", "Choose what kind of document this is.", {
      fields: [{ field: "kind", message: "Choose what kind of document this is." }],
    });
  return kind.data;
}

async function keep(
  ports: DocumentPorts,
  actor: Actor,
  owner: DocumentOwner,
  at: { areaId: string; reference: string },
  input: AttachInput,
  bytes: Uint8Array,
  via: string,
): Promise<DocumentView> {
  const kind = kindOf(input.kind);
  const name = cleanFileName(input.name);
  const { contentType } = checkFile(name, bytes);
  const draft: AttachedDocument = {
    id: randomUUID(),
    areaId: at.areaId,
    owner,
    reference: at.reference,
    kind,
    name,
    size: bytes.byteLength,
    contentType,
    uploadedBy: { id: actor.id, name: actor.name.slice(0, 200) },
    uploadedAt: ports.now().toISOString(),
    scan: "awaiting-scan",
    review: null,
  };
  const file = fileNameOf(draft);
  let document: AttachedDocument;
  let stored;
  try {
    await ports.files.put(file, bytes, contentType);
    document = { ...draft, scan: await scanVerdictOf(ports, file) };
    stored = await ports.documents.add(document, actor.id);
  } catch (e) {
    await ports.files.remove(file);
    throw e;
  }
  await ports.casework.appendAudit(at.areaId, [
    auditEntry(ports.now(), {
      areaId: at.areaId,
      panelId: owner.panelId,
      actorId: actor.id,
      action: "document.attached",
      subjectId: owner.subjectId,
      referralId: owner.kind === "referral" ? owner.referralId : null,
      reference: at.reference,
      documentId: document.id,
      via,
    }),
  ]);
  return documentView(ports.catalogue, stored, false);
}

/** Attaches a file to the subject's case on one of its panels. */
export async function attachToCase(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  input: AttachInput & { panelId: unknown },
  bytes: Uint8Array,
  via: string,
): Promise<DocumentView> {
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const onCase = caseOnPanel(seen, input.panelId);
  return keep(
    ports,
    actor,
    { kind: "case", subjectId: seen.subject.id, panelId: onCase.panelId },
    { areaId: seen.access.areaId, reference: onCase.reference },
    input,
    bytes,
    via,
  );
}

/** Attaches a file to a referral, for those who may see it. */
export async function attachToReferral(
  ports: DocumentPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  input: AttachInput,
  bytes: Uint8Array,
  via: string,
): Promise<DocumentView> {
  const { panel, referral } = await accessReferralDocuments(ports, actor.id, panelId, referralId);
  const r = referral.value;
  return keep(
    ports,
    actor,
    { kind: "referral", referralId: r.id, panelId: panel.id, subjectId: r.subjectId },
    { areaId: panel.areaId, reference: r.reference },
    input,
    bytes,
    via,
  );
}
