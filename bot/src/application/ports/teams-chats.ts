// What the product asks of Teams about a meeting's chat: which meeting it is, by the join link
// Teams itself holds for it. Microsoft Graph answers it in Teams (adapters/graph), with the app's
// own permission on the chat; nothing here knows how.

export interface TeamsChats {
  /**
   * The join link of the Teams meeting whose chat this is; null when Teams knows no such chat, or
   * the chat is no meeting's. A chat Teams could not be asked about is a ChatLookupFailed.
   */
  joinUrlOfChat(chatId: string): Promise<string | null>;
}

/** Teams could not be asked about a chat. For the log: what kind of failure, never the chat. */
export class ChatLookupFailed extends Error {
  constructor(
    readonly kind: string,
    readonly status?: number,
  ) {
    super(`Teams could not be asked about a meeting chat (${kind}${status ? ` ${status}` : ""})`);
    this.name = "ChatLookupFailed";
  }
}
