import { z } from "zod";

// A document attached to a referral or a case: a risk assessment, a safety plan, Staffordshire's
// Risk Factor Matrix (003), a group's peer map (004) or another file. The record holds what it is
// and whose it is; the file itself is kept apart, privately, and reached only through a
// short-lived link. A risk assessment is marked reviewed by a chair (000 §8).

export const DOCUMENT_KINDS = [
  "risk-assessment",
  "safety-plan",
  "risk-factor-matrix",
  "peer-map",
  "other",
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  "risk-assessment": "Risk assessment",
  "safety-plan": "Safety plan",
  "risk-factor-matrix": "Risk Factor Matrix",
  "peer-map": "Peer map",
  other: "Other document",
};

/** Whether a scan for malware has said the file is safe to open; "scan-failed": it could not check the file. */
export const ScanState = z.enum(["awaiting-scan", "clean", "malicious", "scan-failed"]);
export type ScanState = z.infer<typeof ScanState>;

const Who = z.strictObject({ id: z.string().max(64), name: z.string().max(200) });

export const DocumentReview = z.strictObject({
  by: Who,
  at: z.iso.datetime(),
  note: z.string().max(2000),
});
export type DocumentReview = z.infer<typeof DocumentReview>;

/** What a document belongs to: a subject's case on a panel, or a referral to one. */
export const DocumentOwner = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("case"),
    subjectId: z.string().max(64),
    panelId: z.string().max(80),
  }),
  z.strictObject({
    kind: z.literal("referral"),
    referralId: z.uuid(),
    panelId: z.string().max(80),
    /** The referral's subject, once it has joined the cohort. */
    subjectId: z.string().max(64).nullable(),
  }),
]);
export type DocumentOwner = z.infer<typeof DocumentOwner>;

export const AttachedDocument = z.strictObject({
  id: z.uuid(),
  areaId: z.string().max(80),
  owner: DocumentOwner,
  /** The reference of the case or referral it belongs to, for audit entries and lists. */
  reference: z.string().max(20),
  kind: DocumentKind,
  name: z.string().min(1).max(120),
  size: z.number().int().min(1),
  contentType: z.string().max(120),
  uploadedBy: Who,
  uploadedAt: z.iso.datetime(),
  scan: ScanState,
  review: DocumentReview.nullable(),
});
export type AttachedDocument = z.infer<typeof AttachedDocument>;

/** Where the file is kept: by area and id, never by anything that names the subject. */
export const fileNameOf = (d: Pick<AttachedDocument, "areaId" | "id">): string => `${d.areaId}/${d.id}`;

export const mayBeReviewed = (d: Pick<AttachedDocument, "kind">): boolean => d.kind === "risk-assessment";

/** A file may be opened only once a scan has found it clean. */
export const mayBeOpened = (d: Pick<AttachedDocument, "scan">): boolean => d.scan === "clean";
