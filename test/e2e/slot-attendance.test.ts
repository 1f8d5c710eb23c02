import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetAgenda } from "../support/graph.js";
import { acceptedMertonReferral, acceptedWandsworthReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";

// Priya opens March's pre-MACE agenda: each case's slot says who is expected and why; Merton's terms
// of reference excuse nobody for plans having impact, so she is not offered it. Hollis, at
// Wandsworth's MARVE panel, records that plans are having impact for one child, so the social
// worker and manager need not attend (000 §4), and then expects them again.

const MARCH = "2027-03-04";
const AGENDA = "Agenda, Thursday 4 March 2027, 09:30 to 13:30";
const MARVE = "2027-03-09";
const MARVE_AGENDA = "Agenda, Tuesday 9 March 2027, 10:00 to 13:00";

describe("Who is expected at each slot, in Chromium", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2027-02-20T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    await forgetAgenda("merton-pre-mace", MARCH);
    await forgetAgenda("wandsworth-marve", MARVE);
    await acceptedMertonReferral(service, "Wren Invented-Slot", "5 Imaginary Close", MARCH);
    await acceptedWandsworthReferral(service, "Juno Invented-Slot", MARVE);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await forgetAgenda("merton-pre-mace", MARCH);
    await forgetAgenda("wandsworth-marve", MARVE);
    await service?.close();
  });

  it("shows who is expected at a slot and why; Merton's coordinator is not offered to excuse them", async () => {
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
    assert.equal(await wren.getByRole("button", { name: "Plans are having impact" }).count(), 0);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("at Wandsworth's MARVE panel, follows the coordinator's note that plans are having impact (000 §4)", async () => {
    await page.close();
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Hollis Varga (MARVE coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of MARVE operational panel" }).click();
    await page.getByRole("button", { name: MARVE_AGENDA }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Tuesday 9 March 2027, 10:00 to 13:00" });
    const juno = agenda.getByRole("row").filter({ hasText: "Juno Invented-Slot" });
    await juno.waitFor();
    const reference = (await juno.getAttribute("data-slot")) ?? "";
    const expected = juno.getByRole("list", { name: `Expected at the slot for ${reference}` });
    assert.deepEqual(await expected.getByRole("listitem").allInnerTexts(), [
      "Rory Penhallow Expected\nreferred the case",
      "Sade Okonjo Expected\nallocated social worker (000 §2)",
      "Mina Halvorsen Expected\ntheir manager, who attends with the social worker (000 §2)",
    ]);

    await juno.getByRole("button", { name: "Plans are having impact" }).click();
    const save = juno.getByRole("button", { name: "Save: they need not attend" });
    assert.equal(await save.isDisabled(), true, "a reason is needed first");
    await juno
      .getByLabel(`Why plans for ${reference} are having impact`)
      .fill("Back in school full time; no missing episodes since October.");
    await save.click();
    await expected.getByText("Need not attend").first().waitFor();
    await juno
      .getByText(
        "Plans are having impact (000 §4): Back in school full time; no missing episodes since October.",
      )
      .waitFor();
    assert.deepEqual(await expected.getByRole("listitem").allInnerTexts(), [
      "Rory Penhallow Expected\nreferred the case",
      "Sade Okonjo Need not attend\nallocated social worker (000 §2); plans are having impact (000 §4)",
      "Mina Halvorsen Need not attend\ntheir manager, who attends with the social worker (000 §2); plans are having impact (000 §4)",
    ]);
    await page.screenshot({ path: `${ARTEFACTS}/tab-slot-attendance.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Read again from the service, the note is still there; then Hollis expects them again.
    await page.reload();
    await page.getByRole("button", { name: "Meetings of MARVE operational panel" }).click();
    await page.getByRole("button", { name: MARVE_AGENDA }).click();
    await expected.getByText("Need not attend").first().waitFor();
    await juno.getByRole("button", { name: "Expect them again" }).click();
    await expected.getByText("Need not attend").first().waitFor({ state: "detached" });
    assert.equal(await juno.getByText(/Plans are having impact \(000 §4\)/).count(), 0);
  });
});
