import {
  request,
  type MinutesStatusResponse,
  type NoteResponse,
  type NotesResponse,
  type PreviousMinutesResponse,
  type TokenSource,
} from "./api.js";

// The meeting's record: each item's note and the minutes' agreement. Called only from the agenda
// page's chunk, so the tab's first download does not carry it.

const meeting = (panelId: string, meetingId: string) =>
  `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}`;

export const minutesApi = {
  notes: (token: TokenSource, panelId: string, meetingId: string) =>
    request<NotesResponse>(`${meeting(panelId, meetingId)}/notes`, token),
  saveNote: (
    token: TokenSource,
    panelId: string,
    meetingId: string,
    itemKey: string,
    text: string,
    version: string,
  ) =>
    request<NoteResponse>(`${meeting(panelId, meetingId)}/notes/${encodeURIComponent(itemKey)}`, token, {
      method: "PUT",
      body: JSON.stringify({ text }),
      headers: { "If-Match": version },
    }),
  previousMinutes: (token: TokenSource, panelId: string, meetingId: string) =>
    request<PreviousMinutesResponse>(`${meeting(panelId, meetingId)}/previous-minutes`, token),
  agreePreviousMinutes: (token: TokenSource, panelId: string, meetingId: string, correction: string) =>
    request<MinutesStatusResponse>(`${meeting(panelId, meetingId)}/previous-minutes/agreement`, token, {
      method: "POST",
      body: JSON.stringify({ correction }),
    }),
  agreeCirculation: (token: TokenSource, panelId: string, meetingId: string, version: string) =>
    request<MinutesStatusResponse>(`${meeting(panelId, meetingId)}/minutes/circulation`, token, {
      method: "POST",
      body: "{}",
      headers: { "If-Match": version },
    }),
};
