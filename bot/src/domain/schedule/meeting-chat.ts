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

/** A link as a URL, or null if it is none. */
function urlOf(joinUrl: string | null): URL | null {
  if (!joinUrl) return null;
  try {
    return new URL(joinUrl);
  } catch {
    return null;
  }
}

/** The chat thread a join link's path names (`/l/meetup-join/<thread, URL-encoded>/…`), if any. */
function threadIn(url: URL): ChatThreadId | null {
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

/** The chat thread a Teams join link opens, if any. */
export function chatThreadOf(joinUrl: string | null): ChatThreadId | null {
  const url = urlOf(joinUrl);
  return url ? threadIn(url) : null;
}

/**
 * Where Teams for work serves its join links: one service, so one meeting number names one
 * meeting on any of them. Teams for personal use (teams.live.com) numbers its meetings apart, and
 * the product never schedules there, so its links have no key.
 */
const TEAMS_HOSTS = new Set(["teams.microsoft.com", "teams.cloud.microsoft"]);

/** A join link's key: what names the meeting, without the host that served the link. */
export const JoinKey = z
  .string()
  .max(500)
  .regex(/^(meet\/\d{6,30}|meetup-join\/19:[A-Za-z0-9_.=-]+@thread\.(v2|skype|tacv2))$/);
export type JoinKey = z.infer<typeof JoinKey>;

/**
 * The key a Teams join link is found by, however Teams or a client spells it, on any of Teams'
 * hosts. A short link (`/meet/<id>?p=<passcode>`) keeps its id: the passcode only lets people in,
 * and is not stored in the key. A meetup-join link keeps its chat thread, decoded: its tenant and
 * organiser context vary between copies of the same link. Any other link has no key.
 */
export function joinKeyOf(joinUrl: string | null): JoinKey | null {
  const url = urlOf(joinUrl);
  if (!url) return null;
  // The URL parser puts the host in lower case; a port is no Teams host's.
  if (url.protocol !== "https:" || !TEAMS_HOSTS.has(url.host)) return null;
  const short = /^\/meet\/(\d{6,30})\/?$/.exec(url.pathname);
  const thread = threadIn(url);
  const key = short ? `meet/${short[1]}` : thread ? `meetup-join/${thread}` : null;
  const parsed = JoinKey.safeParse(key);
  return parsed.success ? parsed.data : null;
}

/**
 * The key from a meeting chat to the panel whose series made it: stored when the series is, from
 * the chat its join link names, or the first time the app is opened in a meeting whose join link
 * names no chat (a short link), once Teams has said which join link the chat is the meeting's,
 * with that link's key, which must still be the meeting's.
 */
export const MeetingChat = z.strictObject({
  chatId: ChatThreadId,
  panelId: z.string().max(80),
  linkedAt: z.iso.datetime(),
  joinKey: JoinKey.optional(),
});
export type MeetingChat = z.infer<typeof MeetingChat>;

/** The key from a join link to the panel whose series it joins, stored when the series is. */
export const MeetingJoinLink = z.strictObject({
  joinKey: JoinKey,
  panelId: z.string().max(80),
  linkedAt: z.iso.datetime(),
});
export type MeetingJoinLink = z.infer<typeof MeetingJoinLink>;

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
