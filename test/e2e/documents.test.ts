import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";
import { catchOpenedLinks, downloadedBy, fetchLink } from "../support/opened-links.js";

// Documents on a case in Chromium: the Merton coordinator attaches a risk assessment from the
// child's case history, the chair marks it reviewed with a note, and a police member downloads it
// through its link, which the tab opens as it opens every file: the link needs no sign-in (it is
// the credential), opens once, and says so in words the second time.

const PANEL_NAME = "Pre-MACE operational panel";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("Documents on a case in the tab (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let robin: { subjectId: string; reference: string };
  const contexts: BrowserContext[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-12-20T12:00:00Z") });
    robin = await acceptedMertonReferral(service, "Robin Invented-Hale", "7 Imaginary Close", "2027-01-07");
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await service?.close();
  });

  /** A fresh browser signed in as a demo person, on Robin's case history opened from the cohort. */
  async function historyAs(person: { displayName: string; jobTitle: string }): Promise<Page> {
    const context = await (await chromiumBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("tab error:", e.message));
    await catchOpenedLinks(page);
    await page.goto(`${service.url}/tab/`);
    await page
      .getByLabel("Demo person")
      .selectOption({ label: `${person.displayName} (${person.jobTitle})` });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: `Cohort of ${PANEL_NAME}` }).click();
    await page.getByLabel("Search by reference or name").fill(robin.reference);
    await page
      .getByRole("table", { name: `${PANEL_NAME}: open cases` })
      .getByRole("button", { name: `History of ${robin.reference}` })
      .click();
    await page
      .getByRole("heading", { level: 1, name: new RegExp(`^Case history: ${robin.reference}`) })
      .waitFor();
    return page;
  }
  const documents = (page: Page) => page.getByRole("table", { name: "Documents" });
  const row = (page: Page) =>
    documents(page).getByRole("row").filter({ hasText: "Risk assessment Robin.pdf" });

  it("the coordinator attaches a risk assessment to the case", async () => {
    const page = await historyAs(PEOPLE.mertonCoordinator);
    await page.getByText("No documents are attached yet.").waitFor();
    await page.getByLabel("Kind of document").selectOption({ label: "Risk assessment" });
    await page
      .getByLabel(/^File \(PDF, Word, Excel, PNG or JPEG/)
      .setInputFiles({ name: "Risk assessment Robin.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Attach", exact: true }).click();
    await page.getByText("Risk assessment Robin.pdf is attached.").waitFor();
    const cells = (await row(page).getByRole("cell").allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(1, 3), ["Risk assessment", `Case ${robin.reference} · ${PANEL_NAME}`]);
    assert.match(cells[3] ?? "", /^Priya Okafor, /);
    assert.deepEqual(cells.slice(4, 6), ["Scanned: no threats found", "Not yet reviewed"]);
    // Only a chair reviews.
    assert.equal(
      await row(page)
        .getByRole("button", { name: /^Mark .* reviewed$/ })
        .count(),
      0,
    );
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("the chair marks it reviewed, with a note", async () => {
    const page = await historyAs(PEOPLE.mertonChair);
    await row(page).getByRole("button", { name: "Mark Risk assessment Robin.pdf reviewed" }).click();
    await page.getByLabel("Review note for Risk assessment Robin.pdf").fill("Risk agreed as significant.");
    await page.getByRole("button", { name: "Confirm review" }).click();
    await page.getByText("Risk assessment Robin.pdf is marked reviewed.").waitFor();
    await row(page).filter({ hasText: "Reviewed by" }).waitFor();
    assert.match(
      await row(page).innerText(),
      new RegExp(`Reviewed by ${PEOPLE.mertonChair.displayName} on .*: Risk agreed as significant\\.`),
    );
    await page.screenshot({ path: `${ARTEFACTS}/case-documents.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("a member downloads it through a link that opens once, with no sign-in; the second opening is refused in words", async () => {
    const page = await historyAs(PEOPLE.mertonPoliceOfficer);
    assert.match(await row(page).innerText(), /Reviewed by/);
    const file = await downloadedBy(page, () =>
      row(page).getByRole("button", { name: "Download Risk assessment Robin.pdf" }).click(),
    );
    assert.match(new URL(file.url).pathname, /^\/downloads\/[\w-]+$/);
    assert.equal(file.status, 200);
    assert.equal(file.name, "Risk assessment Robin.pdf");
    assert.deepEqual(file.bytes, PDF);
    assert.equal(await row(page).getByRole("alert").count(), 0);
    const again = await fetchLink(page, file.url);
    assert.equal(again.status, 403);
    assert.match(again.text, /This download link has been used already: each link opens once\./);
    // A link changed by hand is not the service's.
    const [payload = "", mac = ""] = new URL(file.url).pathname.replace("/downloads/", "").split(".");
    const forged = await fetchLink(page, `${service.url}/downloads/${payload}x.${mac}`);
    assert.equal(forged.status, 403);
    assert.match(forged.text, /not one the service made/);
  });
});
