import { ChatLookupFailed, type TeamsChats } from "../../../bot/src/application/ports/teams-chats.js";

// Teams' meeting chats in memory, as Graph answers `GET /chats/{id}`: each meeting chat with its
// meeting's join link; any other chat is none Teams knows. Told to, it fails as Graph can.

export function fakeTeamsChats(): TeamsChats & {
  /** Teams holds this chat as the meeting with this join link. */
  meetingChat(chatId: string, joinUrl: string): void;
  /** The next lookups fail, as Graph unreachable or refusing does. */
  failWith(kind: string, status?: number): void;
  asked: string[];
} {
  const chats = new Map<string, string>();
  let failure: ChatLookupFailed | undefined;
  const asked: string[] = [];
  return {
    asked,
    meetingChat: (chatId, joinUrl) => void chats.set(chatId, joinUrl),
    failWith: (kind, status) => void (failure = new ChatLookupFailed(kind, status)),
    joinUrlOfChat(chatId) {
      asked.push(chatId);
      return failure ? Promise.reject(failure) : Promise.resolve(chats.get(chatId) ?? null);
    },
  };
}
