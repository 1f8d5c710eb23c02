import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chromiumBrowser } from "../support/browser.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { hostInTeams } from "../support/teams-host.js";

// Inside Teams a file is not downloaded by the page (blob downloads fail in the new Teams client
// after the first file, and on mobile): the tab hands Teams the file's one-use link to open.

describe("A download inside Teams (Chromium, emulated Teams)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1300, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("the action log's CSV goes to Teams as a link that opens once, with no sign-in, and holds the log", async () => {
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const host = await hostInTeams(page, service, {
      path: "/tab/",
      frameContext: "content",
      token,
      width: 1280,
    });
    await host.tab.getByRole("button", { name: "Action log of Pre-MACE operational panel" }).click();
    await host.tab.getByRole("button", { name: "Export as CSV" }).click();
    await page.waitForFunction(() => (window as unknown as { openedLinks: string[] }).openedLinks.length > 0);
    const [link = ""] = await host.openedLinks();
    assert.match(link, new RegExp(`^${service.url}/downloads/[A-Za-z0-9_-]+$`));

    const first = await fetch(link);
    assert.equal(first.status, 200);
    assert.match(
      first.headers.get("content-disposition") ?? "",
      /^attachment; filename="merton-pre-mace-actions.*\.csv"/,
    );
    assert.equal(first.headers.get("cache-control"), "no-store");
    const csv = await first.text();
    assert.deepEqual(csv.split("\n").slice(0, 2), [
      "OFFICIAL-SENSITIVE",
      "Reference,Meeting,Case,Title,Action,Owner,Agency,Due,Status,Completed,Latest update",
    ]);

    const again = await fetch(link);
    assert.equal(again.status, 403);
    assert.match(
      await again.text(),
      /This download link has been used already: each link opens once\. Go back to the page in MACE panels and choose the download again\./,
    );
  });
});
