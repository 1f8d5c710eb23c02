import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { demoActor } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";

// Merton's pre-MACE transfers a child to Staffordshire's Tamworth district panel. Marcus, its
// coordinator, opens the referral: Merton's Significant is shown as Merton graded it and mapped to
// the Risk Factor Matrix's scale, with what Tamworth's rules need that the transfer does not carry,
// and he asks the Merton coordinator for it.

const TRANSFER_ID = "5b1e2c3d-4f50-4a61-8b72-9c8d7e6f5a41";

describe("A transfer checked against the host panel's rules, in Chromium", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  let reference = "";

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    const priya = demoActor("Priya Okafor");
    const [source] = (await service.desk.list(priya, "merton-pre-mace", "test", {}, ["accepted"])).referrals;
    assert.ok(source, "a demo referral accepted in Merton");
    const arrived = await service.desk.transferIn(
      priya,
      TRANSFER_ID,
      "staffordshire-tamworth",
      source.value,
      {
        areaId: "merton",
        areaName: "Merton",
        panelName: "Pre-MACE operational panel",
        summary: "Decided at the meeting on 2026-12-03: transfer to the host area's panel.",
        riskLevel: "significant",
      },
    );
    reference = arrived.reference;
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("shows the host coordinator the risk on both scales and what is missing, and drafts the question to the source panel", async () => {
    await page.goto(`${service.url}/tab/`);
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Marcus Thorne (Child Exploitation Coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Referrals for Tamworth District MACE panel" }).click();
    await page.getByRole("button", { name: `Open ${reference}` }).click();
    const rules = page.getByRole("region", { name: "Against this panel's rules" });
    await rules.waitFor();
    await rules
      .getByText("Risk on Merton's scale: Significant (mapped to this area's scale as configured).")
      .waitFor();
    assert.deepEqual(
      await rules
        .getByRole("list", { name: `Missing for ${reference}` })
        .getByRole("listitem")
        .allInnerTexts(),
      [
        'Date the Risk Factor Matrix was completed: Enter the date for "Date the Risk Factor Matrix was completed".',
      ],
    );
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    await rules.getByRole("button", { name: "Draft a question to Pre-MACE operational panel" }).click();
    const box = page.getByLabel("Note, question or reason");
    assert.match(
      await box.inputValue(),
      /^For .+, transferred from your panel: please send what our panel's rules need/,
    );
    assert.match(await box.inputValue(), /- Date the Risk Factor Matrix was completed: Enter the date/);
    await page.screenshot({ path: `${ARTEFACTS}/tab-transfer-checks.png`, fullPage: true });
    await page.getByRole("button", { name: "Ask for more information" }).click();
    await page.getByText(`${reference}: More information requested`).waitFor({ timeout: 20_000 });
  });
});
