// An area's subjects: finding and recording them, the links between them and the map around one,
// a subject's history and subject access, and a panel's cohort of open and closed cases.

import type { CohortResponse, HistoryResponse } from "../../../bot/src/adapters/http/contract/index.js";
import type {
  EndLinkRequest,
  LinkResponse,
  NewLinkRequest,
  NewSubjectRequest,
  SubjectMapResponse,
  SubjectResponse,
  SubjectsResponse,
} from "../../../bot/src/adapters/http/contract/links.js";
import type { TokenSource } from "../tokens.js";
import { file, request } from "./request.js";

interface MapQuery {
  depth: number;
  kinds?: string[];
  from?: string;
  to?: string;
}
const mapOf = (areaId: string, subjectId: string) =>
  `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/map`;
function mapQuery(query: MapQuery): string {
  const params = new URLSearchParams({ depth: String(query.depth) });
  if (query.kinds?.length) params.set("kinds", query.kinds.join(","));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params.toString();
}

export const subjectCalls = {
  /** A page of the panel's open or closed cases: the first, or the one after `after`. */
  cohort: (token: TokenSource, panelId: string, list: "open" | "closed", after?: string) =>
    request<CohortResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/cohort?list=${list}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
      token,
    ),
  cohortCsv: (token: TokenSource, panelId: string, list: "open" | "closed") =>
    file(`/api/panels/${encodeURIComponent(panelId)}/cohort.csv?list=${list}`, token),
  findSubjects: (token: TokenSource, areaId: string, query: string) =>
    request<SubjectsResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/subjects?q=${encodeURIComponent(query)}`,
      token,
    ),
  recordSubject: (token: TokenSource, areaId: string, body: NewSubjectRequest) =>
    request<SubjectResponse>(`/api/areas/${encodeURIComponent(areaId)}/subjects`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  addLink: (token: TokenSource, areaId: string, body: NewLinkRequest) =>
    request<LinkResponse>(`/api/areas/${encodeURIComponent(areaId)}/links`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  endLink: (token: TokenSource, areaId: string, linkId: string, body: EndLinkRequest) =>
    request<LinkResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/links/${encodeURIComponent(linkId)}/end`,
      token,
      { method: "POST", body: JSON.stringify(body) },
    ),
  subjectMap: (token: TokenSource, areaId: string, subjectId: string, query: MapQuery) =>
    request<SubjectMapResponse>(`${mapOf(areaId, subjectId)}?${mapQuery(query)}`, token),
  /** A download link to the map as a PNG, laid out and marked by the service; read and audited again. */
  subjectMapImage: (token: TokenSource, areaId: string, subjectId: string, query: MapQuery) =>
    file(`${mapOf(areaId, subjectId)}.png?${mapQuery(query)}`, token),
  subjectHistory: (token: TokenSource, areaId: string, subjectId: string) =>
    request<HistoryResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/history`,
      token,
    ),
  subjectAccessDocx: (token: TokenSource, areaId: string, subjectId: string) =>
    file(
      `/api/areas/${encodeURIComponent(areaId)}/subjects/${encodeURIComponent(subjectId)}/subject-access.docx`,
      token,
    ),
  subjectAccessByReference: (token: TokenSource, areaId: string, reference: string) =>
    file(
      `/api/areas/${encodeURIComponent(areaId)}/subject-access.docx?reference=${encodeURIComponent(reference)}`,
      token,
    ),
};
