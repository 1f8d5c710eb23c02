import { hostedInTeams } from "./teams.js";

// The tab in a Teams meeting: which meeting Teams says it is in, and sharing to its stage. The
// Teams SDK is fetched only when the tab is in Teams, as for the rest of the tab.
const sdk = () => import("./teamsSdk.js");

/** Where the tab is shown in a Teams meeting: its side panel, its stage, or a tab of its chat. */
export type MeetingFrame = "side-panel" | "stage" | "chat-tab";

/**
 * The meeting the tab is in, as Teams tells it: its chat, which the service knows the meeting by
 * (asking Teams itself where the join link names no chat), and where the tab is shown.
 */
export interface InMeeting {
  chatId: string | null;
  frame: MeetingFrame;
}

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
 * The Teams meeting the tab is in; null when it is not in one (a channel, a group chat). Opened
 * in a browser (the local demo), the address names the meeting's chat (`?chat=…`) and the stage
 * (`&frame=stage`), as Teams would.
 */
export async function meetingContext(): Promise<InMeeting | null> {
  if (!hostedInTeams()) {
    const query = new URLSearchParams(window.location.search);
    const frame = query.get("frame");
    const chatId = query.get("chat");
    if (!chatId) return null;
    return { chatId, frame: frame === "stage" || frame === "chat-tab" ? frame : "side-panel" };
  }
  const { app } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  if (!isMeeting(context)) return null;
  const frame = context.page.frameContext;
  return {
    chatId: context.chat?.id ?? null,
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
export type AddedTo = { kind: "meeting"; chatId: string } | { kind: "chat" } | { kind: "channel" };

/** Where the tab is being added, as `meetingContext` tells a meeting from a group chat. */
export async function configuringIn(): Promise<AddedTo> {
  const { app } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  const chatId = context.chat?.id;
  if (!chatId) return { kind: "channel" };
  if (!isMeeting(context)) return { kind: "chat" };
  return { kind: "meeting", chatId };
}
