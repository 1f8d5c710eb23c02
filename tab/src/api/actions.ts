// A panel's actions: the list and its CSV for the page's filters, one recorded in a meeting, and
// one done, extended, reassigned or not possible, on the version shown.

import type {
  ActionExtendBody,
  ActionNotPossibleBody,
  ActionReassignBody,
  ActionResponse,
  ActionsResponse,
  NewActionBody,
  PanelAction,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { file, request } from "./request.js";

export const actionCalls = {
  actions: (token: TokenSource, panelId: string, query: string) =>
    request<ActionsResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions?${query}`, token),
  actionsCsv: (token: TokenSource, panelId: string, query: string) =>
    file(`/api/panels/${encodeURIComponent(panelId)}/actions.csv?${query}`, token),
  recordAction: (token: TokenSource, panelId: string, meetingId: string, action: NewActionBody) =>
    request<ActionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/actions`,
      token,
      {
        method: "POST",
        body: JSON.stringify(action),
      },
    ),
  completeAction: (token: TokenSource, panelId: string, action: PanelAction, note: string) =>
    request<ActionResponse>(`/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/done`, token, {
      method: "POST",
      body: JSON.stringify({ note }),
      headers: { "If-Match": action.version },
    }),
  /** Extends, reassigns or closes an action as not possible, on the version shown. */
  reshapeAction: (
    token: TokenSource,
    panelId: string,
    action: PanelAction,
    change:
      | { kind: "extend"; body: ActionExtendBody }
      | { kind: "reassign"; body: ActionReassignBody }
      | { kind: "not-possible"; body: ActionNotPossibleBody },
  ) =>
    request<ActionResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/actions/${action.id}/${change.kind}`,
      token,
      { method: "POST", body: JSON.stringify(change.body), headers: { "If-Match": action.version } },
    ),
};
