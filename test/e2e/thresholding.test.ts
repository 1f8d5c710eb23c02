import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { demoActor } from "../support/people.js";
import { staffordshireChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

// On the morning of Staffordshire's pre-MACE thresholding meeting, Marcus opens its page: the new
// referral for Tamworth's September panel waits for a category, its name hidden until he signs in.
// Signed in, he places it in category 1, and Tamworth's agenda shows it in its first section with
// the category.

// Meetings no other suite uses.
const THRESHOLDING_DAY = "2027-08-26";
const TAMWORTH_DAY = "2027-09-02";

describe("The thresholding meeting's outcome, in the tab (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  let now = new Date("2027-08-02T10:00:00Z");
  let child: { reference: string };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    const marcus = demoActor("Marcus Thorne");
    const sent = await service.desk.submit(
      demoActor("Callum Brightwell"),
      "staffordshire-tamworth",
      "individual",
      randomUUID(),
      staffordshireChild("Kit Imaginary-Vale"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(sent.referral.meetingDate, TAMWORTH_DAY);
    const read = await service.desk.view(marcus, "staffordshire-tamworth", sent.referral.id, "test");
    const accepted = await service.desk.triage(
      marcus,
      "staffordshire-tamworth",
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child = { reference: accepted.reference };
    now = new Date(`${THRESHOLDING_DAY}T09:40:00Z`);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("Marcus signs in to the thresholding meeting, places the child in category 1, and Tamworth's agenda shows it", async () => {
    await page.goto(`${service.url}/tab/`);
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Marcus Thorne (Child Exploitation Coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE thresholding meeting" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 26 August 2027, 10:00 to 11:30" }).click();

    const list = page.getByRole("region", { name: "Cases to threshold for the district panels" });
    const item = list.locator(`[data-case="${child.reference}"]`);
    await item.getByText("Awaiting thresholding.").waitFor();
    assert.match(await list.innerText(), /Tamworth District MACE panel, 2 September 2027/);
    assert.equal(await item.getByText("Kit Imaginary-Vale").count(), 0, "the name waits for sign-in");

    const signIn = page.getByRole("form", { name: "Sign in to the meeting" });
    await signIn.getByRole("checkbox", { name: /^I agree to the information sharing agreement/ }).check();
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await item.getByText("Kit Imaginary-Vale", { exact: false }).waitFor();

    await item.getByLabel(`Category for ${child.reference}`).selectOption({ label: "1. Discussed at MACE" });
    await item.getByRole("button", { name: `Record category for ${child.reference}` }).click();
    await list
      .getByRole("status")
      .filter({ hasText: `${child.reference}: category 1 recorded.` })
      .waitFor();
    await list
      .locator(`[data-case="${child.reference}"]`)
      .getByText("1. Discussed at MACE, recorded by Marcus Thorne.")
      .waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await page.screenshot({ path: `${ARTEFACTS}/tab-thresholding.png`, fullPage: true });

    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Meetings of Tamworth District MACE panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 2 September 2027, 10:00 to 13:00" }).click();
    const slot = page.locator(`[data-slot="${child.reference}"]`);
    await slot.getByText("Thresholding: 1. Discussed at MACE").waitFor();
    assert.match(await slot.innerText(), /Kit Imaginary-Vale/);
    // In the first section, before the second.
    const rows = await page.getByRole("row").allInnerTexts();
    const at = (text: string) => rows.findIndex((r) => r.includes(text));
    const slotRow = at(`${child.reference} Kit Imaginary-Vale`);
    assert.ok(at("\t1. Children to be discussed at MACE") < slotRow);
    assert.ok(slotRow < at("\t2. Children where insufficient information"));
  });
});
