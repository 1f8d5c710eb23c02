import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { tabLinks } from "../../bot/src/adapters/teams/tab-links.js";
import { chromiumBrowser } from "../support/browser.js";
import { PEOPLE } from "../support/people.js";
import { forgetAgenda } from "../support/graph.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Inside Teams, a card's deep link reaches the tab as the Teams SDK's sub-page id, not in its
// address. Here a page plays Teams: it frames the tab and answers the SDK's messages (its start,
// its context with the deep link's sub-entity, the person's sign-in token), as Teams does.

const APP_ID = "11111111-2222-4333-8444-555555555555";
const PANEL = "merton-pre-mace";

/** The host page: the tab in a frame, and answers to what the SDK asks of Teams. */
function teamsHost(tabUrl: string, subEntityId: string, token: string): string {
  const runtime = {
    apiVersion: 4,
    supports: { appInitialization: {}, authentication: {}, pages: { config: {} }, teamsCore: {} },
  };
  const context = {
    locale: "en-gb",
    theme: "default",
    entityId: "mace-panels",
    subEntityId,
    frameContext: "content",
    hostClientType: "ios",
    tid: "00000000-0000-4000-8000-00000000d0e1",
    appSessionId: "00000000-0000-4000-8000-0000000000a1",
  };
  const answers = {
    initialize: ["content", "ios", JSON.stringify(runtime), "2.58.0"],
    getContext: [context],
    "authentication.getAuthToken": [true, token],
  };
  return `<!doctype html><html><body style="margin:0">
<iframe id="tab" title="MACE panels" src="${tabUrl}" style="width:100%;height:100vh;border:0"></iframe>
<script>
  const answers = ${JSON.stringify(answers)};
  window.asked = [];
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (!m || typeof m.func !== "string" || typeof m.id !== "number") return;
    window.asked.push(m.func);
    e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args: answers[m.func] ?? [] }, e.origin);
  });
</script></body></html>`;
}

describe("A card's Teams deep link opens its task in the tab inside Teams (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-12-03T10:00:00Z") });
    // Other suites sign people in to this meeting: its sign-in form is shown only to those who have not.
    await forgetAgenda(PANEL, "2026-12-03");
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 390, height: 844 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("the sign-in card's deep link, read as Teams gives it, opens that meeting's sign-in", async () => {
    // The deep link exactly as the card carries it, decoded as Teams does.
    const deepLink = new URL(
      tabLinks(service.url, APP_ID)({ page: "sign-in", panelId: PANEL, meetingId: "2026-12-03" }),
    );
    assert.equal(deepLink.pathname, `/l/entity/${APP_ID}/mace-panels`);
    const { subEntityId } = JSON.parse(deepLink.searchParams.get("context") ?? "{}") as {
      subEntityId: string;
    };
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    // The manifest's content URL: the tab's own address, with nothing of the link in it.
    const host = `${service.url}/teams-host`;
    await page.route(host, (route) =>
      route.fulfill({ contentType: "text/html", body: teamsHost(`${service.url}/tab/`, subEntityId, token) }),
    );
    await page.goto(host);
    const tab = page.frameLocator("#tab");
    const room = tab.locator('[data-link-target="sign-in"][data-linked="true"]');
    await room.waitFor();
    await room.getByRole("form", { name: "Sign in to the meeting" }).waitFor();
    const asked = (await page.evaluate(() => (window as unknown as { asked: string[] }).asked)) ?? [];
    assert.ok(asked.includes("getContext"), asked.join(", "));
    assert.ok(asked.includes("authentication.getAuthToken"), asked.join(", "));
  });
});
