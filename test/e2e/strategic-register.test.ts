import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { call } from "../support/http.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { referredAndAccepted } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The strategic MACE's Register page in Chromium: Priya, Merton's coordinator, raises a blockage
// from the panel's card (a date of birth is refused beside the field), records December's review
// of it, plans a topic for January, and January's agenda shows both; at January's pre-MACE she
// escalates a case and raises the blockage behind it from the meeting page.

describe("The strategic register in Chromium", function () {
  this.timeout(60_000);
  let service: TestService;
  let page: Page;
  // Started on the day the other suites start, so the demo data seeded first is the same whichever runs first.
  let now = new Date("2026-11-24T12:00:00Z");
  const title = "Children waiting for CAMHS after exploitation";
  let robin: { subjectId: string; reference: string; meetingDate: string | null };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    // Referred before Christmas, for January's pre-MACE, where no other suite looks.
    now = new Date("2026-12-20T12:00:00Z");
    robin = await referredAndAccepted(service.desk, demoActor("Grace Mensah"), "Ashby Notreal-Quill");
    assert.equal(robin.meetingDate, "2027-01-07");
    now = new Date("2026-11-24T12:00:00Z");
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("the coordinator raises a blockage from the strategic panel's card and records December's review", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Register and forward plan of Strategic MACE" }).click();
    await page
      .getByRole("heading", { name: "Strategic MACE: register and forward plan", level: 1 })
      .waitFor();

    const raise = page.getByRole("form", { name: "Raise an entry" });
    await raise.getByLabel("Title").fill(title);
    await raise
      .getByLabel("Description")
      .fill("A girl, DOB 02/03/2011, waited fourteen weeks (MER-2026-0001).");
    await raise.getByRole("button", { name: "Raise on the register" }).click();
    await raise.getByText("This looks like a date of birth.", { exact: false }).waitFor();
    await raise.getByRole("alert").filter({ hasText: "Nothing was saved." }).waitFor();

    await raise
      .getByLabel("Description")
      .fill("Three cases waited over twelve weeks for an assessment (MER-2026-0001).");
    await raise.getByRole("button", { name: "Raise on the register" }).click();
    const told = page
      .getByRole("status")
      .filter({ hasText: /^MER-R-2026-\d{4} is raised on the register, owned by Tom Ashworth\.$/ });
    await told.waitFor();
    const reference = /MER-R-2026-\d{4}/.exec(await told.innerText())?.[0] ?? "";
    const entry = page.locator(`[data-register-item="${reference}"]`);
    await entry.getByText("Owner Tom Ashworth.", { exact: false }).waitFor();
    // No meeting has been held since it was raised, so there is none to review it at yet.
    assert.equal(await entry.getByRole("form", { name: `Review of ${reference}` }).count(), 0);

    // After December's meeting, the page opened again offers that meeting.
    now = new Date("2026-12-17T14:00:00Z");
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Register and forward plan of Strategic MACE" }).click();

    const review = entry.getByRole("form", { name: `Review of ${reference}` });
    assert.equal(
      await review.getByLabel("Reviewed at").locator("option:checked").innerText(),
      "Thursday 17 December 2026, 10:00 to 12:00",
    );
    // A postcode in the note is refused beside the note itself, with nothing recorded.
    const found = review.getByRole("textbox", { name: "What the meeting found" });
    await found.fill("Health saw the family at CR4 3ZQ last week.");
    await review.getByRole("button", { name: "Record the review" }).click();
    // Inside the review form, beside the note: the message under the entry only says nothing was saved.
    await review.getByText("This looks like a postcode.", { exact: false }).waitFor();
    await entry.getByRole("alert").filter({ hasText: "Nothing was saved." }).waitFor();
    assert.equal(await entry.getByRole("list", { name: `Reviews of ${reference}` }).count(), 0);

    await found.fill("Health to bring waiting times to January.");
    await review.getByRole("button", { name: "Record the review" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The review of ${reference} is recorded.` })
      .waitFor();
    await entry
      .getByRole("list", { name: `Reviews of ${reference}` })
      .getByText("Meeting of 17 December 2026: Health to bring waiting times to January. (Priya Okafor)")
      .waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-register.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("the coordinator plans January's topic, and January's agenda lists the open entry and the topic", async () => {
    await page.getByRole("tab", { name: "Forward plan" }).click();
    const january = page.getByRole("region", { name: "Plan for Thursday 21 January 2027, 10:00 to 12:00" });
    const adding = january.getByRole("form", {
      name: "Add a topic to Thursday 21 January 2027, 10:00 to 12:00",
    });
    // A postcode in the lead is refused beside the lead, and the topic is not added.
    await adding.getByLabel("Topic").fill("Exploitation in short-stay hostels");
    const lead = adding.getByRole("textbox", { name: "Lead" });
    await lead.fill("Housing at CR4 3ZQ");
    await adding.getByRole("button", { name: "Add the topic" }).click();
    await adding.getByText("This looks like a postcode.", { exact: false }).waitFor();
    await january.getByRole("alert").filter({ hasText: "Nothing was saved." }).waitFor();
    assert.equal(await january.getByText("CR4 3ZQ", { exact: false }).count(), 0);

    await lead.fill("Housing");
    await adding.getByLabel("Report requested").check();
    await adding.getByRole("button", { name: "Add the topic" }).click();
    await january
      .getByText("Exploitation in short-stay hostels, led by Housing (report requested)")
      .waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Meetings of Strategic MACE" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 21 January 2027, 10:00 to 12:00" }).click();
    const register = page.locator('[data-strategic-row="register"]').filter({ hasText: title });
    await register.waitFor();
    assert.match(
      await register.innerText(),
      /Last reviewed 17 December 2026: Health to bring waiting times to January\./,
    );
    assert.match(await register.innerText(), /Tom Ashworth/);
    await page
      .locator('[data-strategic-row="thematic-discussion"]')
      .filter({ hasText: "Exploitation in short-stay hostels (report requested)" })
      .waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-strategic-agenda.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("escalating a case at the pre-MACE offers to raise the blockage on the strategic register, with the case's reference only", async () => {
    now = new Date("2027-01-07T10:00:00Z");
    const signedIn = await call(service, "/api/panels/merton-pre-mace/meetings/2027-01-07/room/sign-in", {
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    // 200: signed in already, by another visit to the same meeting.
    assert.ok([200, 201].includes(signedIn.status), signedIn.text);
    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 7 January 2027, 09:30 to 13:30" }).click();
    const meeting = page.getByRole("region", { name: "The meeting" });
    await meeting.getByRole("button", { name: `Record the decision on ${robin.reference}` }).click();
    const form = meeting.getByRole("form", { name: `Decision on ${robin.reference}` });
    await form.getByLabel("Decision").selectOption({ label: "Escalate to the strategic MACE" });
    await form.getByLabel("Risk after discussion").selectOption({ label: "Significant" });
    await form.getByRole("button", { name: "Save the decision" }).click();

    const offer = meeting.getByRole("form", {
      name: `Raise the escalation of ${robin.reference} on the strategic register`,
    });
    await offer.getByLabel("Title").fill("No secure placements for exploited girls");
    await offer.getByLabel("Description").fill("The panel could not find a placement in time; see the case.");
    await offer.getByRole("button", { name: "Raise on the register" }).click();
    const raised = meeting
      .getByRole("status")
      .filter({ hasText: /^MER-R-2027-\d{4} is raised on the strategic register, owned by Tom Ashworth\.$/ });
    await raised.waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // The strategic register shows where it came from, by the case's reference.
    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Register and forward plan of Strategic MACE" }).click();
    const entry = page
      .locator("[data-register-item]")
      .filter({ hasText: "No secure placements for exploited girls" });
    await entry
      .getByText(`Escalated from Pre-MACE operational panel on 7 January 2027 (case ${robin.reference}).`, {
        exact: false,
      })
      .waitFor();
    assert.ok(!(await entry.innerText()).includes("Ashby"));
  });
});
