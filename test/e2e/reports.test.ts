import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { referredAndAccepted } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { fileInZip, zipEntries } from "../support/zip.js";
import { catchOpenedLinks, downloadedBy } from "../support/opened-links.js";

// The Reports page in Chromium: a person Merton's coordinator made pre-MACE's analyst opens the
// area's report for the quarter, works its figures out again, and sees the referrals made in it
// by kind, outcome and the children's ethnic group; downloads the Word report; and the page
// passes axe in the light, dark and high-contrast themes.

const ANALYST = {
  id: "00000000-0000-4000-8000-000000000301",
  name: "Noor Abernethy",
  jobTitle: "Performance analyst",
};

/** The cells of a table's row, found by its heading (the first cell). */
async function rowOf(table: Locator, heading: string): Promise<string[]> {
  const row = table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: heading }) });
  return (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
}

describe("The Reports page in Chromium", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  // The service starts on the day most suites start on, so the demo data is dated as theirs is;
  // the referrals here are made in a quarter no other suite reaches, so its figures are these alone.
  let now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    // Merton's coordinator adds a new person as pre-MACE's analyst, through the people import.
    const coordinator = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const imported = await fetch(`${service.url}/api/areas/merton/people/import/apply`, {
      method: "POST",
      headers: { authorization: `Bearer ${coordinator}`, "content-type": "text/csv" },
      body: [
        "objectId,email,displayName,agency,jobTitle,panel,role,deputyFor,approvesReferrals",
        `${ANALYST.id},noor.abernethy@merton.example,${ANALYST.name},Children's Social Care,${ANALYST.jobTitle},merton-pre-mace,analyst,,no`,
      ].join("\n"),
    });
    assert.equal(imported.status, 200, await imported.text());

    // Quarter 2 of 2028/29: three children referred and accepted, two referrals still waiting.
    now = new Date("2028-09-20T12:00:00Z");
    const grace = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
    for (const name of ["Ilse Varga", "Tobias Ferreira", "Maren Osei"])
      await referredAndAccepted(service.desk, grace, name);
    for (const [name, ethnicity] of [
      ["Keira Mbeki", "white-british"],
      ["Lucan Hart", "black-caribbean"],
    ] as const) {
      const sent = await service.desk.submit(grace, "merton-pre-mace", "individual", randomUUID(), {
        ...mertonChild(name),
        ethnicity,
      });
      assert.ok(sent.ok, JSON.stringify(sent));
    }

    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
    // Each month takes a moment, as on a busy area, so the progress can be read.
    await page.route("**/report-figures/*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("the analyst sees only reports on the panel, works the quarter's figures out and sees the referrals made", async () => {
    await catchOpenedLinks(page);
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: `${ANALYST.name} (${ANALYST.jobTitle})` });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    const card = page.locator("[data-panel-id=merton-pre-mace]");
    assert.deepEqual(
      (await card.getByRole("button").allInnerTexts()).map((t) => t.trim()),
      ["Reports"],
      "an analyst is offered the panel's reports and nothing else of it",
    );

    await page.getByRole("button", { name: "Area report of Merton" }).click();
    await page.getByRole("heading", { name: "Merton: area report", level: 1 }).waitFor();
    assert.equal(await page.getByRole("radio", { name: "This quarter" }).isChecked(), true);
    await page.getByText("Quarter 2, 2028/29", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Work the figures out again" }).click();
    await page.getByRole("status").filter({ hasText: "Working out August 2028: 2 of 3" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: "The figures were worked out again for all 3 months." })
      .waitFor();
    await page.getByText(/^Figures as at 20 September 2028 at \d\d:\d\d\.$/).waitFor();

    const section = page.getByRole("region", { name: "Referrals" });
    await section.getByText("5 referrals received.", { exact: true }).waitFor();
    const outcomes = section.getByRole("table", { name: "Referrals received by outcome" });
    assert.deepEqual(await rowOf(outcomes, "Accepted"), ["Accepted", "3", "60%"]);
    assert.deepEqual(await rowOf(outcomes, "Waiting for a decision"), ["Waiting for a decision", "2", "40%"]);
    assert.deepEqual(await rowOf(outcomes, "Total"), ["Total", "5", "100%"]);
    assert.deepEqual(
      await rowOf(section.getByRole("table", { name: "Referrals received by kind" }), "Total"),
      ["Total", "5", "100%"],
    );
    const chart = section.getByRole("img", {
      name: "Referrals received by outcome: a chart. The table beside it holds the figures.",
    });
    assert.match((await chart.getAttribute("src")) ?? "", /^data:image\/svg\+xml/);

    await page.screenshot({ path: `${ARTEFACTS}/tab-reports.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("switches to the children referred and sees them by ethnic group, with the population they are compared with", async () => {
    await page.getByRole("tab", { name: "Children referred" }).click();
    const ethnicity = page.getByRole("table", { name: "Children referred and accepted by ethnic group" });
    await ethnicity.waitFor();
    assert.deepEqual(await rowOf(ethnicity, "Not known"), ["Not known", "3", "60%", "3", "100%"]);
    assert.deepEqual(await rowOf(ethnicity, "White: English, Welsh, Scottish, Northern Irish or British"), [
      "White: English, Welsh, Scottish, Northern Irish or British",
      "1",
      "20%",
      "0",
      "0%",
    ]);
    assert.deepEqual(await rowOf(ethnicity, "Black, Black British, Caribbean or African: Caribbean"), [
      "Black, Black British, Caribbean or African: Caribbean",
      "1",
      "20%",
      "0",
      "0%",
    ]);
    assert.deepEqual(await rowOf(ethnicity, "Total"), ["Total", "5", "100%", "3", "100%"]);
    await page
      .getByRole("region", { name: "Children referred" })
      .getByText("Data quality: ethnicity not known for 3 of 5 (60%) children referred.")
      .waitFor();
    const baseline = page.getByRole("region", { name: "Merton's child population" });
    await baseline.getByText("Invented figures for the demonstration").waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("downloads the Word report, whose document holds the figures and whose every page is marked", async () => {
    const file = await downloadedBy(page, () =>
      page.getByRole("button", { name: "Word report", exact: true }).click(),
    );
    assert.equal(file.status, 200);
    assert.equal(file.name, "merton-report-2028-07-to-2028-09.docx");
    const zip = file.bytes;
    const document = fileInZip(zip, "word/document.xml") ?? "";
    // The document's words, one space between runs and cells.
    const text = document
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .replace(/&apos;/g, "'");
    assert.match(text, /5 referrals received\./);
    assert.match(
      text,
      /Referrals received by outcome .*Accepted 3 60\.0% .*Waiting for a decision 2 40\.0% .*Total 5 100\.0%/,
    );
    assert.match(
      text,
      /Children referred and accepted by ethnic group .*White: English, Welsh, Scottish, Northern Irish or British 1 20\.0% 0 0\.0% .*Not known 3 60\.0% 3 100\.0% Total 5 100\.0% 3 100\.0%/,
    );
    assert.doesNotMatch(text, /Ilse Varga|Keira Mbeki|MER-\d{4}-\d{4}/, "aggregates only");
    // OFFICIAL-SENSITIVE heads and foots every page: the document's section names its header and footer.
    assert.match(document, /<w:headerReference [^>]*w:type="default"/);
    assert.match(document, /<w:footerReference [^>]*w:type="default"/);
    const marked = zipEntries(zip).filter((e) => /^word\/(header|footer)\d+\.xml$/.test(e.name));
    assert.ok(marked.length >= 2, marked.map((e) => e.name).join(", "));
    for (const part of marked) assert.match(part.data.toString("utf8"), /OFFICIAL-SENSITIVE/, part.name);
  });

  it("has no serious accessibility problem in the dark and high-contrast themes", async () => {
    const redrawn = (theme: string) =>
      page.waitForResponse((r) => r.url().includes("/reports?") && r.url().includes(`theme=${theme}`));
    let charts = redrawn("dark");
    await page.emulateMedia({ colorScheme: "dark" });
    await charts;
    await page.getByRole("table", { name: "Children referred and accepted by ethnic group" }).waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-reports-dark.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    charts = redrawn("contrast");
    await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
    await charts;
    await page.getByRole("table", { name: "Children referred and accepted by ethnic group" }).waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-reports-contrast.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
  });

  it("shows the analyst role on Merton's People page", async () => {
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "People of Merton" }).click();
    await page.getByRole("button", { name: `Change ${ANALYST.name}` }).click();
    const role = page.getByLabel("Role on Pre-MACE operational panel", { exact: true });
    const chosen = await role.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    assert.equal(chosen, "Analyst (the panel's reports only)");
  });
});
