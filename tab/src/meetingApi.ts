import { request, type MeetingOfChatResponse, type StageAgendaResponse, type TokenSource } from "./api.js";

// The app inside a panel's Teams meeting: which panel and meeting its chat (or join link) is, and the agenda the
// stage shows. Called only from the meeting's chunks, so the tab's first download does not carry it.

export const meetingApi = {
  /** The meeting's join link goes too, where Teams gave it: a short link names no chat. */
  ofChat: (token: TokenSource, chatId: string, joinUrl: string | null) =>
    request<MeetingOfChatResponse>(
      `/api/meeting-chats/${encodeURIComponent(chatId)}${joinUrl ? `?joinUrl=${encodeURIComponent(joinUrl)}` : ""}`,
      token,
    ),
  stage: (token: TokenSource, panelId: string, meetingId: string) =>
    request<StageAgendaResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/stage`,
      token,
    ),
};
