import { hostedInTeams } from "./teams.js";

// The tab in a Teams meeting: which meeting Teams says it is in, and sharing to its stage. The
// Teams SDK is fetched only when the tab is in Teams, as for the rest of the tab.
const sdk = () => import("./teamsSdk.js");

/** Where the tab is shown in a Teams meeting: its side panel, its stage, or a tab of its chat. */
export type MeetingFrame = "side-panel" | "stage" | "chat-tab";

/** The meeting the tab is in, as Teams tells it: its chat, its join link, and where the tab is shown. */
export interface InMeeting {
  chatId: string | null;
  /** The meeting's join link, where Teams lets the tab read the meeting's details; null otherwise. */
  joinUrl: string | null;
  frame: MeetingFrame;
}

// An old client may never answer a call it does not know: the tab goes on without the answer.
const DETAILS_WAIT_MS = 3_000;

type Sdk = Awaited<ReturnType<typeof sdk>>;
type Context = Awaited<ReturnType<Sdk["app"]["getContext"]>>;

/**
 * Whether Teams says the tab is in a meeting: it names the meeting, or shows the tab in a
 * meeting's side panel or stage. A group chat has a chat too, but is no meeting.
 */
const isMeeting = (context: Context): boolean =>
  !!context.meeting?.id ||
  context.page.frameContext === "sidePanel" ||
  context.page.frameContext === "meetingStage";

/**
 * The meeting's join link, from the meeting's details. Teams answers only where the meeting's
 * organiser consented to OnlineMeeting.ReadBasic.Chat, and a client may not know the call:
 * then there is none, and the chat alone must find the meeting.
 */
function joinUrlOf(meeting: Sdk["meeting"]): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(null), DETAILS_WAIT_MS);
    const answer = (joinUrl: string | null) => {
      window.clearTimeout(timer);
      resolve(joinUrl);
    };
    try {
      meeting.getMeetingDetails((error, found) => answer((!error && found?.details.joinUrl) || null));
    } catch {
      answer(null);
    }
  });
}

/**
 * The Teams meeting the tab is in; null when it is not in one (a channel, a group chat). Opened
 * in a browser (the local demo), the address names the meeting's chat (`?chat=…`), its join link
 * (`&joinUrl=…`) and the stage (`&frame=stage`), as Teams would.
 */
export async function meetingContext(): Promise<InMeeting | null> {
  if (!hostedInTeams()) {
    const query = new URLSearchParams(window.location.search);
    const frame = query.get("frame");
    const chatId = query.get("chat");
    if (!chatId) return null;
    return {
      chatId,
      joinUrl: query.get("joinUrl"),
      frame: frame === "stage" || frame === "chat-tab" ? frame : "side-panel",
    };
  }
  const { app, meeting } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  if (!isMeeting(context)) return null;
  const frame = context.page.frameContext;
  return {
    chatId: context.chat?.id ?? null,
    joinUrl: await joinUrlOf(meeting),
    frame: frame === "meetingStage" ? "stage" : frame === "sidePanel" ? "side-panel" : "chat-tab",
  };
}

/** Whether Teams lets the tab share to this meeting's stage (a client that cannot says no, or fails). */
export async function canShareToStage(): Promise<boolean> {
  if (!hostedInTeams()) return false;
  const { app, meeting } = await sdk();
  await app.initialize();
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, result) =>
        resolve(!error && !!result?.doesAppHaveSharePermission),
      );
    } catch {
      resolve(false);
    }
  });
}

// Teams' error code when the person may not share: the organiser decides who may present.
const PERMISSION_DENIED = 1000;

/**
 * Shares the page at `url` to the meeting's stage, for everyone in the meeting. Fails with a
 * plain message saying what to do: Teams' own error text is not for the person in the meeting.
 */
export async function shareToStage(url: string): Promise<void> {
  const refused = new Error(
    "Teams did not let you share the agenda to the stage: the meeting's organiser decides who may present. Ask them to make you a presenter, then share it again.",
  );
  const failed = new Error(
    "Teams did not share the agenda to the stage. Try again in a moment; if it still does not share, ask the meeting's organiser to check that you may present.",
  );
  const { meeting } = await sdk().catch(() => Promise.reject(failed));
  await new Promise<void>((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error, shared) => {
        if (error?.errorCode === PERMISSION_DENIED) reject(refused);
        else if (error || !shared) reject(failed);
        else resolve();
      }, url);
    } catch {
      reject(failed);
    }
  });
}

/** Where the tab is being added: a meeting's chat (that meeting), a group chat, or a channel. */
export type AddedTo =
  { kind: "meeting"; chatId: string; joinUrl: string | null } | { kind: "chat" } | { kind: "channel" };

/** Where the tab is being added, as `meetingContext` tells a meeting from a group chat. */
export async function configuringIn(): Promise<AddedTo> {
  const { app, meeting } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  const chatId = context.chat?.id;
  if (!chatId) return { kind: "channel" };
  if (!isMeeting(context)) return { kind: "chat" };
  return { kind: "meeting", chatId, joinUrl: await joinUrlOf(meeting) };
}
