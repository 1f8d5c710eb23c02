// The tab's calls about documents attached to a case or a referral: listing, attaching (the file
// as the body), a chair's review, and the short-lived link a download opens, with the person's token.

import type {
  DocumentLinkResponse,
  DocumentResponse,
  ReferralDocumentsResponse,
  SubjectDocumentsResponse,
} from "../../bot/src/adapters/http/contract/documents.js";
import { request, type TokenSource } from "./api.js";

export type * from "../../bot/src/adapters/http/contract/documents.js";

/** Where documents are attached: a subject's cases (with its referrals' documents), or one referral. */
export type DocumentsPlace =
  | { kind: "case"; areaId: string; subjectId: string }
  | { kind: "referral"; panelId: string; referralId: string };

const pathOf = (place: DocumentsPlace): string =>
  place.kind === "case"
    ? `/api/areas/${encodeURIComponent(place.areaId)}/subjects/${encodeURIComponent(place.subjectId)}/documents`
    : `/api/panels/${encodeURIComponent(place.panelId)}/referrals/${encodeURIComponent(place.referralId)}/documents`;

const json = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** What a place's list shows: its documents, and the panels of the cases one may be attached to. */
export type DocumentsList = Pick<SubjectDocumentsResponse, "panels" | "documents">;

export const documentsApi = {
  list: (token: TokenSource, place: DocumentsPlace): Promise<DocumentsList> =>
    place.kind === "case"
      ? request<SubjectDocumentsResponse>(pathOf(place), token)
      : request<ReferralDocumentsResponse>(pathOf(place), token).then((r) => ({
          panels: [],
          documents: r.documents,
        })),
  attach: (token: TokenSource, place: DocumentsPlace, file: File, kind: string, panelId?: string) => {
    const query = new URLSearchParams({ kind, ...(panelId ? { panelId } : {}) });
    return request<DocumentResponse>(`${pathOf(place)}?${query.toString()}`, token, {
      method: "POST",
      // The name may name the child: it travels in a header, never in the address.
      headers: {
        "Content-Type": file.type || "application/octet-stream",
        "X-File-Name": encodeURIComponent(file.name),
      },
      body: file,
    });
  },
  review: (
    token: TokenSource,
    place: DocumentsPlace & { kind: "case" },
    documentId: string,
    body: { note: string; version: string; referralId: string | null },
  ) =>
    request<DocumentResponse>(`${pathOf(place)}/${encodeURIComponent(documentId)}/review`, token, json(body)),
  link: (token: TokenSource, place: DocumentsPlace, documentId: string, referralId: string | null) =>
    request<DocumentLinkResponse>(
      `${pathOf(place)}/${encodeURIComponent(documentId)}/link`,
      token,
      json(place.kind === "case" ? { referralId } : {}),
    ),
};
