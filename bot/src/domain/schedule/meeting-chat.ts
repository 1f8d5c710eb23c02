import { z } from "zod";
import type { Meeting } from "./meeting.js";

// A Teams meeting's chat thread, as Teams names it to an app inside the meeting (its chat id), and
// as its join link carries it. A panel's recurring series has one join link, so one chat: the chat
// tells which panel's meeting the app was opened in.

/** A meeting chat's id: `19:meeting_…@thread.v2` (older clients' threads end `@thread.skype`). */
export const ChatThreadId = z
  .string()
  .max(400)
  .regex(/^19:[A-Za-z0-9_.=-]+@thread\.(v2|skype|tacv2)$/);
export type ChatThreadId = z.infer<typeof ChatThreadId>;

/** The chat thread a Teams join link opens (`…/l/meetup-join/<thread, URL-encoded>/…`), if any. */
export function chatThreadOf(joinUrl: string | null): ChatThreadId | null {
  if (!joinUrl) return null;
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return null;
  }
  const [, l, join, thread] = url.pathname.split("/");
  if (l !== "l" || join !== "meetup-join" || !thread) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(thread);
  } catch {
    return null;
  }
  const parsed = ChatThreadId.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

/** The key from a meeting chat to the panel whose series made it, stored when the series is. */
export const MeetingChat = z.strictObject({
  chatId: ChatThreadId,
  panelId: z.string().max(80),
  linkedAt: z.iso.datetime(),
});
export type MeetingChat = z.infer<typeof MeetingChat>;

/**
 * The meeting a chat's panel is holding: today's, else the next one still to come. A cancelled
 * meeting is never it; a moved one counts on the day it moved to.
 */
export function occurrenceOf<M extends Pick<Meeting, "date" | "start" | "status">>(
  meetings: M[],
  today: string,
): M | undefined {
  return meetings
    .filter((m) => m.status !== "cancelled" && m.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))[0];
}
