import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Priya owns two actions from a Strategic MACE meeting. Three working days before they are due,
// the sweep reminds her in personal chat in the Agents Playground: she presses Done on one and the
// card shows it done; she types `done` with a note for the other.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-09-16";

describe("Action reminders in the Agents Playground (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let playground: Child;
  let proxy: Awaited<ReturnType<typeof playgroundProxy>> | undefined;
  let chat: Page;
  let now = new Date(`${MEETING}T14:00:00Z`);
  const references: string[] = [];

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

  it("reminds the owner in personal chat three working days before the due date", async () => {
    // Her first message lets the bot reach her chat later.
    await say("help");
    await chat.getByText("MACE panels: what I can do").last().waitFor({ timeout: 20_000 });
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    for (const title of ["Draft the exploitation profile", "Invite the housing lead"]) {
      const res = await call<{ action: { reference: string } }>(
        service,
        `/api/panels/${PANEL}/meetings/${MEETING}/actions`,
        {
          token,
          body: { title, text: `${title} before the next meeting.`, ownerId: PEOPLE.mertonCoordinator.id },
        },
      );
      assert.equal(res.status, 201);
      references.push(res.body.action.reference);
    }
    now = new Date("2027-09-27T09:15:00Z");
    const report = await service.sweepReminders();
    assert.equal(report.sent, 2);
    for (const reference of references) {
      await chat
        .locator(".ac-adaptiveCard", {
          hasText: `Reminder: ${reference} is due on Thursday 30 September 2027`,
        })
        .waitFor({ timeout: 20_000 });
    }
    await chat.screenshot({ path: `${ARTEFACTS}/playground-action-reminders.png` });
  });

  it("the owner presses Done and the card shows it done, by her, with the time", async () => {
    const card = chat.locator(".ac-adaptiveCard", { hasText: `Reminder: ${references[0]}` }).last();
    await card.getByRole("button", { name: "Done" }).click();
    const done = chat.locator(".ac-adaptiveCard", { hasText: `Done: ${references[0]}` }).last();
    await done.waitFor({ timeout: 20_000 });
    await done.getByText("Marked done by Priya Okafor on Monday 27 September 2027 at 10:15.").waitFor();
    assert.equal(await done.getByRole("button", { name: "Done" }).count(), 0);
    await service.noticesDelivered();
  });

  it("typing `done` with a note completes her other action, and its card shows it done", async () => {
    await say("done booked for Tuesday");
    await chat.getByText(`Thank you: ${references[1]} is marked done.`).last().waitFor({ timeout: 20_000 });
    // Her reminder card changes in place too.
    await chat
      .locator(".ac-adaptiveCard", { hasText: `Done: ${references[1]}` })
      .getByText("Note: booked for Tuesday")
      .waitFor({ timeout: 20_000 });
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const listed = (
      await call<{ actions: { reference: string; completed: { note: string } }[] }>(
        service,
        `/api/panels/${PANEL}/actions?status=done`,
        { token },
      )
    ).body;
    const second = listed.actions.find((a) => a.reference === references[1]);
    assert.equal(second?.completed.note, "booked for Tuesday");
    await chat.screenshot({ path: `${ARTEFACTS}/playground-action-done.png` });
  });
});
