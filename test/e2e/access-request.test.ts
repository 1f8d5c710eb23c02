import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { playgroundFolderWith } from "../support/playground-as.js";
import { forgetPerson } from "../support/forget-person.js";
import { startTestService, type TestService } from "../support/service.js";

// Noor Castellan (invented, on no panel) opens the bot in the Agents Playground, is told whom to
// ask, and asks to join Merton's pre-MACE; Priya Okafor, its coordinator, approves her as a
// member in her own chat; Noor is told, and her panels are there.

const NOOR = {
  id: "user-noor",
  name: "Noor Castellan",
  aadObjectId: "00000000-0000-4000-8000-000000000199",
  email: "noor.castellan@merton.example",
};

describe("Asking for access in the Agents Playground, approved by the coordinator (Chromium)", function () {
  this.timeout(180_000);
  let service: TestService;
  const playgrounds: Child[] = [];
  const proxies: { close(): Promise<void> }[] = [];
  let noor: Page;
  let priya: Page;

  async function chatAs(folder: string): Promise<Page> {
    const port = await freePort();
    const proxy = await playgroundProxy(`${service.url}/api/messages`);
    proxies.push(proxy);
    const playground = startPlayground(port, proxy.url, folder);
    playgrounds.push(playground);
    await waitForHttp(`http://127.0.0.1:${port}`, playground);
    const page = await (await chromiumBrowser()).newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}`);
    await page.locator("[data-lexical-editor=true]").waitFor();
    return page;
  }
  async function say(page: Page, text: string): Promise<void> {
    await page.locator("[data-lexical-editor=true]").click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }
  const cardSaying = (page: Page, text: string | RegExp): Locator =>
    page.locator(".ac-adaptiveCard", { hasText: text }).last();
  async function choose(card: Locator, page: Page, label: RegExp, option: string): Promise<void> {
    await card.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  before(async () => {
    // The clock every suite seeds the demo referrals on.
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    noor = await chatAs(playgroundFolderWith(NOOR));
    priya = await chatAs(process.cwd());
  });

  after(async () => {
    await noor?.close();
    await priya?.close();
    for (const p of playgrounds) await p.stop();
    for (const p of proxies) await p.close();
    await service?.close();
    await forgetPerson(NOOR.aadObjectId, "merton", "merton-pre-mace");
  });

  it("Noor, on no panel, is told so with the coordinators' names, and asks to join Merton pre-MACE", async () => {
    // Priya has a chat with the app, so her card can reach her.
    await say(priya, "help");
    await priya.getByText("MACE panels: what I can do").waitFor({ timeout: 20_000 });

    await say(noor, "help");
    const told = cardSaying(noor, "You are not on any MACE panel yet");
    await told.waitFor({ timeout: 20_000 });
    const text = await told.innerText();
    assert.match(text, /Pre-MACE operational panel/);
    assert.match(text, /Priya Okafor/);
    await told.getByRole("button", { name: "Ask for access" }).click();

    const form = cardSaying(noor, "Ask to join a MACE panel");
    await form.waitFor({ timeout: 20_000 });
    await choose(form, noor, /^Panel/, "Merton: Pre-MACE operational panel");
    await choose(form, noor, /^Your agency/, "Merton: Education");
    await form.getByLabel(/^Your job title/).fill("Designated safeguarding lead");
    await form
      .getByLabel(/^Why you need to join it/)
      .fill("I lead safeguarding at a Mitcham secondary school and present our pupils' cases.");
    await form.getByRole("button", { name: "Send request" }).click();
    await noor.getByText("Request sent to join Pre-MACE operational panel").waitFor({ timeout: 20_000 });
    assert.match(await cardSaying(noor, "Request sent to join").innerText(), /Priya Okafor will decide/);
  });

  it("Priya gets the request in her chat and approves Noor as a member; Noor is told and sees her panel", async () => {
    await service.noticesDelivered();
    const request = cardSaying(priya, "Noor Castellan asks to join Pre-MACE operational panel");
    await request.waitFor({ timeout: 20_000 });
    const shown = await request.innerText();
    assert.match(shown, /noor\.castellan@merton\.example/);
    assert.match(shown, /Education/);
    assert.match(shown, /Mitcham secondary school/);
    await choose(request, priya, /^Role if you approve/, "member");
    await request.getByRole("button", { name: "Approve", exact: true }).click();
    await priya.getByText("Noor Castellan: approved").waitFor({ timeout: 20_000 });

    await service.noticesDelivered();
    const outcome = cardSaying(noor, "You are on Pre-MACE operational panel");
    await outcome.waitFor({ timeout: 20_000 });
    assert.match(await outcome.innerText(), /Priya Okafor added you as member/);

    await say(noor, "panels");
    const panels = cardSaying(noor, "Your panels");
    await panels.waitFor({ timeout: 20_000 });
    assert.match(await panels.innerText(), /Pre-MACE operational panel[\s\S]*your role: member/);
    await panels.scrollIntoViewIfNeeded();
    await noor.screenshot({ path: `${ARTEFACTS}/playground-access-request.png` });
  });
});
