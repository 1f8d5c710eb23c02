import type { Express } from "express";
import { randomUUID } from "node:crypto";
import { GraphRefusal, handle, type Authenticate } from "./shared.js";

// The meeting chats Teams makes for the online meetings the calendar creates, and Graph's read of
// one (`GET /chats/{chat-id}`): a meeting chat carries its meeting's join link. A long join link
// names its chat; a short one (`/meet/<number>`) does not, so its chat's id is Teams' own and only
// this stand-in knows which meeting it is.

interface MeetingChat {
  id: string;
  topic: string;
  createdDateTime: string;
  eventId: string;
  organiser: string;
  joinUrl: string;
}

/** A long join link's chat thread, decoded; null for a short link. */
function threadOf(joinUrl: string): string | null {
  const match = /\/l\/meetup-join\/([^/]+)\//.exec(new URL(joinUrl).pathname + "/");
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

// Delegated access reads only the caller's own chats, with one of these; the app reads a chat with
// the resource-specific permission it holds there (every meeting chat here, as the product's tab
// is added to its meetings) or a tenant-wide one.
const DELEGATED = ["Chat.ReadBasic", "Chat.Read", "Chat.ReadWrite"];

export function chatsStandIn(app: Express, authenticate: Authenticate) {
  const chats = new Map<string, MeetingChat>();

  app.get(
    "/v1.0/chats/:id",
    handle(async (req, res) => {
      const who = await authenticate(req);
      if (!who.app && !who.scopes.some((s) => DELEGATED.includes(s))) {
        throw new GraphRefusal(403, "Forbidden", "Missing scope permissions on the request.");
      }
      const chat = chats.get(String(req.params["id"]));
      if (!chat || (!who.app && chat.organiser !== who.oid)) {
        throw new GraphRefusal(404, "NotFound", "Resource not found.");
      }
      res.json({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats/$entity",
        id: chat.id,
        topic: chat.topic,
        createdDateTime: chat.createdDateTime,
        lastUpdatedDateTime: chat.createdDateTime,
        chatType: "meeting",
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0`,
        onlineMeetingInfo: {
          calendarEventId: chat.eventId,
          joinWebUrl: chat.joinUrl,
          organizer: { id: chat.organiser, displayName: null, userIdentityType: "aadUser" },
        },
      });
    }),
  );

  return {
    /** The meeting with this join link has its chat, made once. */
    open(meeting: { joinUrl: string; eventId: string; organiser: string; subject: string }): void {
      if ([...chats.values()].some((c) => c.joinUrl === meeting.joinUrl)) return;
      const id =
        threadOf(meeting.joinUrl) ??
        `19:meeting_${Buffer.from(randomUUID()).toString("base64url")}@thread.v2`;
      chats.set(id, { id, topic: meeting.subject, createdDateTime: new Date().toISOString(), ...meeting });
    },
    /** The chat of the meeting with this join link, as Teams names it to an app inside the meeting. */
    chatOf(joinUrl: string): string | undefined {
      return [...chats.values()].find((c) => c.joinUrl === joinUrl)?.id;
    },
    reset(): void {
      chats.clear();
    },
  };
}
