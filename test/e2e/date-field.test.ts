import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Priya's browser is set to American English, yet the tab's dates are day first: she types the
// due date of an action as DD/MM/YYYY, a day that does not exist is refused beside the field in
// words, and 09/08/2027 is recorded as 9 August 2027, not 8 September.

const PANEL = "merton-pre-mace";
// A meeting no other suite signs in to.
const MEETING = "2027-08-05";

describe("Dates in the tab are day first, whatever the browser's language (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    // The clock every suite seeds the demo referrals on; then the meeting's morning.
    let now = new Date("2026-11-24T12:00:00Z");
    service = await startTestService({}, { now: () => now });
    now = new Date(`${MEETING}T10:00:00Z`);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const signedIn = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
      token,
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.ok([200, 201].includes(signedIn.status), signedIn.text);
    context = await (
      await chromiumBrowser()
    ).newContext({
      locale: "en-US",
      viewport: { width: 400, height: 900 },
    });
    page = await context.newPage();
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await context?.close();
    await service?.close();
  });

  it("the due date of an action is typed as DD/MM/YYYY; 31/02/2027 is refused in words", async () => {
    assert.equal(await page.evaluate(() => navigator.language), "en-US");
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    await page.goto(`${service.url}/tab/?panel=${PANEL}&meeting=${MEETING}`);
    const record = page.getByRole("form", { name: "Record an action" });
    await record.waitFor();
    await record.getByLabel(/^Short title/).fill("Send the school the safety plan");
    await record
      .getByLabel("What is to be done")
      .fill("Send the safety plan to the school's safeguarding lead.");
    await record.getByLabel("Owner").selectOption({ label: "Owen Brathwaite (Education)" });

    const due = record.getByRole("combobox", { name: /^Due date/ });
    assert.equal(await due.getAttribute("placeholder"), "DD/MM/YYYY");
    await due.fill("31/02/2027");
    await due.press("Tab");
    await record.getByText("February 2027 has no day 31. Check the date and type it again.").waitFor();
    assert.equal(await due.inputValue(), "");
    assert.equal(await due.getAttribute("aria-invalid"), "true");

    await due.fill("09/08/2027");
    await due.press("Tab");
    assert.equal(await due.inputValue(), "09/08/2027");
    assert.equal(await record.getByText("February 2027 has no day 31.", { exact: false }).count(), 0);

    // The calendar opens from the keyboard on the month typed, its weeks starting on Monday.
    await due.focus();
    await due.press("ArrowDown");
    const calendar = page.getByRole("dialog");
    await calendar.getByText("August 2027").first().waitFor();
    const firstDay = calendar.getByRole("columnheader").first();
    assert.equal(await firstDay.getAttribute("aria-label"), "Monday");
    await page.screenshot({ path: `${ARTEFACTS}/date-field-calendar.png` });
    await page.keyboard.press("Escape");
    await calendar.waitFor({ state: "hidden" });
    assert.equal(await due.inputValue(), "09/08/2027");

    await record.getByRole("button", { name: "Record action" }).click();
    const told = page.getByRole("status").filter({ hasText: /^MER-A-\d{4}-\d{4} is recorded\.$/ });
    await told.last().waitFor();
    const reference = ((await told.last().innerText()).match(/MER-A-\d{4}-\d{4}/) ?? [""])[0];
    const row = page.locator(`tr[data-action="${reference}"]`);
    assert.match(await row.innerText(), /9 Aug 2027/);
  });
});
