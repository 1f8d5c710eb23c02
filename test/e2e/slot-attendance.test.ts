import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetAgenda } from "../support/graph.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";

// Priya opens March's pre-MACE agenda: each case's slot says who is expected and why. She records
// that plans are having impact for one child, so its people need not attend (000 §4), and then
// expects them again.

const MARCH = "2027-03-04";
const AGENDA = "Agenda, Thursday 4 March 2027, 09:30 to 13:30";

describe("Who is expected at each slot, in Chromium", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2027-02-20T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    await forgetAgenda("merton-pre-mace", MARCH);
    await acceptedMertonReferral(service, "Wren Invented-Slot", "5 Imaginary Close", MARCH);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await forgetAgenda("merton-pre-mace", MARCH);
    await service?.close();
  });

  it("shows who is expected at a slot and why, and follows the coordinator's note that plans are having impact", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: AGENDA }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 4 March 2027, 09:30 to 13:30" });
    const wren = agenda.getByRole("row").filter({ hasText: "Wren Invented-Slot" });
    await wren.waitFor();
    const reference = (await wren.getAttribute("data-slot")) ?? "";
    const expected = wren.getByRole("list", { name: `Expected at the slot for ${reference}` });
    assert.deepEqual(await expected.getByRole("listitem").allInnerTexts(), [
      "Grace Mensah Expected\nreferred the case",
    ]);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    await wren.getByRole("button", { name: "Plans are having impact" }).click();
    const save = wren.getByRole("button", { name: "Save: they need not attend" });
    assert.equal(await save.isDisabled(), true, "a reason is needed first");
    await wren
      .getByLabel(`Why plans for ${reference} are having impact`)
      .fill("Back in school full time; no missing episodes since October.");
    await save.click();
    await expected.getByText("Need not attend").waitFor();
    await wren
      .getByText(
        "Plans are having impact (000 §4): Back in school full time; no missing episodes since October.",
      )
      .waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-slot-attendance.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Read again from the service, the note is still there; then Priya expects them again.
    await page.reload();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: AGENDA }).click();
    await expected.getByText("Need not attend").waitFor();
    await wren.getByRole("button", { name: "Expect them again" }).click();
    await expected.getByText("Expected").waitFor();
    assert.equal(await wren.getByText(/Plans are having impact \(000 §4\)/).count(), 0);
  });
});
