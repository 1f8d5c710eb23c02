import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { demoActor } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

// Grace's referral has a question from Priya waiting. In the tab she opens My referrals, reads the
// question set apart from its (missing) answer, and withdraws the referral with a reason; Priya
// then sees it withdrawn, with the reason, under All.

const PANEL = "merton-pre-mace";
const lines = (text: string) => text.split("\n").filter((l) => l.trim());

describe("A practitioner's own referrals in the tab (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  let reference = "";
  const made: string[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    const grace = demoActor("Grace Mensah");
    const priya = demoActor("Priya Okafor");
    const sent = await service.desk.submit(
      grace,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Fen Invented-Ash"),
    );
    assert.ok(sent.ok);
    made.push(sent.referral.id);
    reference = sent.referral.reference;
    const read = await service.desk.view(priya, PANEL, sent.referral.id, "test");
    await service.desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "ask", question: "Which school does she attend?" },
      read.etag,
      "test",
    );
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
    await forgetMertonReferrals(made);
  });

  const signIn = async (label: string) => {
    await page.getByLabel("Demo person").selectOption({ label });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
  };

  it("she sees her referral's status and meeting, reads its question apart from the answer, and withdraws it", async () => {
    await page.goto(`${service.url}/tab/`);
    await signIn("Grace Mensah (Social worker, Contextual Harm team)");
    await page.getByRole("button", { name: "My referrals" }).click();
    await page.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
    const table = page.getByRole("table", { name: "My referrals" });
    // The list arrives after the page's heading.
    await table.getByRole("columnheader").first().waitFor();
    assert.deepEqual(
      (await table.getByRole("columnheader").allInnerTexts()).map((t) => t.trim()),
      ["Reference", "Subject", "Kind", "Panel", "Meeting", "Status", "Note"],
    );
    const row = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "Fen Invented-Ash" }) });
    await row.waitFor();
    const cells = async () => (await row.getByRole("cell").allInnerTexts()).map((t) => t.trim());
    assert.deepEqual((await cells()).slice(2, 6), [
      "Individual child or young adult",
      "Pre-MACE operational panel",
      "Thu, 3 Dec 2026",
      "More information requested",
    ]);

    await row.getByRole("button", { name: `Open ${reference}` }).click();
    const detail = page.getByRole("region", { name: `${reference}: Fen Invented-Ash` });
    const questions = detail.getByRole("region", { name: "Questions and answers" });
    await questions.waitFor();
    const item = questions.getByRole("listitem");
    // Each question, then its answer apart from it.
    assert.deepEqual(lines(await item.innerText()), [
      "Question from Priya Okafor, 24 Nov 2026, 12:00",
      "Which school does she attend?",
      "Answer",
      "Not answered yet.",
    ]);
    assert.doesNotMatch(page.url(), /Fen|MER-|referral/i);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Without a reason it is refused in the service's words; with one, withdrawn.
    await detail.getByRole("button", { name: `Withdraw ${reference}` }).click();
    await detail
      .getByText(`Say why you are withdrawing ${reference}: the panel coordinator sees it.`)
      .waitFor();
    await detail.getByLabel("Why are you withdrawing it?").fill("She has moved to another area.");
    await detail.getByRole("button", { name: `Withdraw ${reference}` }).click();
    await detail.getByText(`${reference} withdrawn. The panel coordinator has been told.`).waitFor();
    await detail
      .getByText(`${reference} is no longer waiting (withdrawn by the referrer), so it cannot be withdrawn.`)
      .waitFor();
    assert.deepEqual((await cells()).slice(5), [
      "Withdrawn by the referrer",
      "Reason for withdrawing: She has moved to another area.",
    ]);
    await page.screenshot({ path: `${ARTEFACTS}/tab-my-referrals.png`, fullPage: true });

    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "My referrals");
  });

  it("the coordinator sees it withdrawn under All, with the reason and the question still unanswered", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn("Priya Okafor (MACE panel coordinator)");
    await page.getByRole("button", { name: "Referrals for Pre-MACE operational panel" }).click();
    await page.getByLabel("Show").selectOption({ label: "All" });
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "Fen Invented-Ash" }) });
    await row.waitFor();
    assert.equal((await row.getByRole("cell").nth(5).innerText()).trim(), "Withdrawn by the referrer");
    await row.getByRole("button", { name: `Open ${reference}` }).click();
    const detail = page.getByRole("region", { name: `${reference}: Fen Invented-Ash` });
    await detail
      .getByText(
        "This referral is no longer waiting for triage: Withdrawn by the referrer. Reason for withdrawing (Grace Mensah): She has moved to another area.",
      )
      .waitFor();
    const item = detail.getByRole("region", { name: "Questions and answers" }).getByRole("listitem");
    assert.deepEqual(lines(await item.innerText()).slice(1), [
      "Which school does she attend?",
      "Answer",
      "Not answered yet.",
    ]);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });
});
