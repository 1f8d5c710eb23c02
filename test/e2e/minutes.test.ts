import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { call } from "../support/http.js";
import { catchOpenedLinks, downloadedBy, fetchLink } from "../support/opened-links.js";
import { asInPdf, pdfPages } from "../support/pdf.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The meeting's record in the tab (Chromium): at June's Merton pre-MACE (May's meeting, at which
// nothing was recorded, has no minutes to agree) the coordinator signs in to the meeting and notes the multi-agency discussion and a child's case; her minutes are a
// DRAFT, and a panel member is told in words that they await agreement at July's meeting. At
// July's meeting, under "Minutes and outstanding actions", she records June's minutes as
// agreed with a correction, and the member then reads them, notes and all.

const JUNE = "2032-06-03";
const JUNE_AGENDA = "Agenda, Thursday 3 June 2032, 09:30 to 13:30";
const JULY_AGENDA = "Agenda, Thursday 1 July 2032, 09:30 to 13:30";
const CASE_NOTE = "School reports better attendance; the police worry about a new friendship group.";
const COLLEAGUES_NOTE =
  "School reports better attendance; the police and Youth Justice worry about a new group.";
const MY_NOTE = "School reports better attendance.";
const PANEL = "merton-pre-mace";
const DISCUSSION_NOTE = "Youth Justice and the police report more activity around the bus station.";

