import { z } from "zod";
import { ChatLookupFailed, type TeamsChats } from "../../application/ports/teams-chats.js";
import type { Settings } from "../../settings.js";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import { GraphConnection, type GraphFailure } from "./graph-client.js";
import { appGraphCredentials } from "./graph-credentials.js";

// Which meeting a Teams meeting chat is, from Microsoft Graph (`GET /chats/{chat-id}`), over the
// shared connection and its retries. A meeting chat carries its meeting's join link
// (`onlineMeetingInfo.joinWebUrl`). The app reads it with its own credential and the
// resource-specific permission ChatSettings.Read.Chat, granted in each meeting chat the app is
// added to (manifest.json), so it reads no other chat and needs no tenant-wide permission.

const Chat = z.object({
  id: z.string(),
  chatType: z.string().optional(),
  onlineMeetingInfo: z.object({ joinWebUrl: z.string().nullable().optional() }).nullable().optional(),
});

const lookupFailed = (failure: GraphFailure): Error =>
  new ChatLookupFailed(failure.kind, "status" in failure ? failure.status : undefined);

export class GraphChats implements TeamsChats {
  constructor(private readonly graph: GraphConnection) {}

  async joinUrlOfChat(chatId: string): Promise<string | null> {
    try {
      const chat = await this.graph.call(
        async (client) => Chat.parse(await client.api(`/chats/${encodeURIComponent(chatId)}`).get()),
        lookupFailed,
      );
      return chat.onlineMeetingInfo?.joinWebUrl ?? null;
    } catch (e) {
      // Graph knows no such chat: it is no meeting's.
      if (e instanceof ChatLookupFailed && e.kind === "not-found") return null;
      throw e;
    }
  }
}

/** Without Graph there is no Teams to ask: no chat is any meeting's but those the join links name. */
const noTeams: TeamsChats = { joinUrlOfChat: () => Promise.resolve(null) };

export function teamsChats(settings: Settings, devIdp: DevIdentityProvider | undefined): TeamsChats {
  const credentials = appGraphCredentials(settings, devIdp);
  if (!credentials) return noTeams;
  return new GraphChats(new GraphConnection({ baseUrl: settings.graph.baseUrl, ...credentials }));
}
