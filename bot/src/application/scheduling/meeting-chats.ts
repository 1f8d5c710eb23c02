import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { chatThreadOf, ChatThreadId, occurrenceOf } from "../../domain/schedule/meeting-chat.js";
import { accessPanel } from "../access/panel-access.js";
import { meetingView, type MeetingView } from "./meetings-between.js";
import type { SchedulingPorts } from "./scheduling-ports.js";

// Inside a Teams meeting the app knows only the meeting's chat. Each panel's series records the
// chat its join link opens, keyed by the chat, so the app finds the panel with one point read and
// the meeting from the panel's own calendar: today's, else the next.

// A meeting keeps its id (the rule's date) when it moves: one moved this far is still found.
const MOVED_AT_MOST_DAYS = 92;
const AHEAD_DAYS = 400;

/** Keys each chat the panel's join links open to the panel; writing a known key again changes nothing. */
export async function linkChats(
  ports: Pick<SchedulingPorts, "meetings" | "now">,
  panelId: string,
  joinUrls: (string | null)[],
  by: string,
): Promise<void> {
  const chats = new Set(joinUrls.map(chatThreadOf).filter((c): c is string => c !== null));
  const linkedAt = ports.now().toISOString();
  await Promise.all([...chats].map((chatId) => ports.meetings.linkChat({ chatId, panelId, linkedAt }, by)));
}

/**
 * At start-up: keys the chat of every panel's series already in Teams calendars, so series
 * scheduled before chats were keyed are found too. One point read per panel; safe to run each time.
 */
export async function linkScheduledChats(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings" | "now">,
): Promise<number> {
  const linked = await Promise.all(
    [...ports.catalogue.panels.keys()].map(async (panelId) => {
      const series = await ports.meetings.seriesOf(panelId);
      if (!series?.value.joinUrl) return false;
      await linkChats(ports, panelId, [series.value.joinUrl], "start-up");
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

/** The panel whose Teams meeting has this chat, for its members, and the meeting it is holding. */
export async function meetingOfChat(
  ports: SchedulingPorts,
  actor: Actor,
  chatId: unknown,
): Promise<MeetingOfChat> {
  const parsed = ChatThreadId.safeParse(chatId);
  if (!parsed.success) throw notOurs();
  const link = await ports.meetings.chatLink(parsed.data);
  if (!link) throw notOurs();
  const { panel, role } = await accessPanel(ports, actor.id, link.panelId);
  const now = ports.now();
  const today = localDay(now);
  const [series, stored] = await Promise.all([
    ports.meetings.seriesOf(panel.id),
    ports.meetings.between(panel.id, addDays(today, -MOVED_AT_MOST_DAYS), addDays(today, AHEAD_DAYS)),
  ]);
  // The key is checked against the join links stored now: a series made again (deleted in Outlook,
  // say) has a new chat, and the old one no longer opens the panel.
  const opens = (url: string | null) => chatThreadOf(url) === parsed.data;
  if (!opens(series?.value.joinUrl ?? null) && !stored.some((m) => opens(m.value.joinUrl))) throw notOurs();
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
