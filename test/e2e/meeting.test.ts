import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp } from "../../scripts/lib/processes.js";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { playgroundFolderAs } from "../support/playground-as.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";

// A Merton pre-MACE held in Teams: four panel members sign in with the bot in the Agents
// Playground, each for their agency; the coordinator's tab shows the meeting quorate; she records
// the decisions and actions for two cases; the minutes contain them, each taken quorate.

const MEETING = "2027-03-04";
const ATTENDEES = [
  { id: PEOPLE.mertonCoordinator.id, agency: "Children's Social Care" },
  { id: PEOPLE.mertonNurse.id, agency: "Health" },
  { id: PEOPLE.mertonPoliceOfficer.id, agency: "Police" },
  { id: PEOPLE.mertonEducationLead.id, agency: "Education" },
];

describe("Running a meeting in Teams: sign-in in the Agents Playground, decisions and minutes in the tab (Chromium)", function () {
  this.timeout(240_000);
  let service: TestService;
  let browser: Browser;
  let now = new Date("2027-02-15T12:00:00Z");
  const cases: { reference: string; name: string }[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => now });
    browser = await chromiumBrowser();
    for (const name of ["Jordan Notreal-Vance", "Kai Fictive-Moss"]) {
      cases.push(await acceptedMertonReferral(service, name, `${cases.length + 7} Imaginary Close`, MEETING));
    }
    now = new Date(`${MEETING}T09:40:00Z`);
  });
  after(async () => {
    await service?.close();
  });

  it("four members sign in through the Agents Playground, each for their agency and agreeing to the statement", async () => {
    for (const [n, attendee] of ATTENDEES.entries()) {
      const port = await freePort();
      const proxy = await playgroundProxy(`${service.url}/api/messages`);
      const playground = startPlayground(
        port,
        proxy.url,
        attendee.id === PEOPLE.mertonCoordinator.id ? process.cwd() : playgroundFolderAs(attendee.id),
      );
      const chat: Page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      try {
        await waitForHttp(`http://127.0.0.1:${port}`, playground);
        await chat.goto(`http://127.0.0.1:${port}`);
        await chat.locator("[data-lexical-editor=true]").waitFor();
        // In personal chat: a channel message reaches the bot only when it mentions it.
        await chat.locator("[data-lexical-editor=true]").click();
        await chat.keyboard.type("sign in");
        await chat.keyboard.press("Enter");
        const card = chat
          .locator(".ac-adaptiveCard", { hasText: "Sign in: Pre-MACE operational panel" })
          .last();
        await card.waitFor({ timeout: 20_000 });
        await card.getByRole("combobox", { name: /^The agency you represent/ }).click();
        await chat.getByRole("option", { name: attendee.agency, exact: true }).click();
        await card.getByRole("checkbox", { name: /^I agree to the information sharing agreement/ }).check();
        await card.getByRole("button", { name: "Sign in" }).click();
        await chat
          .getByText(
            `You are signed in for ${attendee.agency}. The meeting's case details are now shown to you in the tab.`,
          )
          .last()
          .waitFor({ timeout: 20_000 });
        if (n === ATTENDEES.length - 1)
          await chat.screenshot({ path: `${ARTEFACTS}/playground-meeting-sign-in.png` });
      } finally {
        await chat.close();
        await playground.stop();
        await proxy.close();
      }
    }
  });

  it("the tab shows the meeting quorate; the coordinator records decisions and actions for two cases; the minutes contain them", async () => {
    const [jordan, kai] = cases;
    assert.ok(jordan && kai);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${service.url}/tab/`);
      await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
      await page.getByRole("button", { name: "Agenda, Thursday 4 March 2027, 09:30 to 13:30" }).click();
      const meeting = page.getByRole("region", { name: "The meeting" });
      await meeting.getByText("Quorate", { exact: true }).waitFor();
      const signedIn = await meeting.getByRole("list", { name: "Signed in" }).innerText();
      for (const name of ["Priya Okafor", "Hannah Reyes", "Daniel Kowalski", "Owen Brathwaite"])
        assert.ok(signedIn.includes(name), name);
      // Priya signed in from the channel, so the tab shows the children's names.
      await page.getByText(jordan.name).first().waitFor();

      await meeting.getByRole("button", { name: `Record the decision on ${jordan.reference}` }).click();
      let form = meeting.getByRole("form", { name: `Decision on ${jordan.reference}` });
      await form.getByLabel("Decision").selectOption({ label: "Continue, with a review" });
      await form.getByLabel("Review by").fill("25/03/2027");
      await form.getByLabel("Risk after discussion").selectOption({ label: "Significant" });
      await form.getByLabel("Themes for the strategic MACE").fill("County lines");
      await form.getByLabel("Child Abduction Warning Notice").check();
      await form.getByRole("button", { name: "Save the decision" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `The decision on ${jordan.reference} is recorded.` })
        .waitFor();

      await meeting.getByRole("button", { name: `Record the decision on ${kai.reference}` }).click();
      form = meeting.getByRole("form", { name: `Decision on ${kai.reference}` });
      await form.getByLabel("Decision").selectOption({ label: "Remove from the cohort" });
      await form.getByRole("button", { name: "Save the decision" }).click();
      await page.getByRole("alert").filter({ hasText: "Record the rationale for this decision" }).waitFor();
      await form.getByLabel(/^Rationale/).fill("Plan is working: attending school and no missing episodes.");
      await form.getByRole("button", { name: "Save the decision" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `The decision on ${kai.reference} is recorded.` })
        .waitFor();

      for (const [c, title, owner] of [
        [jordan, "Serve the abduction warning notice", "Daniel Kowalski (Police)"],
        [kai, "Tell the school the case has closed", "Owen Brathwaite (Education)"],
      ] as const) {
        const record = page.getByRole("form", { name: "Record an action" });
        await record.getByLabel(/^Short title/).fill(title);
        await record.getByLabel("What is to be done").fill(`${title}, and confirm to the coordinator.`);
        await record.getByLabel("Owner").selectOption({ label: owner });
        const option = record.getByLabel("Case").locator("option", { hasText: c.reference });
        await record.getByLabel("Case").selectOption((await option.first().getAttribute("value")) ?? "");
        await record.getByRole("button", { name: "Record action" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: /^MER-A-\d{4}-\d{4} is recorded\.$/ })
          .last()
          .waitFor();
      }

      await meeting.getByRole("button", { name: "Show the minutes" }).click();
      const minutes = page.getByRole("article", { name: "Minutes" });
      await minutes.getByText("The meeting was quorate.").waitFor();
      const text = await minutes.innerText();
      assert.match(text, new RegExp(`${jordan.reference} ${jordan.name}`));
      assert.match(text, /Decision: Continue; review by 2027-03-25\.\s+Quorate when it was taken\./);
      assert.match(text, /Risk after discussion: Significant/);
      assert.match(text, /Disruption agreed: Child Abduction Warning Notice/);
      assert.match(text, /Serve the abduction warning notice \(Daniel Kowalski, Police, due 2027-03-18\)/);
      assert.match(
        text,
        /Decision: Removed from the cohort: Plan is working: attending school and no missing episodes\./,
      );
      assert.match(text, /Tell the school the case has closed \(Owen Brathwaite, Education/);
      assert.match(text, /Themes for the strategic MACE\s+County lines/);
      for (const name of ["Priya Okafor", "Hannah Reyes", "Daniel Kowalski", "Owen Brathwaite"])
        assert.ok(text.includes(name));
      await page.screenshot({ path: `${ARTEFACTS}/tab-meeting-minutes.png`, fullPage: true });
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await page.close();
    }
  });
});
