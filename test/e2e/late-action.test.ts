import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";

// On 24 November 2026 Priya records, on the agenda page of the 5 November meeting, an action for
// a school's safeguarding lead given through Hannah. Two weeks after the meeting has passed: the
// tab says so beside the due date, and records it only once she ticks that it is already overdue.

describe("Recording a late action for an owner outside the panel, in the tab (Chromium)", function () {
  this.timeout(60_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("says the due date has passed, keeps the form, and records it overdue once confirmed", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByLabel("Show").selectOption("past");
    await page.getByRole("button", { name: "Agenda, Thursday 5 November 2026, 09:30 to 13:30" }).click();
    const form = page.getByRole("form", { name: "Record an action" });
    await form.getByLabel(/^Short title/).fill("Share the attendance record");
    await form.getByLabel("What is to be done").fill("Share the term's attendance record with the panel.");
    await form.getByLabel(/For someone outside the panel/).check();
    await form.getByLabel(/Outside owner's role/).fill("Safeguarding lead");
    await form.getByLabel(/Outside owner's organisation/).fill("Oakfield Academy");
    await form.getByLabel(/Panel member who answers for it/).selectOption({ label: "Hannah Reyes (Health)" });
    await form.getByRole("button", { name: "Record action" }).click();

    await form
      .getByText(
        "The due date, 19 November 2026 (14 days after the meeting), has already passed, so the action would be overdue as soon as it is recorded and its owner chased at once. Choose a later due date, or confirm that it is recorded as already overdue.",
      )
      .waitFor();
    assert.equal(await form.getByLabel(/^Short title/).inputValue(), "Share the attendance record");
    await page.screenshot({ path: `${ARTEFACTS}/tab-late-action-refused.png` });

    await form.getByLabel(/Record it as already overdue/).check();
    await form.getByRole("button", { name: "Record action" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^MER-A-2026-\d{4} is recorded\.$/ })
      .waitFor();
    const row = page
      .getByRole("table", { name: "This meeting's actions" })
      .getByRole("row")
      .filter({ hasText: "Share the attendance record" });
    assert.match(
      await row.innerText(),
      /Safeguarding lead, Oakfield Academy \(through Hannah Reyes, Health\)[\s\S]*19 Nov 2026[\s\S]*Overdue/,
    );
    await page.screenshot({ path: `${ARTEFACTS}/tab-late-action-recorded.png` });
  });
});
