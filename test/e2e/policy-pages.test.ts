import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { chromiumBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";

// The pages Teams opens on their own (the privacy statement, the terms of use, adding the tab to a
// channel) follow the theme as the panels view does: opened in a browser, the system's dark or
// high-contrast setting, and they pass axe in each.

describe("The privacy, terms and channel-tab pages in the browser's theme (Chromium)", function () {
  this.timeout(60_000);
  let service: TestService;
  let page: Page;

  before(async () => {
    service = await startTestService();
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  /** The background the page is drawn on: Fluent's provider paints it from the theme. */
  const background = () =>
    page.evaluate(() => {
      const provider = document.querySelector(".fui-FluentProvider");
      return provider ? getComputedStyle(provider).backgroundColor : "";
    });

  for (const [name, heading] of [
    ["privacy", "Privacy"],
    ["terms", "Terms of use"],
    ["configure", "Add MACE panels to this channel"],
  ] as const) {
    it(`the ${name} page is light by default and dark when the system is, with no serious accessibility problem`, async () => {
      await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
      await page.goto(`${service.url}/tab/${name}`);
      await page.getByRole("heading", { name: heading }).waitFor();
      assert.equal(await background(), "rgb(255, 255, 255)");
      assert.deepEqual(await seriousAccessibilityProblems(page), []);

      await page.emulateMedia({ colorScheme: "dark", forcedColors: "none" });
      await page.waitForFunction(
        () =>
          getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor !==
          "rgb(255, 255, 255)",
      );
      assert.notEqual(await background(), "rgb(255, 255, 255)");
      assert.deepEqual(await seriousAccessibilityProblems(page), []);

      await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
      await page.getByRole("heading", { name: heading }).waitFor();
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    });
  }
});
