import type { TokenSource } from "./tokens.js";

// The Teams SDK is fetched only when the tab is in Teams: opened in a browser, it never needs it.
const sdk = () => import("./teamsSdk.js");

export type ThemeName = "default" | "dark" | "contrast";

/** True when the page is hosted by Teams (inside its frame); false when opened directly in a browser. */
export function hostedInTeams(): boolean {
  return window.parent !== window || /Teams/i.test(navigator.userAgent);
}

/** Starts the Teams SDK; returns the sub-page a deep link asked for (`panel=…&meeting=…`), if any. */
export async function initialiseTeams(onTheme: (theme: ThemeName) => void): Promise<string | undefined> {
  const { app } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  onTheme(toTheme(context.app.theme));
  app.registerOnThemeChangeHandler((t) => onTheme(toTheme(t)));
  app.notifySuccess();
  return context.page.subPageId;
}

/**
 * Calls `onTheme` with Teams' theme now and whenever it changes, for a page that starts the SDK
 * for something else (adding the tab to a channel) or only shows text (the policies). Initialising
 * twice is harmless: the SDK answers the second call with the first one's result.
 */
export function followTeamsTheme(onTheme: (theme: ThemeName) => void): () => void {
  let following = true;
  void sdk()
    .then(async ({ app }) => {
      await app.initialize();
      const context = await app.getContext();
      if (!following) return;
      onTheme(toTheme(context.app.theme));
      app.registerOnThemeChangeHandler((t) => {
        if (following) onTheme(toTheme(t));
      });
    })
    // Outside a Teams frame the SDK never answers; the page stays in the light theme.
    .catch(() => undefined);
  return () => {
    following = false;
  };
}

// Opened in a browser, the tab follows the system's settings as Teams follows its own: high
// contrast first, then dark.
const CONTRAST = "(forced-colors: active)";
const DARK = "(prefers-color-scheme: dark)";

/** The theme the browser asks for, outside Teams. */
export function browserTheme(): ThemeName {
  if (window.matchMedia(CONTRAST).matches) return "contrast";
  return window.matchMedia(DARK).matches ? "dark" : "default";
}

/** Calls `onTheme` whenever the browser's theme changes; returns how to stop. */
export function followBrowserTheme(onTheme: (theme: ThemeName) => void): () => void {
  const queries = [CONTRAST, DARK].map((q) => window.matchMedia(q));
  const changed = () => onTheme(browserTheme());
  for (const q of queries) q.addEventListener("change", changed);
  return () => {
    for (const q of queries) q.removeEventListener("change", changed);
  };
}

function toTheme(theme: string | undefined): ThemeName {
  if (theme === "dark") return "dark";
  if (theme === "contrast") return "contrast";
  return "default";
}

/**
 * Teams single sign-on, asked before every call: Teams keeps the token and renews it as it expires,
 * so asking again is also how a refused token is renewed (the SDK has no way to force it). When
 * Teams cannot ask for the person's permission itself, `askConsent` settles once they have given it.
 */
export function teamsTokens(askConsent: () => Promise<void>): TokenSource {
  const token = async (): Promise<string> => {
    // Asks again each time the person has given permission, until Teams has what it needs.
    const { authentication } = await sdk();
    for (;;) {
      try {
        return await authentication.getAuthToken();
      } catch (e) {
        if (!needsConsent(e)) throw new Error(signInProblem(e), { cause: e });
        await askConsent();
      }
    }
  };
  return { current: token, renew: token };
}

// What getAuthToken rejects with when only the person's permission is missing, or when they
// closed the permission dialog Teams showed.
const CONSENT_NEEDED = ["resourceRequiresConsent", "consent_required", "CancelledByUser"];

function needsConsent(e: unknown): boolean {
  return e instanceof Error && CONSENT_NEEDED.some((reason) => e.message.includes(reason));
}

function signInProblem(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return `Teams could not sign you in to MACE panels (${reason}). Try again, or ask your administrator to check the app's sign-in settings.`;
}

/** Opens the permission window (the consent page below); settles once the person has agreed. */
export async function askForConsent(): Promise<void> {
  const { authentication } = await sdk();
  await authentication.authenticate({
    url: `${window.location.origin}/tab/consent`,
    width: 600,
    height: 535,
  });
}

const CONSENT_STATE = "mace-consent-state";

/**
 * In the permission window: sends the person to Entra ID to agree that MACE panels may sign
 * them in, in the tenant they are using Teams in (a guest's host, not their home tenant).
 */
export async function startConsent(consent: { authority: string; scope: string }, clientId: string) {
  const { app } = await sdk();
  await app.initialize();
  const { user } = await app.getContext();
  const state = crypto.randomUUID();
  sessionStorage.setItem(CONSENT_STATE, state);
  const url = new URL(`${consent.authority}/${user?.tenant?.id ?? "organizations"}/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    response_mode: "fragment",
    redirect_uri: `${window.location.origin}/tab/consent-done`,
    scope: `openid ${consent.scope}`,
    prompt: "consent",
    state,
    // Entra ID asks a single-page app for PKCE; the code is never redeemed, so the verifier is not kept.
    code_challenge: await challenge(),
    code_challenge_method: "S256",
    ...(user?.loginHint ? { login_hint: user.loginHint } : {}),
  }).toString();
  window.location.assign(url.toString());
}

/** In the permission window, back from Entra ID: tells the tab whether the person agreed. */
export async function finishConsent(): Promise<void> {
  const { app, authentication } = await sdk();
  await app.initialize();
  const answer = new URLSearchParams(window.location.hash.slice(1));
  const expected = sessionStorage.getItem(CONSENT_STATE);
  sessionStorage.removeItem(CONSENT_STATE);
  const error = answer.get("error");
  if (error) authentication.notifyFailure(error);
  else if (!expected || answer.get("state") !== expected) authentication.notifyFailure("StateDoesNotMatch");
  else authentication.notifySuccess();
}

async function challenge(): Promise<string> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

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

/** Added in a meeting's chat, the meeting as `meetingContext` tells it; null in a channel or a group chat. */
export async function configuringInMeeting(): Promise<Pick<InMeeting, "chatId" | "joinUrl"> | null> {
  const { app, meeting } = await sdk();
  await app.initialize();
  const context = await app.getContext();
  if (!isMeeting(context) || !context.chat?.id) return null;
  return { chatId: context.chat.id, joinUrl: await joinUrlOf(meeting) };
}

/**
 * Lets Teams save the tab: in a channel, the panels page; in a panel's meeting, the meeting's own
 * view, which its side panel and stage show too. `valid` says whether Save may be pressed.
 */
export async function configureTab(tab: {
  contentUrl: string;
  meeting: boolean;
  valid: boolean;
}): Promise<void> {
  const { app, pages } = await sdk();
  await app.initialize();
  pages.config.registerOnSaveHandler((save) => {
    void pages.config
      .setConfig({
        entityId: tab.meeting ? "mace-panels-meeting" : "mace-panels",
        contentUrl: tab.contentUrl,
        websiteUrl: tab.contentUrl,
        suggestedDisplayName: tab.meeting ? "MACE panel" : "MACE panels",
      })
      .then(() => save.notifySuccess());
  });
  pages.config.setValidityState(tab.valid);
  app.notifySuccess();
}
