import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";

// The meeting's record in the tab (Chromium): at August's Merton pre-MACE (July's meeting, at which
// nothing was recorded, has no minutes to agree) the coordinator signs in to the meeting and notes the multi-agency discussion and a child's case; her minutes are a
// DRAFT, and a panel member is told in words that they await agreement at September's meeting. At
// September's meeting, under "Minutes and outstanding actions", she records August's minutes as
// agreed with a correction, and the member then reads them, notes and all.

const AUGUST = "2027-08-05";
const AUGUST_AGENDA = "Agenda, Thursday 5 August 2027, 09:30 to 13:30";
const SEPTEMBER_AGENDA = "Agenda, Thursday 2 September 2027, 09:30 to 13:30";
const CASE_NOTE = "School reports better attendance; the police worry about a new friendship group.";
const DISCUSSION_NOTE = "Youth Justice and the police report more activity around the bus station.";

describe("Notes of the discussion and agreed minutes in the tab (Chromium)", function () {
  this.timeout(180_000);
  let service: TestService;
  let browser: Browser;
  let now = new Date("2027-07-10T12:00:00Z");
  let child: { reference: string; name: string };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    browser = await chromiumBrowser();
    child = await acceptedMertonReferral(service, "Ellis Notreal-Brook", "12 Imaginary Lane", AUGUST);
    now = new Date(`${AUGUST}T10:00:00Z`);
  });
  after(async () => {
    await service?.close();
  });

  const openAgenda = async (person: string, agenda: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: person });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: agenda }).click();
    return page;
  };
  const signInToMeeting = async (page: Page) => {
    const form = page.getByRole("form", { name: "Sign in to the meeting" });
    await form.getByLabel(/^The agency you represent/).selectOption({ label: "Children's Social Care" });
    await form.getByLabel(/^I agree to the information sharing agreement/).check();
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("You are signed in. The meeting's case details are shown below.").waitFor();
  };

  it("the coordinator, signed in to the meeting, notes the discussion; the minutes are a draft the members are told about", async () => {
    const page = await openAgenda("Priya Okafor (MACE panel coordinator)", AUGUST_AGENDA);
    try {
      await signInToMeeting(page);
      // Nothing was recorded at July's meeting: there are no minutes to agree, and it says so.
      const previous = page.getByRole("group", { name: "Previous minutes" });
      await previous
        .getByText(
          /Nothing was recorded at the meeting on \d+ July 2027 \(no sign-in, decision, action or note\): there are no minutes to agree\./,
        )
        .waitFor();
      assert.equal(await previous.getByRole("button", { name: "Record the minutes as agreed" }).count(), 0);
      const notes = page.getByRole("region", { name: "Notes of the discussion" });
      for (const [item, text] of [
        ["Multi-agency discussion", DISCUSSION_NOTE],
        [`${child.reference} ${child.name}`, CASE_NOTE],
      ] as const) {
        const group = notes.getByRole("group", { name: `Note on ${item}` });
        await group.getByRole("button", { name: "Take a note" }).click();
        await group.getByLabel("Note of the discussion").fill(text);
        await group.getByRole("button", { name: "Save the note" }).click();
        await notes
          .getByRole("status")
          .filter({ hasText: `The note on ${item} is saved.` })
          .waitFor();
        await group.getByText("Noted by Priya Okafor").waitFor();
      }

      await page.getByRole("button", { name: "Show the minutes" }).click();
      const minutes = page.getByRole("article", { name: "Minutes" });
      await minutes.getByText("DRAFT", { exact: true }).waitFor();
      const text = await minutes.innerText();
      assert.match(text, /Draft: awaiting agreement at the panel's next meeting, on 2 September 2027\./);
      assert.ok(text.includes(`Discussion: ${CASE_NOTE}`));
      // In agenda order: the multi-agency discussion before the children's sections.
      assert.ok(
        text.indexOf(DISCUSSION_NOTE) > -1 && text.indexOf(DISCUSSION_NOTE) < text.indexOf(CASE_NOTE),
      );
      await page.screenshot({ path: `${ARTEFACTS}/tab-minutes-draft.png`, fullPage: true });
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await page.close();
    }

    const member = await openAgenda("Hannah Reyes (Named Nurse, Safeguarding Children)", AUGUST_AGENDA);
    try {
      await member.getByRole("button", { name: "Show the minutes" }).click();
      await member
        .getByRole("alert")
        .filter({
          hasText:
            "These minutes are awaiting agreement at the panel's next meeting, on 2 September 2027. Until then only the panel's coordinators and chairs read the draft.",
        })
        .waitFor();
      assert.equal(await member.getByRole("article", { name: "Minutes" }).count(), 0);
    } finally {
      await member.close();
    }
  });

  it("at September's meeting the coordinator records August's minutes as agreed; the member then reads them", async () => {
    now = new Date("2027-09-02T10:00:00Z");
    const page = await openAgenda("Priya Okafor (MACE panel coordinator)", SEPTEMBER_AGENDA);
    try {
      const item = page.getByRole("group", { name: "Previous minutes" });
      await item
        .getByText(
          "Minutes of Thursday 5 August 2027, 09:30 to 13:30: Draft: awaiting agreement at the panel's next meeting, on 2 September 2027.",
        )
        .waitFor();
      // Not signed in to September's meeting yet: the service says what to do first.
      await item
        .getByLabel("Correction the panel asked for (if any)")
        .fill("The bus station is the one on Invented Street.");
      await item.getByRole("button", { name: "Record the minutes as agreed" }).click();
      await item
        .getByRole("alert")
        .filter({ hasText: /^Sign in to the meeting first/ })
        .waitFor();
      await signInToMeeting(page);
      await item.getByRole("button", { name: "Record the minutes as agreed" }).click();
      await item
        .getByText(
          "Agreed at the meeting on 2 September 2027, recorded by Priya Okafor. Correction noted: The bus station is the one on Invented Street.",
          { exact: false },
        )
        .waitFor();
      await page.screenshot({ path: `${ARTEFACTS}/tab-minutes-agreed.png`, fullPage: true });
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await page.close();
    }

    const member = await openAgenda("Hannah Reyes (Named Nurse, Safeguarding Children)", AUGUST_AGENDA);
    try {
      await member.getByRole("button", { name: "Show the minutes" }).click();
      const minutes = member.getByRole("article", { name: "Minutes" });
      await minutes.getByText(`Discussion: ${CASE_NOTE}`).waitFor();
      const text = await minutes.innerText();
      assert.ok(!text.includes("DRAFT"));
      assert.match(text, /Agreed at the meeting on 2 September 2027, recorded by Priya Okafor\./);
      assert.ok(text.includes(DISCUSSION_NOTE));
    } finally {
      await member.close();
    }
  });
});
