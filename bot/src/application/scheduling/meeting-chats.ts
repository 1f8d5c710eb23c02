import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { KeyHeldByAnotherPanel } from "../ports/meetings.js";
import { ChatLookupFailed } from "../ports/teams-chats.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import {
  chatThreadOf,
  ChatThreadId,
  joinKeyOf,
  occurrenceOf,
  type MeetingChat,
} from "../../domain/schedule/meeting-chat.js";
import { accessPanel } from "../access/panel-access.js";
import { meetingView, type MeetingView } from "./meetings-between.js";
import type { SchedulingPorts } from "./scheduling-ports.js";

// Inside a Teams meeting the app knows the meeting's chat. Each panel's series keys the chat its
// join link opens and the join link itself to the panel, so the app finds the panel with one point
// read and the meeting from the panel's own calendar: today's, else the next. A short join link
// names no chat: the first opening asks Teams which join link the chat is the meeting's, finds the
// panel by that link and keys the chat, so later ones need the chat alone. The browser names only
// the chat; the link comes from Teams, so nobody can tie a chat to a meeting it is not.

// A meeting keeps its id (the rule's date) when it moves: one moved this far is still found.
const MOVED_AT_MOST_DAYS = 92;
const AHEAD_DAYS = 400;

/**
 * Keys each chat the panel's join links open, and each link's own key, to the panel; writing a
 * known key again changes nothing.
 */
export async function linkChats(
  ports: Pick<SchedulingPorts, "meetings" | "now">,
  panelId: string,
  joinUrls: (string | null)[],
  by: string,
): Promise<void> {
  const known = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
  const linkedAt = ports.now().toISOString();
  await Promise.all([
    ...known(joinUrls.map(chatThreadOf)).map((chatId) =>
      ports.meetings.linkChat({ chatId, panelId, linkedAt }, by),
    ),
    ...known(joinUrls.map(joinKeyOf)).map((joinKey) =>
      ports.meetings.linkJoinUrl({ joinKey, panelId, linkedAt }, by),
    ),
  ]);
}

/**
 * At start-up: keys the chat of every panel's series already in Teams calendars, so series
 * scheduled before chats were keyed are found too. One point read per panel; safe to run each time.
 */
export async function linkScheduledChats(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings" | "log" | "now">,
): Promise<number> {
  const linked = await Promise.all(
    [...ports.catalogue.panels.keys()].map(async (panelId) => {
      const series = await ports.meetings.seriesOf(panelId);
      if (!series?.value.joinUrl) return false;
      try {
        await linkChats(ports, panelId, [series.value.joinUrl], "start-up");
      } catch (e) {
        // One panel's key held by another is that panel's problem: the others are keyed still.
        if (!(e instanceof KeyHeldByAnotherPanel)) throw e;
        ports.log.warn({ panelId, key: e.key, heldBy: e.heldBy }, "meeting key held by another panel");
        return false;
      }
      return true;
    }),
  );
  return linked.filter(Boolean).length;
}

export interface MeetingOfChat {
  panelId: string;
  panelName: string;
  role: PanelRole;
  /** Today's meeting, else the next; null when the series has none still to come. */
  meeting: MeetingView | null;
  /** Whether that meeting is today's. */
  today: boolean;
  /** The service's clock, so the meeting's current item is worked out on its time, not the device's. */
  now: string;
}

const notOurs = () =>
  new Refusal(
    "not-found",
    "MACE panels did not schedule this Teams meeting, so it has no panel's agenda. Open the panel's own meeting from its invitation, or find it on the panel's Meetings page in the MACE panels tab.",
    { code: "unknown-meeting-chat" },
  );

/** The join link Teams holds for the chat; none when Teams knows no meeting of it, or could not be asked. */
async function joinUrlOfChat(ports: SchedulingPorts, chatId: ChatThreadId): Promise<string | null> {
  try {
    return await ports.chats.joinUrlOfChat(chatId);
  } catch (e) {
    if (!(e instanceof ChatLookupFailed)) throw e;
    ports.log.warn({ kind: e.kind, status: e.status }, "meeting chat not looked up in Teams");
    return null;
  }
}

/**
 * The chat's key, else (for a meeting scheduled with a short join link) the key of the join link
 * Teams holds for the chat, as a chat key to write once the link is confirmed still the meeting's.
 */
async function keyOfChat(
  ports: SchedulingPorts,
  chatId: ChatThreadId,
): Promise<{ link: MeetingChat; unsaved: boolean } | undefined> {
  const link = await ports.meetings.chatLink(chatId);
  if (link) return { link, unsaved: false };
  const joinUrl = await joinUrlOfChat(ports, chatId);
  // A link naming a chat names this one, or it is another meeting's.
  const thread = chatThreadOf(joinUrl);
  const joinKey = joinKeyOf(joinUrl);
  if (!joinKey || (thread && thread !== chatId)) return undefined;
  const joined = await ports.meetings.joinUrlLink(joinKey);
  if (!joined) return undefined;
  return {
    link: { chatId, panelId: joined.panelId, linkedAt: ports.now().toISOString(), joinKey },
    unsaved: true,
  };
}

/** Keys the chat once; a chat already another panel's is no meeting of this one. */
async function saveChatKey(ports: SchedulingPorts, link: MeetingChat, by: string): Promise<void> {
  try {
    await ports.meetings.linkChat(link, by);
  } catch (e) {
    if (!(e instanceof KeyHeldByAnotherPanel)) throw e;
    ports.log.warn({ panelId: link.panelId, heldBy: e.heldBy }, "meeting chat held by another panel");
    throw notOurs();
  }
}

/**
 * The panel whose Teams meeting has this chat, for its members, and the meeting it is holding.
 */
export async function meetingOfChat(
  ports: SchedulingPorts,
  actor: Actor,
  chatId: unknown,
): Promise<MeetingOfChat> {
  const parsed = ChatThreadId.safeParse(chatId);
  if (!parsed.success) throw notOurs();
  const keyed = await keyOfChat(ports, parsed.data);
  if (!keyed) throw notOurs();
  const { link } = keyed;
  const { panel, role } = await accessPanel(ports, actor.id, link.panelId);
  const now = ports.now();
  const today = localDay(now);
  const [series, stored] = await Promise.all([
    ports.meetings.seriesOf(panel.id),
    ports.meetings.between(panel.id, addDays(today, -MOVED_AT_MOST_DAYS), addDays(today, AHEAD_DAYS)),
  ]);
  // The key is checked against the join links stored now: a series made again (deleted in Outlook,
  // say) has a new chat and link, and the old ones no longer open the panel.
  const opens = (url: string | null) =>
    chatThreadOf(url) === link.chatId || (!!link.joinKey && joinKeyOf(url) === link.joinKey);
  if (!opens(series?.value.joinUrl ?? null) && !stored.some((m) => opens(m.value.joinUrl))) throw notOurs();
  if (keyed.unsaved) await saveChatKey(ports, link, actor.name);
  const held = occurrenceOf(
    stored.map((m) => m.value),
    today,
  );
  const found = held && stored.find((m) => m.value.id === held.id);
  return {
    panelId: panel.id,
    panelName: panel.name,
    role,
    // The app is already in the meeting: it needs no join link.
    meeting: found ? { ...meetingView(found), joinUrl: null } : null,
    today: held?.date === today,
    now: now.toISOString(),
  };
}
