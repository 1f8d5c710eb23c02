import type { Readable } from "node:stream";
import { z } from "zod";
import { fileNameOf, type AttachedDocument } from "../../domain/documents/document.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessCaseDocuments, accessReferralDocuments } from "../access/document-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Versioned } from "../ports/versioned.js";
import { withScansNow } from "./document-views.js";
import { documentSeen, noSuchDocument } from "./review-document.js";
import type { DocumentPorts } from "./document-ports.js";
import type { LinkedFile } from "../downloads/download-links.js";

// A document is downloaded only through a download link (application/downloads), made for a file
// found clean by its scan, for someone who may see it. Opening the link checks again that the
// person may see the document and that it is still clean, and audits the download naming the subject.

function refuseUnlessClean(d: AttachedDocument): void {
  if (d.scan === "awaiting-scan")
    throw new Refusal("not-now", `${d.name} is waiting for its malware scan. Try again in a few minutes.`, {
      code: "awaiting-scan",
    });
  if (d.scan === "malicious")
    throw new Refusal(
      "not-allowed",
      `The malware scan found a threat in ${d.name}, so it cannot be downloaded. Ask the person who attached it to send a clean copy.`,
      { code: "malicious" },
    );
  if (d.scan === "scan-failed")
    throw new Refusal(
      "not-allowed",
      `The malware scan could not check ${d.name}, so it cannot be downloaded. Attach the file again to have it scanned afresh.`,
      { code: "scan-failed" },
    );
}

const DownloadInput = z.strictObject({ referralId: z.uuid().nullable().optional() });

const subjectFile = (areaId: string, subjectId: string, documentId: string, referralId: string | null) =>
  `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/documents/${documentId}/file${referralId ? `?referralId=${referralId}` : ""}`;

/** The file of a document of a subject's record, to link to, for whoever may see it once it is clean. */
export async function caseDocumentFile(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  documentId: unknown,
  body: unknown,
): Promise<LinkedFile> {
  const input = DownloadInput.safeParse(body ?? {});
  if (!input.success) throw noSuchDocument();
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const referralId = input.data.referralId ?? null;
  const [read] = await withScansNow(ports, [await documentSeen(ports, seen, documentId, referralId)]);
  refuseUnlessClean(read!.value);
  return {
    areaId: seen.access.areaId,
    path: subjectFile(seen.access.areaId, seen.subject.id, read!.value.id, referralId),
  };
}

/** The file of a referral's document, to link to, for those who may see the referral once it is clean. */
export async function referralDocumentFile(
  ports: DocumentPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  documentId: unknown,
): Promise<LinkedFile> {
  const { panel, referral } = await accessReferralDocuments(ports, actor.id, panelId, referralId);
  const read = await referralDocument(ports, panel.areaId, referral.value.id, documentId);
  refuseUnlessClean(read.value);
  return {
    areaId: panel.areaId,
    path: `/api/panels/${panel.id}/referrals/${referral.value.id}/documents/${read.value.id}/file`,
  };
}

async function referralDocument(
  ports: DocumentPorts,
  areaId: string,
  referralId: string,
  documentId: unknown,
): Promise<Versioned<AttachedDocument>> {
  const id = z.uuid().safeParse(documentId);
  const found = id.success ? await ports.documents.get(areaId, { referralId }, id.data) : undefined;
  if (!found) throw noSuchDocument();
  const [read] = await withScansNow(ports, [found]);
  return read!;
}

export interface Download {
  document: AttachedDocument;
  body: Readable;
  size: number;
}

/** The file itself, checked again as its person may see it now and audited naming the subject. */
async function download(
  ports: DocumentPorts,
  actorId: string,
  read: Versioned<AttachedDocument>,
  subjectId: string | null,
  via: string,
): Promise<Download> {
  const d = read.value;
  refuseUnlessClean(d);
  const file = await ports.files.open(fileNameOf(d));
  if (!file)
    throw new Refusal("not-found", `${d.name} is no longer kept. Ask the panel's coordinator about it.`, {
      code: "file-gone",
    });
  await ports.casework.appendAudit(d.areaId, [
    auditEntry(ports.now(), {
      areaId: d.areaId,
      panelId: d.owner.panelId,
      actorId,
      action: "document.downloaded",
      subjectId,
      referralId: d.owner.kind === "referral" ? d.owner.referralId : null,
      reference: d.reference,
      documentId: d.id,
      via,
    }),
  ]);
  return { document: d, body: file.body, size: file.size };
}

/** A document of a subject's record, downloaded through its link. */
export async function downloadCaseDocument(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  documentId: unknown,
  query: unknown,
  via: string,
): Promise<Download> {
  const input = DownloadInput.safeParse(query ?? {});
  if (!input.success) throw noSuchDocument();
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const read = await documentSeen(ports, seen, documentId, input.data.referralId ?? null);
  const [now] = await withScansNow(ports, [read]);
  return download(ports, actor.id, now!, seen.subject.id, via);
}

/** A referral's document, downloaded through its link. */
export async function downloadReferralDocument(
  ports: DocumentPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  documentId: unknown,
  via: string,
): Promise<Download> {
  const { panel, referral } = await accessReferralDocuments(ports, actor.id, panelId, referralId);
  const read = await referralDocument(ports, panel.areaId, referral.value.id, documentId);
  return download(ports, actor.id, read, referral.value.subjectId, via);
}
