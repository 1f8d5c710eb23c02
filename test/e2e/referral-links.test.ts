import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { tabLinks, type TabTask } from "../../bot/src/adapters/teams/tab-links.js";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { chromiumBrowser } from "../support/browser.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { newMertonPractitioner } from "../support/new-practitioner.js";
import { demoActor } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

// A referral card's link to the referrer's own referral (the receipt, a question) names its panel:
// the tab opens that referral, wherever it is in her list, with the receipt's choices. Grace links
// hers to a record the panel knows; a referrer with a long list opens her oldest.

const PANEL = "merton-pre-mace";
const GRACE = "Grace Mensah (Social worker, Contextual Harm team)";
const MEETING = "2026-12-03";

describe("A referral card's link opens that referral in My referrals (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  let link: (task: TabTask) => string;
  const made: string[] = [];
  const referrers: string[] = [];
  let clock = new Date(`${MEETING}T10:00:00Z`);

  before(async () => {
    service = await startTestService({}, { now: () => clock });
    link = tabLinks(service.url);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 390, height: 844 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
    await forgetMertonReferrals(made);
    for (const id of referrers) await forgetPerson(id, "merton", PANEL);
  });

  /** Opens a card's link, signed in as the demo person. */
  const open = async (task: TabTask, signInAs: string) => {
    await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    await page.goto(link(task));
    await page.getByLabel("Demo person").selectOption({ label: signInAs });
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

  it("a receipt's possible match opens in her referral in the tab, where she links it to the known record", async () => {
    // The demo cohort has Jayden Okoro-Hart, born 14 March 2010.
    const sent = await service.desk.submit(demoActor("Grace Mensah"), PANEL, "individual", randomUUID(), {
      ...mertonChild("Jayden Okoro Hart"),
      dateOfBirth: "2010-03-14",
    });
    assert.ok(sent.ok);
    made.push(sent.referral.id);
    const known = sent.referral.possibleDuplicates.find((d) => d.subjectId);
    assert.ok(known, "the receipt offers a known record");
    await open({ page: "my-referrals", panelId: PANEL, referralId: sent.referral.id }, GRACE);
    await page
      .getByRole("heading", { name: `${sent.referral.reference}: Jayden Okoro Hart`, level: 2 })
      .waitFor();
    const matches = page.locator('[data-link-target="same-as"]');
    await matches.getByText(`${known.reference}, same name and date of birth`).waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await matches.getByRole("button", { name: `Same as ${known.reference}` }).click();
    await page
      .getByText(
        `${sent.referral.reference} is linked to ${known.reference}: the panel will keep one record.`,
      )
      .waitFor();
    const stored = await service.desk.view(demoActor("Grace Mensah"), PANEL, sent.referral.id, "test");
    assert.equal(stored.value.linkedSubjectId, known.subjectId);
  });

  it("a linked referral opens in her referrals even when it is far down the list", async () => {
    const referrer = await newMertonPractitioner("Rosalind Pagewell");
    referrers.push(referrer.id);
    const as = { id: referrer.id, name: referrer.displayName };
    // Made an hour before the others, so it is the oldest of her referrals.
    clock = new Date(`${MEETING}T09:00:00Z`);
    const first = await service.desk.submit(as, PANEL, "individual", randomUUID(), {
      ...mertonChild("Theodora Farback"),
    });
    clock = new Date(`${MEETING}T10:00:00Z`);
    assert.ok(first.ok);
    made.push(first.referral.id);
    // A full page of newer referrals: the list's first page (50) no longer holds the first one.
    for (let batch = 0; batch < 5; batch++)
      await Promise.all(
        Array.from({ length: 11 }, async (_, i) => {
          const later = await service.desk.submit(as, PANEL, "individual", randomUUID(), {
            ...mertonChild(
              `Newer ${"abcdefghijklmnopqrstuvwxyz"[batch * 5 + (i % 5)] ?? "z"}${"abcdefghijk"[i]}ling`,
            ),
          });
          assert.ok(later.ok);
          made.push(later.referral.id);
        }),
      );
    await open(
      { page: "my-referrals", panelId: PANEL, referralId: first.referral.id },
      `${referrer.displayName} (${referrer.jobTitle})`,
    );
    await page.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
    await page
      .getByRole("heading", { name: `${first.referral.reference}: Theodora Farback`, level: 2 })
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H2");
    assert.equal(await focusedText(), `${first.referral.reference}: Theodora Farback`);
    await page.getByRole("button", { name: "Show more" }).waitFor();
    assert.equal(await page.locator(`[data-referral-id="${first.referral.id}"]`).count(), 0);
  });
});
