// People: an area's people and administrators, a panel's members and their roles, the directory,
// the people import, and requests for access and their decisions.

import type {
  AccessDecisionBody,
  AccessRequestsResponse,
  AccessRequestView,
  AreaPeopleResponse,
  AskForAccessBody,
  DirectoryResponse,
  ImportResponse,
  MembersResponse,
  PersonChangeBody,
  RoleChangeBody,
  WhoToAskResponse,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { file, request } from "./request.js";

export const peopleCalls = {
  members: (token: TokenSource, panelId: string) =>
    request<MembersResponse>(`/api/panels/${encodeURIComponent(panelId)}/members`, token),
  areaPeople: (token: TokenSource, areaId: string) =>
    request<AreaPeopleResponse>(`/api/areas/${encodeURIComponent(areaId)}/people`, token),
  savePerson: (token: TokenSource, areaId: string, personId: string, details: PersonChangeBody) =>
    request<void>(`/api/areas/${encodeURIComponent(areaId)}/people/${encodeURIComponent(personId)}`, token, {
      method: "PUT",
      body: JSON.stringify(details),
    }),
  setRole: (token: TokenSource, panelId: string, personId: string, change: RoleChangeBody) =>
    request<void>(
      `/api/panels/${encodeURIComponent(panelId)}/members/${encodeURIComponent(personId)}`,
      token,
      { method: "PUT", body: JSON.stringify(change) },
    ),
  removeRole: (token: TokenSource, panelId: string, personId: string) =>
    request<void>(
      `/api/panels/${encodeURIComponent(panelId)}/members/${encodeURIComponent(personId)}`,
      token,
      { method: "DELETE" },
    ),
  setAdministrator: (token: TokenSource, areaId: string, personId: string, administrator: boolean) =>
    request<void>(
      `/api/areas/${encodeURIComponent(areaId)}/administrators/${encodeURIComponent(personId)}`,
      token,
      { method: administrator ? "PUT" : "DELETE" },
    ),
  searchDirectory: (token: TokenSource, areaId: string, query: string) =>
    request<DirectoryResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/directory?q=${encodeURIComponent(query)}`,
      token,
    ),
  peopleTemplate: (token: TokenSource, areaId: string) =>
    file(`/api/areas/${encodeURIComponent(areaId)}/people/template.csv`, token),
  importPeople: (token: TokenSource, areaId: string, step: "preview" | "apply", csv: string) =>
    request<ImportResponse>(`/api/areas/${encodeURIComponent(areaId)}/people/import/${step}`, token, {
      method: "POST",
      body: csv,
      headers: { "Content-Type": "text/csv" },
    }),
  whoToAsk: (token: TokenSource) => request<WhoToAskResponse>("/api/access/who-to-ask", token),
  askForAccess: (token: TokenSource, body: AskForAccessBody) =>
    request<AccessRequestView>("/api/access-requests", token, { method: "POST", body: JSON.stringify(body) }),
  accessRequests: (token: TokenSource, areaId: string) =>
    request<AccessRequestsResponse>(`/api/areas/${encodeURIComponent(areaId)}/access-requests`, token),
  decideAccess: (token: TokenSource, requestId: string, body: AccessDecisionBody) =>
    request<AccessRequestView>(`/api/access-requests/${encodeURIComponent(requestId)}/decision`, token, {
      method: "POST",
      body: JSON.stringify(body),
    }),
};
