import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { catchOpenedLinks, downloadedBy, fetchLink } from "../support/opened-links.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { startTestService, type TestService } from "../support/service.js";

// Priya, Merton's coordinator, signs in to the meeting on its day, records the decision on a
// child's case and, from the names the decision's VOLT fields give, records a person of concern and
// a place and links the child to them; the map around the child then shows the three, in the
// drawing and in the table beside it, and its image opens through a download link, once.

// A meeting no other suite signs in to: Priya's sign-in here is hers alone.
const MEETING = "2027-04-01";

describe("Linking a child from a decision and opening the map (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  let child: { reference: string; name: string };

  before(async () => {
    let now = new Date("2027-03-10T12:00:00Z");
    service = await startTestService({}, { now: () => now });
    child = await acceptedMertonReferral(service, "Morgan Notreal-Ashby", "9 Imaginary Close", MEETING);
    now = new Date(`${MEETING}T09:40:00Z`);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
    await catchOpenedLinks(page);
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("links the child to a person of concern and a place from the decision, and the map shows the three", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 1 April 2027, 09:30 to 13:30" }).click();
    const meeting = page.getByRole("region", { name: "The meeting" });
    const signIn = meeting.getByRole("form", { name: "Sign in to the meeting" });
    await signIn.getByRole("checkbox", { name: /^I agree to the information sharing agreement/ }).check();
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("You are signed in. The meeting's case details are shown below.").waitFor();
    await meeting.getByRole("button", { name: `Record the decision on ${child.reference}` }).click();
    const form = meeting.getByRole("form", { name: `Decision on ${child.reference}` });
    await form.getByLabel("Persons of concern (comma between each)").fill("Jesse Invented-Quill");
    await form.getByLabel("Locations").fill("3 Invented Arcade");

    const links = meeting.getByRole("region", { name: `Links of ${child.reference}` });
    await links.getByText("No links yet.").waitFor();
    await links.getByRole("button", { name: "Find or record Jesse Invented-Quill" }).click();
    await links.getByText("No subject of the area matches. Record a new one below.").waitFor();
    const record = links.getByRole("form", { name: "Record a new subject and link it" });
    assert.equal(await record.getByLabel("Name").inputValue(), "Jesse Invented-Quill");
    await record.getByRole("button", { name: "Record and link" }).click();
    const linked = links.getByRole("status").filter({ hasText: "Linked:" });
    await linked.filter({ hasText: /exploited by MER-S-2027-\d{4}/ }).waitFor();
    const dale = /(MER-S-2027-\d{4})/.exec(await linked.innerText())?.[1] ?? "";

    await links.getByRole("button", { name: "Find or record 3 Invented Arcade" }).click();
    await links.getByText("No subject of the area matches. Record a new one below.").waitFor();
    await record.getByLabel("Postcode").fill("SM4 6ZZ");
    await record.getByRole("button", { name: "Record and link" }).click();
    await linked.filter({ hasText: /frequents MER-S-2027-\d{4}/ }).waitFor();
    const shop = /frequents (MER-S-2027-\d{4})/.exec(await linked.innerText())?.[1] ?? "";
    const now = links.getByRole("list", { name: `Links of ${child.reference} now` });
    await now.getByText(`frequents ${shop} 3 Invented Arcade (location of concern)`).waitFor();
    assert.match(await now.innerText(), new RegExp(`exploited by ${dale} Jesse Invented-Quill`));
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // The decision and an action on the child's case, so the history has each kind of entry.
    await form.getByLabel("Decision").selectOption({ label: "Continue, with a review" });
    await form.getByLabel("Review by").fill("22/04/2027");
    await form.getByRole("button", { name: "Save the decision" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The decision on ${child.reference} is recorded.` })
      .waitFor();
    const action = page.getByRole("form", { name: "Record an action" });
    await action.getByLabel(/^Short title/).fill("Visit the arcade with the youth worker");
    await action
      .getByLabel("What is to be done")
      .fill("Visit the arcade and report back to the coordinator.");
    await action.getByLabel("Owner").selectOption({ label: "Daniel Kowalski (Police)" });
    const option = action.getByLabel("Case").locator("option", { hasText: child.reference });
    await action.getByLabel("Case").selectOption((await option.first().getAttribute("value")) ?? "");
    await action.getByRole("button", { name: "Record action" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^MER-A-\d{4}-\d{4} is recorded\.$/ })
      .last()
      .waitFor();
    await meeting.getByRole("button", { name: `Change the decision on ${child.reference}` }).click();

    await links.getByRole("button", { name: `Open the map of ${child.reference}` }).click();
    await page.getByRole("heading", { name: `Map of ${child.reference}` }).waitFor();
    const table = page.getByRole("table", { name: "Subjects on the map" });
    await table.getByRole("row").nth(3).waitFor();
    const rows = (await table.getByRole("row").allInnerTexts())
      .slice(1)
      .map((r) => r.replace(/\s+/g, " ").trim());
    assert.equal(rows.length, 3);
    const rowOf = (reference: string) => rows.find((r) => r.startsWith(reference)) ?? "";
    assert.match(rowOf(child.reference), /Child or young adult Morgan Notreal-Ashby Open, Significant/);
    assert.match(rowOf(child.reference), new RegExp(`exploited by ${dale}`));
    assert.match(rowOf(child.reference), new RegExp(`frequents ${shop}`));
    assert.match(
      rowOf(dale),
      new RegExp(`Person of concern Jesse Invented-Quill No case exploits ${child.reference}`),
    );
    assert.match(
      rowOf(shop),
      new RegExp(`Location of concern 3 Invented Arcade No case frequented by ${child.reference}`),
    );

    // The drawing takes the keyboard: the arrow keys move from subject to subject.
    await page.getByRole("application", { name: new RegExp(`^Network map of ${child.reference}`) }).focus();
    await page.keyboard.press("ArrowRight");
    await page
      .locator("#map-selected")
      .filter({ hasText: /^Selected: MER-S-2027-\d{4}/ })
      .waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-subject-map.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    const image = await downloadedBy(page, () =>
      page.getByRole("button", { name: "Download as an image (PNG)" }).click(),
    );
    assert.match(image.url, /\/downloads\/[A-Za-z0-9_-]+$/);
    assert.equal(image.status, 200, image.text);
    assert.equal(image.name, `OFFICIAL-SENSITIVE-map-${child.reference}-${MEETING}.png`);
    assert.equal(image.bytes.subarray(1, 4).toString("ascii"), "PNG");
    assert.ok(image.bytes.readUInt32BE(16) >= 400, "at least 400 pixels wide");
    writeFileSync(`${ARTEFACTS}/subject-map-image.png`, image.bytes);
    const again = await fetchLink(page, image.url);
    assert.equal(again.status, 403);
    assert.match(again.text, /This download link has been used already/);

    await page.getByRole("button", { name: "Back" }).click();
    await meeting.getByRole("form", { name: `Decision on ${child.reference}` }).waitFor();
  });

  it("from the map, opens the child's history: the referral, the decision and the action", async () => {
    const links = page.getByRole("region", { name: `Links of ${child.reference}` });
    await links.getByRole("button", { name: `Open the map of ${child.reference}` }).click();
    const table = page.getByRole("table", { name: "Subjects on the map" });
    await table.getByRole("button", { name: `History of ${child.reference}` }).click();
    await page
      .getByRole("heading", { level: 1, name: new RegExp(`^Case history: ${child.reference}`) })
      .waitFor();
    const items = page.getByRole("list", { name: "Chronology" }).getByRole("listitem");
    const kinds = await items.evaluateAll((li) => li.map((e) => e.getAttribute("data-kind")));
    for (const kind of ["referral", "decision", "action"]) assert.ok(kinds.includes(kind), kinds.join(", "));
    const text = (await items.allInnerTexts()).join("\n");
    assert.match(text, /Decided at the meeting on 1 April 2027: Continue, with a review/);
    assert.match(text, /Visit the arcade with the youth worker/);
    assert.match(text, /exploited by/);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });
});
