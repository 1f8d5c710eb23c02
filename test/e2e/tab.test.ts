import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";

describe("The tab in Chromium", function () {
  this.timeout(60_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("lets the demo coordinator sign in and shows the Merton panels with their next dates", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByRole("heading", { name: "Sign in to MACE panels" }).waitFor();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();

    const merton = page.getByRole("region", { name: "Merton panels" });
    const preMace = merton.locator("[data-panel-id=merton-pre-mace]");
    const strategic = merton.locator("[data-panel-id=merton-strategic-mace]");
    assert.match(await preMace.innerText(), /Pre-MACE operational panel/);
    assert.deepEqual(await preMace.locator("time").allInnerTexts(), [
      "Thursday 3 December 2026, 09:30 to 13:30",
      "Thursday 7 January 2027, 09:30 to 13:30",
      "Thursday 4 February 2027, 09:30 to 13:30",
    ]);
    assert.deepEqual(await strategic.locator("time").allInnerTexts(), [
      "Thursday 17 December 2026, 10:00 to 12:00",
      "Thursday 21 January 2027, 10:00 to 12:00",
      "Thursday 18 February 2027, 10:00 to 12:00",
    ]);
    assert.match(
      await page.locator("header").innerText(),
      /Signed in as Priya Okafor, MACE panel coordinator \(Children's Social Care\)/,
    );
    await page.screenshot({ path: `${ARTEFACTS}/tab-panels.png`, fullPage: true });
  });

  it("shows a Lambeth coordinator only the Lambeth panels", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Leila Haddad (MAVE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("region", { name: "Lambeth panels" }).waitFor();
    assert.equal(await page.getByRole("region", { name: "Merton panels" }).count(), 0);
    const mave = page.locator("[data-panel-id=lambeth-mave] time");
    assert.deepEqual(await mave.allInnerTexts(), [
      "Tuesday 24 November 2026, 13:00 to 16:00",
      "Tuesday 8 December 2026, 13:00 to 16:00",
      "Tuesday 22 December 2026, 13:00 to 16:00",
    ]);
  });
});
