import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { chromiumBrowser } from "../support/browser.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";
import { fileInZip } from "../support/zip.js";
import { catchOpenedLinks, downloadedBy } from "../support/opened-links.js";

// Ines, Merton's partnership business manager and one of its administrators, sits on no panel. A
// subject access request quotes a child's reference: from the People page she downloads
// everything Merton holds about the child, and a reference nobody has is answered in words.

describe("A subject access request answered from the People page (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  let child: { reference: string; name: string };

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2027-02-15T12:00:00Z") });
    child = await acceptedMertonReferral(service, "Sasha Invented-Reed", "4 Imaginary Mews", "2027-03-04");
    page = await (
      await chromiumBrowser()
    ).newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("the administrator downloads the export for the reference a request quotes", async () => {
    await catchOpenedLinks(page);
    await page.goto(`${service.url}/tab/`);
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Ines Dalgaard (Partnership business manager)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "People of Merton" }).click();
    const request = page.getByRole("form", { name: "Subject access request" });
    await request.getByLabel("The subject's reference").fill("MER-2019-9999");
    await request.getByRole("button", { name: "Download the export (Word)" }).click();
    await request.getByText(/^No subject of Merton has the reference MER-2019-9999\./).waitFor();

    await request.getByLabel("The subject's reference").fill(child.reference.toLowerCase());
    const file = await downloadedBy(page, () =>
      request.getByRole("button", { name: "Download the export (Word)" }).click(),
    );
    assert.equal(file.status, 200);
    assert.equal(file.name, `${child.reference}-subject-access.docx`);
    const document = fileInZip(file.bytes, "word/document.xml") ?? "";
    assert.ok(document.includes(child.name), "the export holds the child's record");
    await request
      .getByRole("status")
      .filter({ hasText: `The export for ${child.reference} is downloaded.` })
      .waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });
});
