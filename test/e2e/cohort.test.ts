import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";
import { catchOpenedLinks, downloadedBy } from "../support/opened-links.js";

// The Cohort page in Chromium: the Merton coordinator finds the demo referral's case by its
// reference, with its risk and next meeting; the closed cases are on their own tab.

describe("The Cohort page in Chromium", function () {
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

  it("the coordinator opens the cohort, searches by reference and sees the case", async () => {
    await catchOpenedLinks(page);
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Cohort of Pre-MACE operational panel" }).click();
    await page.getByRole("heading", { name: "Pre-MACE operational panel: cohort", level: 1 }).waitFor();

    const table = page.getByRole("table", { name: "Pre-MACE operational panel: open cases" });
    const jayden = table.getByRole("row").filter({ hasText: "Jayden Okoro-Hart" });
    await jayden.waitFor();
    assert.deepEqual(
      (await table.getByRole("columnheader").allInnerTexts()).map((t) => t.trim()),
      [
        "Reference",
        "Name",
        "Kind",
        "Risk",
        "Next meeting",
        "Open actions",
        "Overdue actions",
        "Last decision",
      ],
    );
    const reference = (await jayden.getAttribute("data-case")) ?? "";
    assert.match(reference, /^MER-2026-\d{4}$/);
    const cells = (await jayden.getByRole("cell").allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 5), [
      reference,
      "Jayden Okoro-Hart",
      "Child or young adult",
      "Significant",
      "3 Dec 2026",
    ]);
    // The reference opens the subject's history.
    assert.equal(await jayden.getByRole("button", { name: `History of ${reference}` }).count(), 1);

    // Other suites add cases; the search narrows the list to Jayden's.
    await page.getByLabel("Search by reference or name").fill(reference);
    await table.getByRole("row").nth(2).waitFor({ state: "detached" });
    assert.equal(await table.getByRole("row").count(), 2, "the header and Jayden's row");
    await page
      .getByRole("status")
      .filter({ hasText: /^(1 case|1 of \d+ cases match)\./ })
      .waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-cohort.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Sorting by a column says so to assistive technology.
    await table.getByRole("columnheader", { name: "Risk" }).click();
    assert.equal(
      await table.getByRole("columnheader", { name: "Risk" }).getAttribute("aria-sort"),
      "ascending",
    );

    // The whole list downloads as CSV.
    const file = await downloadedBy(page, () =>
      page.getByRole("button", { name: "Export open cases as CSV" }).click(),
    );
    assert.equal(file.name, "merton-pre-mace-cohort-open.csv");
    const csv = file.text;
    assert.match(
      csv,
      new RegExp(`\n${reference},Jayden Okoro-Hart,Child or young adult,Significant,2026-12-03,`),
    );
  });

  it("shows the closed cases on their own tab", async () => {
    await page.getByRole("tab", { name: "Closed cases" }).click();
    const table = page.getByRole("table", { name: "Pre-MACE operational panel: closed cases" });
    await table.waitFor();
    assert.deepEqual(
      (await table.getByRole("columnheader").allInnerTexts()).map((t) => t.trim()),
      ["Reference", "Name", "Kind", "Risk", "Closed", "Last decision"],
    );
    assert.equal(await table.getByRole("row").filter({ hasText: "Jayden Okoro-Hart" }).count(), 0);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
  });
});
