import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { DEMO_PEOPLE } from "../../bot/src/seed/demo-people.js";
import { azurite } from "../support/azurite.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { channelActivities } from "../support/channel-watch.js";
import { listeningAddresses } from "../support/listening.js";
import { startTestService, type TestService } from "../support/service.js";

describe("The bot in Teams (Microsoft 365 Agents Playground, in Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let playground: Child;
  let proxy: Awaited<ReturnType<typeof playgroundProxy>> | undefined;
  let page: Page;
  let playgroundUrl: string;
  let playgroundPort: number;

  before(async () => {
    service = await startTestService();
    const port = (playgroundPort = await freePort());
    playground = startPlayground(
      port,
      (proxy = await playgroundProxy(`${service.url}/api/messages`)).url,
      process.cwd(),
    );
    playgroundUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(playgroundUrl, playground);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(playgroundUrl);
    await page.locator("[data-lexical-editor=true]").waitFor();
  });

  after(async () => {
    await page?.close();
    await playground?.stop();
    await proxy?.close();
    await service?.close();
  });

  it("listens on this machine's loopback address only, like the rest of `npm start`", () => {
    assert.deepEqual(listeningAddresses(playgroundPort), ["127.0.0.1"]);
    assert.deepEqual(listeningAddresses(Number(new URL(service.url).port)), ["127.0.0.1"]);
  });

  async function say(text: string): Promise<void> {
    const editor = page.locator("[data-lexical-editor=true]");
    await editor.click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }

  it("answers `help` in personal chat with a card of the commands", async () => {
    await say("help");
    await page.getByText("MACE panels: what I can do").waitFor({ timeout: 20_000 });
    await page.getByText("List the panels you belong to and when each meets next.").waitFor();
    await page.getByText("Open the MACE panels tab").first().waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/playground-help.png` });
  });

  it("answers `panels` with the signed-in coordinator's Merton panels and their next meetings", async () => {
    await say("panels");
    await page.getByText("Your panels", { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByText("Pre-MACE operational panel", { exact: true }).waitFor();
    await page.getByText("your role: coordinator").first().waitFor();
    const text = await page.locator("body").innerText();
    assert.match(text, /Next meeting: Thursday \d{1,2} \w+ 20\d\d, 09:30 to 13:30/);
  });

  it("when added to a team channel, stores the channel for reminders and posts one welcome with no identifying detail", async () => {
    // Opening the channel installs the app there, as adding it to a team does in Teams.
    await page.getByText("Merton MACE").nth(1).click();
    const welcomes = page.locator(".ac-adaptiveCard", { hasText: "MACE panels is ready in" });
    await welcomes.first().waitFor({ timeout: 20_000 });
    // Adding the app again must not post a second welcome.
    const updates = page.getByText(/conversationUpdate 200/);
    const updatesBefore = await updates.count();
    await page.getByText("Mock an Activity").click();
    await page.getByText("Add application").click();
    await page.getByRole("button", { name: "Send activity" }).click();
    await updates.nth(updatesBefore).waitFor({ timeout: 20_000 });
    assert.equal(await welcomes.count(), 1);
    const welcome = await welcomes.first().innerText();
    assert.match(welcome, /MACE panels is ready in MACE panels/);
    assert.match(welcome, /never a child's name or details/);
    for (const person of DEMO_PEOPLE) assert.ok(!welcome.includes(person.displayName));
    await page.screenshot({ path: `${ARTEFACTS}/playground-channel-welcome.png` });

    const repos = repositories(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    const stored = await repos.conversations.get("channel", keyOf("channel-merton-mace"));
    assert.ok(stored, "the channel's conversation reference was stored");
    assert.equal(
      (stored.value.reference["conversation"] as { conversationType?: string }).conversationType,
      "channel",
    );
  });

  it('the channel\'s "Make a referral" button opens the form privately, in personal chat', async () => {
    const before = channelActivities().length;
    const welcome = page.locator(".ac-adaptiveCard", { hasText: "MACE panels is ready in" }).first();
    await welcome.getByRole("button", { name: "Make a referral" }).click();
    await page
      .getByText("I have opened the referral form in your personal chat")
      .waitFor({ timeout: 20_000 });
    assert.ok(channelActivities().length > before, "the answer in the channel was watched");
    await page.getByText("Personal Chat").first().click();
    await page.getByText("Who or what are you referring?").last().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTEFACTS}/playground-referral-from-channel.png` });
  });

  it("writes no demo person's name or email into the service log", () => {
    assert.ok(service.logLines.length > 0);
    const log = service.logLines.join("\n");
    for (const person of DEMO_PEOPLE) {
      assert.ok(!log.includes(person.displayName), `log contains ${person.displayName}`);
      assert.ok(!log.includes(person.email), `log contains ${person.email}`);
    }
  });
});