describe("Notes of the discussion and agreed minutes in the tab (Chromium)", function () {
  this.timeout(180_000);
  let service: TestService;
  let browser: Browser;
  let now = new Date("2032-05-10T12:00:00Z");
  let child: { reference: string; name: string };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    browser = await chromiumBrowser();
    child = await acceptedMertonReferral(service, "Ellis Notreal-Brook", "12 Imaginary Lane", JUNE);
    now = new Date(`${JUNE}T10:00:00Z`);
  });
  after(async () => {
    await service?.close();
  });

  const openAgenda = async (person: string, agenda: string, past = false): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await catchOpenedLinks(page);
    // The tab lists the meetings from the browser's day: the service's day here.
    await page.clock.setFixedTime(now);
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: person });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    if (past) await page.getByLabel("Show").selectOption("past");
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
    const page = await openAgenda("Priya Okafor (MACE panel coordinator)", JUNE_AGENDA);
    try {
      await signInToMeeting(page);
      // Nothing was recorded at May's meeting: there are no minutes to agree, and it says so.
      const previous = page.getByRole("group", { name: "Previous minutes" });
      await previous
        .getByText(
          /Nothing was recorded at the meeting on \d+ May 2032 \(no sign-in, decision, action or note\): there are no minutes to agree\./,
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
        if (item === "Multi-agency discussion") {
          // Naming a child in a note every agency reads is refused beside the box, and nothing saved.
          await group.getByLabel("Note of the discussion").fill(`${child.name} was seen near the station.`);
          await group.getByRole("button", { name: "Save the note" }).click();
          await group
            .getByText(
              `This looks like the name of the subject of ${child.reference}. It goes to every agency with the minutes and is not kept with the child's record, so nothing was saved: refer to a case by its reference (${child.reference}), and write about the child in the note on their own case.`,
            )
            .waitFor();
          assert.equal(await group.getByText("Noted by").count(), 0);
        }
        await group.getByLabel("Note of the discussion").fill(text);
        await group.getByRole("button", { name: "Save the note" }).click();
        await notes
          .getByRole("status")
          .filter({ hasText: `The note on ${item} is saved.` })
          .waitFor();
        await group.getByText("Noted by Priya Okafor").waitFor();
      }

      // A colleague corrects the case's note from another screen; the box still holds the text
      // read before. Saving over it is refused, and the box then shows the colleague's note.
      const path = `/api/panels/${PANEL}/meetings/${JUNE}/notes`;
      const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
      const read = (await call<{ notes: { itemKey: string; version: string }[] }>(service, path, { token }))
        .body;
      const caseNote = read.notes.find((n) => n.itemKey.startsWith("case:"));
      const corrected = await call(service, `${path}/${caseNote?.itemKey ?? ""}`, {
        method: "PUT",
        token,
        ifMatch: caseNote?.version ?? "",
        body: { text: COLLEAGUES_NOTE },
      });
      assert.equal(corrected.status, 200, corrected.text);
      const caseGroup = notes.getByRole("group", { name: `Note on ${child.reference} ${child.name}` });
      await caseGroup.getByLabel("Note of the discussion").fill(MY_NOTE);
      await caseGroup.getByRole("button", { name: "Save the note" }).click();
      await notes
        .getByRole("alert")
        .filter({
          hasText:
            /^This note was changed by Priya Okafor at \d\d:\d\d\. The box now shows their note; yours was not saved and is shown under it to copy from\.$/,
        })
        .waitFor();
      // The box shows their note once the notes are read again.
      await caseGroup
        .getByLabel("Note of the discussion")
        .and(page.locator(`textarea:text-is("${COLLEAGUES_NOTE}")`))
        .waitFor();
      await caseGroup.getByText(MY_NOTE, { exact: true }).waitFor();

      await page.getByRole("button", { name: "Show the minutes" }).click();
      const minutes = page.getByRole("article", { name: "Minutes" });
      await minutes.getByText("DRAFT", { exact: true }).waitFor();
      const text = await minutes.innerText();
      assert.match(text, /Draft: awaiting agreement at the panel's next meeting, on 1 July 2032\./);
      assert.ok(text.includes(`Discussion: ${COLLEAGUES_NOTE}`));
      // In agenda order: the multi-agency discussion before the children's sections.
      assert.ok(
        text.indexOf(DISCUSSION_NOTE) > -1 && text.indexOf(DISCUSSION_NOTE) < text.indexOf(COLLEAGUES_NOTE),
      );
      await page.screenshot({ path: `${ARTEFACTS}/tab-minutes-draft.png`, fullPage: true });
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await page.close();
    }

    const member = await openAgenda("Hannah Reyes (Named Nurse, Safeguarding Children)", JUNE_AGENDA);
    try {
      await member.getByRole("button", { name: "Show the minutes" }).click();
      await member
        .getByRole("alert")
        .filter({
          hasText:
            "These minutes are awaiting agreement at the panel's next meeting, on 1 July 2032. Until then only the panel's coordinators and chairs read the draft.",
        })
        .waitFor();
      assert.equal(await member.getByRole("article", { name: "Minutes" }).count(), 0);
    } finally {
      await member.close();
    }
  });

  it("at July's meeting the coordinator records June's minutes as agreed; the member then reads them", async () => {
    now = new Date("2032-07-01T10:00:00Z");
    const page = await openAgenda("Priya Okafor (MACE panel coordinator)", JULY_AGENDA);
    try {
      const item = page.getByRole("group", { name: "Previous minutes" });
      await item
        .getByText(
          "Minutes of Thursday 3 June 2032, 09:30 to 13:30: Draft: awaiting agreement at the panel's next meeting, on 1 July 2032.",
        )
        .waitFor();
      // Not signed in to July's meeting yet: the service says what to do first.
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
          "Agreed at the meeting on 1 July 2032, recorded by Priya Okafor. Correction noted: The bus station is the one on Invented Street.",
          { exact: false },
        )
        .waitFor();
      await page.screenshot({ path: `${ARTEFACTS}/tab-minutes-agreed.png`, fullPage: true });
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await page.close();
    }

    const member = await openAgenda("Hannah Reyes (Named Nurse, Safeguarding Children)", JUNE_AGENDA, true);
    try {
      await member.getByRole("button", { name: "Show the minutes" }).click();
      const minutes = member.getByRole("article", { name: "Minutes" });
      await minutes.getByText(`Discussion: ${COLLEAGUES_NOTE}`).waitFor();
      const text = await minutes.innerText();
      assert.ok(!text.includes("DRAFT"));
      assert.match(text, /Agreed at the meeting on 1 July 2032, recorded by Priya Okafor\./);
      assert.ok(text.includes(DISCUSSION_NOTE));

      // The agreed minutes as a PDF, through a link that opens once: marked on every page.
      const pdf = await downloadedBy(member, () =>
        member.getByRole("button", { name: "Minutes (PDF)" }).click(),
      );
      assert.deepEqual([pdf.status, pdf.name], [200, `${PANEL}-${JUNE}-minutes.pdf`]);
      const pages = await pdfPages(pdf.bytes);
      assert.ok(pages.length >= 1);
      for (const [n, page] of pages.entries())
        assert.equal(
          page.split("OFFICIAL-SENSITIVE").length - 1,
          2,
          `page ${n + 1} is marked above and below`,
        );
      const whole = pages.join(" ");
      assert.ok(whole.includes(asInPdf(DISCUSSION_NOTE)), whole);
      assert.ok(whole.includes(child.reference), whole);
      assert.match(whole, /Agreed at the meeting on 1 July 2032, recorded by Priya Okafor\./);
      assert.equal((await fetchLink(member, pdf.url)).status, 403);
    } finally {
      await member.close();
    }
  });
});
