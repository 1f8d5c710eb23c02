import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Priya owns an action from a Strategic MACE meeting. Its reminder reaches her personal chat in
// the Agents Playground: she opens Extend, gives too short a reason and is told so with what she
// typed kept, then gives a proper one, and the action is due a fortnight later.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-09-16";

describe("Extending an action from its reminder in the Agents Playground (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let playground: Child;
  let proxy: Awaited<ReturnType<typeof playgroundProxy>> | undefined;
  let chat: Page;
  let now = new Date(`${MEETING}T14:00:00Z`);
  let reference = "";

  before(async () => {
    service = await startTestService({}, { now: () => now });
    const port = await freePort();
    playground = startPlayground(
      port,
      (proxy = await playgroundProxy(`${service.url}/api/messages`)).url,
      process.cwd(),
    );
    await waitForHttp(`http://127.0.0.1:${port}`, playground);
    chat = await (await chromiumBrowser()).newPage({ viewport: { width: 1400, height: 1000 } });
    await chat.goto(`http://127.0.0.1:${port}`);
    await chat.locator("[data-lexical-editor=true]").waitFor();
  });

  after(async () => {
    await chat?.close();
    await playground?.stop();
    await proxy?.close();
    await service?.close();
  });

  async function say(text: string): Promise<void> {
    await chat.locator("[data-lexical-editor=true]").click();
    await chat.keyboard.type(text);
    await chat.keyboard.press("Enter");
  }

  it("her reminder in personal chat offers Extend and Not possible", async () => {
    await say("help");
    await chat.getByText("MACE panels: what I can do").last().waitFor({ timeout: 20_000 });
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await call<{ action: { reference: string } }>(
      service,
      `/api/panels/${PANEL}/meetings/${MEETING}/actions`,
      {
        token,
        body: {
          title: "Draft the exploitation profile",
          text: "Draft the exploitation profile before the next meeting.",
          ownerId: PEOPLE.mertonCoordinator.id,
        },
      },
    );
    assert.equal(res.status, 201);
    reference = res.body.action.reference;
    now = new Date("2027-09-27T09:15:00Z");
    await service.sweepReminders();
    const card = chat
      .locator(".ac-adaptiveCard", { hasText: `Reminder: ${reference} is due on Thursday 30 September 2027` })
      .last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole("button", { name: "Extend" }).waitFor();
    await card.getByRole("button", { name: "Not possible" }).waitFor();
  });

  it("a reason too short is refused beside its box, with what she typed kept; a proper one extends it", async () => {
    const card = chat.locator(".ac-adaptiveCard", { hasText: `Reminder: ${reference}` }).last();
    await card.getByRole("button", { name: "Extend" }).click();
    const date = card.getByLabel(/New due date/);
    await date.fill("2027-10-14");
    // Enter would send the card; leaving the field makes the date picker read what was typed.
    await date.press("Tab");
    await card.getByLabel(/Why it needs longer/).fill("half term");
    await card.getByRole("button", { name: "Extend the action" }).click();

    const form = chat.locator(".ac-adaptiveCard", { hasText: `Extend ${reference}` }).last();
    await form
      .getByText("Give the reason in a few words, so the panel can follow it later.")
      .first()
      .waitFor({ timeout: 20_000 });
    assert.notEqual(await form.getByLabel(/New due date/).inputValue(), "");
    const reason = form.getByLabel(/Why it needs longer/);
    assert.equal(await reason.inputValue(), "half term");
    await chat.screenshot({ path: `${ARTEFACTS}/playground-action-extend-refused.png` });

    await reason.fill("The school was closed for a week.");
    await form.getByRole("button", { name: "Extend the action" }).click();
    const extended = chat
      .locator(".ac-adaptiveCard", { hasText: "Extended to Thursday 14 October 2027." })
      .last();
    await extended.waitFor({ timeout: 20_000 });
    await extended.getByText(`${reference}: due Thursday 14 October 2027`).waitFor();
    await chat.screenshot({ path: `${ARTEFACTS}/playground-action-extended.png` });

    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const listed = await call<{
      actions: { id: string; reference: string; dueDate: string; version: string }[];
    }>(service, `/api/panels/${PANEL}/actions`, { token });
    const stored = listed.body.actions.find((a) => a.reference === reference);
    assert.equal(stored?.dueDate, "2027-10-14");
    // Done at last, so a later `done` typed in her chat means only that suite's own action.
    const done = await call(service, `/api/panels/${PANEL}/actions/${stored?.id}/done`, {
      token,
      ifMatch: stored?.version ?? "",
      body: {},
    });
    assert.equal(done.status, 200);
  });
});
