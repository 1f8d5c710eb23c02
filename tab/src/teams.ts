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
