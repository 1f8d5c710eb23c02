import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  DOCUMENT_KIND_LABELS,
  fileNameOf,
  type AttachedDocument,
  type DocumentKind,
  type DocumentReview,
  type ScanState,
} from "../../domain/documents/document.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { placeOf } from "../ports/documents.js";
import type { DocumentPorts } from "./document-ports.js";

// A document as a list shows it, and its scan brought up to date: a file held as awaiting its scan
// is asked about again whenever it is listed or asked for, and its record changed once the scan
// has spoken.

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  name: string;
  size: number;
  contentType: string;
  uploadedBy: string;
  uploadedAt: string;
  scan: ScanState;
  review: DocumentReview | null;
  /** What it is attached to: a case on a panel, or a referral. */
  attachedTo: { kind: "case" | "referral"; reference: string; panelId: string; panelName: string };
  /** Of a case's document: the referral it came with, which a review or a download names. */
  referralId: string | null;
  version: string;
  /** Whether this person may mark it reviewed: a chair of its panel, and a risk assessment not yet reviewed. */
  mayReview: boolean;
}

export function documentView(
  catalogue: Catalogue,
  read: Versioned<AttachedDocument>,
  mayReview: boolean,
): DocumentView {
  const d = read.value;
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind],
    name: d.name,
    size: d.size,
    contentType: d.contentType,
    uploadedBy: d.uploadedBy.name,
    uploadedAt: d.uploadedAt,
    scan: d.scan,
    review: d.review,
    attachedTo: {
      kind: d.owner.kind,
      reference: d.reference,
      panelId: d.owner.panelId,
      panelName: catalogue.panels.get(d.owner.panelId)?.name ?? d.owner.panelId,
    },
    referralId: d.owner.kind === "referral" ? d.owner.referralId : null,
    version: read.etag,
    mayReview,
  };
}

/** What the scan says of a file; when its verdict cannot be read now, the file is still awaiting it. */
export async function scanVerdictOf(ports: Pick<DocumentPorts, "files">, file: string): Promise<ScanState> {
  try {
    return await ports.files.scanVerdict(file);
  } catch {
    // Asked again whenever the documents are listed, so a verdict read later is not lost.
    return "awaiting-scan";
  }
}

/** The documents with each one awaiting its scan asked about again, together; those the scan spoke for are stored so. */
export async function withScansNow(
  ports: Pick<DocumentPorts, "documents" | "files">,
  found: Versioned<AttachedDocument>[],
): Promise<Versioned<AttachedDocument>[]> {
  return Promise.all(
    found.map(async (read) => {
      if (read.value.scan !== "awaiting-scan") return read;
      const scan = await scanVerdictOf(ports, fileNameOf(read.value));
      if (scan === "awaiting-scan") return read;
      const value = { ...read.value, scan };
      try {
        return await ports.documents.replace(value, read.etag, "malware scan");
      } catch (e) {
        // Another request stored the verdict first: it is the same verdict.
        if (!(e instanceof ConcurrencyConflict)) throw e;
        return (await ports.documents.get(value.areaId, placeOf(value), value.id)) ?? { ...read, value };
      }
    }),
  );
}
