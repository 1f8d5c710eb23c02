import type { DownloadLinkResponse } from "./downloads.js";
import { z } from "zod";
import type { DocumentKind, DocumentReview, ScanState } from "../../../domain/documents/document.js";

// Documents attached to a case or a referral: the file goes as the request's body, its kind in
// the query and its name, which may name the child, in a header (addresses end up in access
// logs); it comes back only through a short-lived download link.

/** Attaching a file: the body is the file's bytes. */
export const AttachQuery = z.strictObject({
  kind: z.string().max(40),
  /** For a case's document: the panel of the case. */
  panelId: z.string().max(80).optional(),
});

/** The header the file's name travels in, URI-encoded. */
export const FILE_NAME_HEADER = "X-File-Name";

export const ReviewDocumentBody = z.strictObject({
  note: z.string().max(2000),
  version: z.string().max(200),
  referralId: z.uuid().nullable().optional(),
});
export type ReviewDocumentBody = z.infer<typeof ReviewDocumentBody>;

export const DocumentLinkBody = z.strictObject({ referralId: z.uuid().nullable().optional() });
export type DocumentLinkBody = z.infer<typeof DocumentLinkBody>;

export interface DocumentSummary {
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
  attachedTo: { kind: "case" | "referral"; reference: string; panelId: string; panelName: string };
  referralId: string | null;
  version: string;
  mayReview: boolean;
}

export interface SubjectDocumentsResponse {
  subject: { id: string; reference: string };
  panels: { id: string; name: string; reference: string }[];
  documents: DocumentSummary[];
}

export interface ReferralDocumentsResponse {
  documents: DocumentSummary[];
}

export interface DocumentResponse {
  document: DocumentSummary;
}

/** A document opens through a download link like every other file. */
export type DocumentLinkResponse = DownloadLinkResponse;
