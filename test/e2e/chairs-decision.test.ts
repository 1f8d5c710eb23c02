import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";

// Between meetings, Priya opens the next pre-MACE's agenda: the decision form offers only a
// chairs' decision outside the meeting, and says why. She records the removal Tom agreed; the
// agenda reports it under its own heading and the child's history marks it. On the meeting's day,
// before she has signed in, the form waits for her sign-in.

// A meeting no other suite signs in to or decides at.
const MEETING = "2027-05-06";

describe("A chairs' decision between meetings, in the tab (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  let now = new Date("2027-04-10T12:00:00Z");
  const children: { reference: string; name: string; subjectId: string }[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => now });
    for (const name of ["Rowan Notreal-Pike", "Sasha Fictive-Lowe"])
      children.push(await acceptedMertonReferral(service, name, "5 Imaginary Close", MEETING));
    now = new Date("2027-04-20T10:00:00Z");
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  const openAgenda = async () => {
    await page.getByRole("button", { name: "Agenda, Thursday 6 May 2027, 09:30 to 13:30" }).click();
    return page.getByRole("region", { name: "The meeting" });
  };

  it("offers only a chairs' decision before the meeting, and the agenda and the history report it as one", async () => {
    const [rowan] = children;
    assert.ok(rowan);
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    const meeting = await openAgenda();
    await meeting.getByRole("button", { name: `Record a chairs' decision on ${rowan.reference}` }).click();
    const form = meeting.getByRole("form", { name: `Decision on ${rowan.reference}` });
    const how = form.getByLabel("How it is taken");
    assert.deepEqual(await how.locator("option").allInnerTexts(), ["Chairs' decision outside the meeting"]);
    await form
      .getByText(
        "Decisions are taken at the meeting, on its day (6 May 2027). Until then, one that cannot wait is a chairs' decision outside the meeting, reported at this meeting.",
      )
      .waitFor();
    assert.equal(
      await form.getByLabel("The chair who agreed it").locator("option:checked").innerText(),
      "Tom Ashworth",
    );
    await form.getByLabel("Decision").selectOption({ label: "Remove from the cohort" });
    await form.getByLabel(/^Rationale/).fill("Moved to Leeds with her family; the host area has the case.");
    await form
      .getByLabel("Why it could not wait for the meeting")
      .fill("The family left before the meeting.");
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await form.getByRole("button", { name: "Save the decision" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The decision on ${rowan.reference} is recorded.` })
      .waitFor();

    const reported = page.getByRole("region", { name: "Decisions taken outside the meeting" });
    await reported
      .getByText("Agreed by Tom Ashworth (chair) on 20 April 2027; recorded by Priya Okafor.")
      .waitFor();
    assert.match(
      await reported.innerText(),
      new RegExp(
        `${rowan.reference}: Remove from the cohort\\..*Why it could not wait: The family left before the meeting\\.`,
        "s",
      ),
    );
    await page.screenshot({ path: `${ARTEFACTS}/tab-chairs-decision.png`, fullPage: true });

    await reported.getByRole("button", { name: `History of ${rowan.reference}` }).click();
    await page
      .getByRole("list", { name: "Chronology" })
      .getByText("Chairs' decision outside the meeting, on 20 April 2027: Remove from the cohort")
      .waitFor();
    await page.getByRole("button", { name: "Back" }).click();
  });

  it("on the meeting's day, asks the coordinator to sign in to the meeting before recording a decision", async () => {
    const sasha = children[1];
    assert.ok(sasha);
    now = new Date(`${MEETING}T09:40:00Z`);
    await page.getByRole("button", { name: "Back to meetings" }).click();
    const meeting = await openAgenda();
    const item = meeting.locator(`[data-subject-id="${sasha.subjectId}"]`);
    const record = item.getByRole("button", { name: `Record the decision on ${sasha.reference}` });
    await record.waitFor();
    assert.equal(await record.isDisabled(), true);
    assert.equal(await item.getByText("Sign in to the meeting first").count(), 1);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    const signIn = meeting.getByRole("form", { name: "Sign in to the meeting" });
    await signIn.getByRole("checkbox", { name: /^I agree to the information sharing agreement/ }).check();
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("You are signed in. The meeting's case details are shown below.").waitFor();
    await item.getByText("Sign in to the meeting first").waitFor({ state: "detached" });
    assert.equal(await record.isDisabled(), false);
  });
});
