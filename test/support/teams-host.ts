import type { Frame, Page } from "playwright-core";

// Teams as the tab meets it: a host page holding the tab in a frame and answering the Teams SDK's
// messages (initialize, getContext, the SSO token, the meeting's stage) as a Teams client does.
// The host page is served by the browser itself, on the tab's own origin, which the SDK trusts as
// it trusts Teams' own.

export type FrameContext = "content" | "settings" | "sidePanel" | "meetingStage";

export interface TeamsHostOptions {
  /** The tab's page, as the manifest or the saved configuration names it: "/tab/meeting". */
  path: string;
  frameContext: FrameContext;
  /** The SSO token Teams hands the tab (a development sign-in token in tests). */
  token: string;
  /** The meeting's chat, in a meeting; or a group chat's, with `groupChat`. */
  chatId?: string;
  /** The chat is a group chat, no meeting: Teams names no meeting in the context. */
  groupChat?: boolean;
  /** Whether the person may share to the stage: the organiser may let only presenters. */
  stageSharing?: "allowed" | "refused";
  /** The frame's width in pixels: a meeting's side panel is about 320. */
  width?: number;
  height?: number;
}

export interface TeamsHost {
  /** The tab's frame. */
  tab: Frame;
  /** What the tab asked to share to the meeting's stage, in order. */
  sharedToStage(): Promise<string[]>;
  /** The links the tab asked Teams to open (app.openLink), in order. */
  openedLinks(): Promise<string[]>;
  /** On the configure page: whether the tab lets Save be pressed. */
  canSave(): Promise<boolean | null>;
  /** On the configure page: presses Teams' Save and answers with the configuration the tab set. */
  pressSave(): Promise<unknown>;
}

/** The script of the host page: it answers each SDK call the tab makes. */
function hostScript(options: TeamsHostOptions, tabUrl: string): string {
  const context = {
    frameContext: options.frameContext,
    hostClientType: "web",
    theme: "default",
    locale: "en-gb",
    entityId: "mace-panels-meeting",
    tid: "00000000-0000-4000-8000-00000000ee01",
    ...(options.chatId ? { chatId: options.chatId } : {}),
    ...(options.chatId && !options.groupChat ? { meetingId: `meeting-of-${options.chatId}` } : {}),
  };
  const sharing =
    options.stageSharing === "refused"
      ? [{ errorCode: 1000, message: "Permission denied: user is not a presenter (0x80070005)" }, false]
      : [null, true];
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { appInitialization: {}, authentication: {}, meeting: {}, pages: { config: {}, tabs: {} } },
  };
  return `
    window.sharedToStage = [];
    window.openedLinks = [];
    window.savedConfig = null;
    window.validity = null;
    const context = ${JSON.stringify(context)};
    const frame = document.createElement("iframe");
    frame.title = "MACE panels";
    frame.style.width = "${options.width ?? 320}px";
    frame.style.height = "${options.height ?? 900}px";
    frame.style.border = "0";
    window.addEventListener("message", (event) => {
      const m = event.data;
      if (event.source !== frame.contentWindow || !m || typeof m.func !== "string") return;
      const reply = (args) =>
        frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, "*");
      switch (m.func) {
        case "initialize":
          return reply([context.frameContext, "web", ${JSON.stringify(JSON.stringify(runtime))}, "2.58.0"]);
        case "getContext":
          return reply([context]);
        case "authentication.getAuthToken":
          return reply([true, ${JSON.stringify(options.token)}]);
        case "meeting.getAppContentStageSharingCapabilities":
          return reply([null, { doesAppHaveSharePermission: true }]);
        case "meeting.shareAppContentToStage":
          if (${JSON.stringify(sharing[1])}) window.sharedToStage.push(m.args[0]);
          return reply(${JSON.stringify(sharing)});
        case "executeDeepLink":
          window.openedLinks.push(m.args[0]);
          return reply([true]);
        case "settings.setSettings":
          window.savedConfig = m.args[0];
          return reply([true]);
        case "settings.setValidityState":
          window.validity = m.args[0];
          return;
      }
    });
    document.body.append(frame);
    frame.src = ${JSON.stringify(tabUrl)};
  `;
}

/** Opens the tab at `options.path` inside an emulated Teams client, on the service's origin. */
export async function hostInTeams(
  page: Page,
  service: { url: string },
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const hostUrl = `${service.url}/teams-host-${options.frameContext}.html`;
  await page.route(hostUrl, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Teams</title></head><body style="margin:0"><script>${hostScript(options, `${service.url}${options.path}`)}</script></body></html>`,
    }),
  );
  await page.goto(hostUrl);
  const handle = await page.waitForSelector("iframe");
  const tab = await handle.contentFrame();
  if (!tab) throw new Error("the tab's frame did not open");
  return {
    tab,
    sharedToStage: () =>
      page.evaluate(() => (window as unknown as { sharedToStage: string[] }).sharedToStage),
    openedLinks: () => page.evaluate(() => (window as unknown as { openedLinks: string[] }).openedLinks),
    canSave: () => page.evaluate(() => (window as unknown as { validity: boolean | null }).validity),
    async pressSave() {
      await page.evaluate(() =>
        document
          .querySelector("iframe")
          ?.contentWindow?.postMessage({ func: "settings.save", args: [{}] }, "*"),
      );
      await page.waitForFunction(() => (window as unknown as { savedConfig: unknown }).savedConfig !== null);
      return page.evaluate(() => (window as unknown as { savedConfig: unknown }).savedConfig);
    },
  };
}
