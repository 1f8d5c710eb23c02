import { request, type MeetingOfChatResponse, type StageAgendaResponse, type TokenSource } from "./api.js";

// The app inside a panel's Teams meeting: which panel and meeting its chat is, and the agenda the
// stage shows. Called only from the meeting's chunks, so the tab's first download does not carry it.

export const meetingApi = {
  ofChat: (token: TokenSource, chatId: string) =>
    request<MeetingOfChatResponse>(`/api/meeting-chats/${encodeURIComponent(chatId)}`, token),
  stage: (token: TokenSource, panelId: string, meetingId: string) =>
    request<StageAgendaResponse>(
      `/api/panels/${encodeURIComponent(panelId)}/meetings/${meetingId}/stage`,
      token,
    ),
};
