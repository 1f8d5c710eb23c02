import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// A coordinator opens a child's case history from its reference on the next agenda, and from the
// action log: the referral, the January decision and the action are there in order; Back returns
// to the agenda with the focus on the reference it left from.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";

describe("A subject's case history in the tab (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  let now = new Date("2026-12-20T12:00:00Z");
  let robin: { subjectId: string; reference: string };
  let actionReference: string;

  before(async () => {
    service = await startTestService({}, { now: () => now });
    robin = await acceptedMertonReferral(service, "Robin Invented-Hale", "7 Imaginary Close", MEETING);
    now = new Date(`${MEETING}T10:00:00Z`);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    // On the meeting's day Priya signs in to it, then records the decision.
    const signIn = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
      token,
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.ok([200, 201].includes(signIn.status), signIn.text);
    const decided = await call(
      service,
      `/api/panels/${PANEL}/meetings/${MEETING}/decisions/${robin.subjectId}`,
      {
        method: "PUT",
        token,
        ifMatch: "none",
        body: { kind: "continue", reviewDate: "2027-01-20", riskLevel: "significant" },
      },
    );
    assert.equal(decided.status, 200, decided.text);
    const recorded = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/actions`, {
      token,
      body: {
        subjectId: robin.subjectId,
        title: "Share the disruption plan",
        text: "Send the disruption plan to the school's safeguarding lead.",
        ownerId: PEOPLE.mertonEducationLead.id,
      },
    });
    assert.equal(recorded.status, 201, recorded.text);
    actionReference = (recorded.body["action"] as { reference: string }).reference;
    now = new Date("2027-01-08T09:00:00Z");
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  const chronology = () => page.getByRole("list", { name: "Chronology" });

  it("opens from the reference on the agenda and shows the referral, the decision and the action in order", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    await page.goto(`${service.url}/tab/?panel=${PANEL}&meeting=2027-02-04`);
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 4 February 2027, 09:30 to 13:30" });
    await agenda.waitFor();

    // A returning case sits in the section its theme (from the referral's screening) takes.
    await agenda.getByRole("button", { name: `History of ${robin.reference}` }).click();
    const heading = page.getByRole("heading", {
      level: 1,
      name: `Case history: ${robin.reference} Robin Invented-Hale`,
    });
    await heading.waitFor();
    assert.ok(await heading.evaluate((h) => h === document.activeElement), "the heading has the focus");
    assert.equal(await agenda.isVisible(), false, "the agenda is hidden behind the history");

    const items = chronology().getByRole("listitem");
    assert.deepEqual(await items.evaluateAll((li) => li.map((e) => e.getAttribute("data-kind"))), [
      "referral",
      "triage",
      "case-opened",
      "decision",
      "action",
    ]);
    const [referral, , , decision, action] = await items.allInnerTexts();
    assert.match(
      referral ?? "",
      /Referred to Pre-MACE operational panel[\s\S]*Grace Mensah \(Children's Social Care\)/,
    );
    assert.match(
      decision ?? "",
      /Decided at the meeting on 7 January 2027: Continue, with a review[\s\S]*Risk after discussion\s+Significant/,
    );
    assert.match(
      action ?? "",
      new RegExp(
        `Share the disruption plan[\\s\\S]*${actionReference}[\\s\\S]*Owner\\s+Owen Brathwaite \\(Education\\)[\\s\\S]*Due\\s+21 January 2027`,
      ),
    );
    const cases = page.getByRole("table", { name: "Cases" });
    assert.match(await cases.innerText(), /Pre-MACE operational panel\s+Open\s+Significant/);
    // Priya coordinates; she is not one of Merton's administrators.
    assert.equal(await page.getByRole("button", { name: /^Subject access export/ }).count(), 0);
    await page.screenshot({ path: `${ARTEFACTS}/case-history.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("goes back to the agenda, with the focus on the reference it was opened from", async () => {
    await page.getByRole("button", { name: "Back", exact: true }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 4 February 2027, 09:30 to 13:30" });
    await agenda.waitFor();
    const reference = agenda.getByRole("button", { name: `History of ${robin.reference}` });
    await page.waitForFunction(() =>
      document.activeElement?.getAttribute("aria-label")?.startsWith("History of"),
    );
    assert.ok(await reference.evaluate((b) => b === document.activeElement));
  });

  it("opens from the case's reference in the action log too", async () => {
    await page.goto(`${service.url}/tab/?panel=${PANEL}&page=actions`);
    const row = page.locator(`tr[data-action="${actionReference}"]`);
    await row.getByRole("button", { name: `History of ${robin.reference}` }).click();
    await page
      .getByRole("heading", { level: 1, name: `Case history: ${robin.reference} Robin Invented-Hale` })
      .waitFor();
    assert.equal(await chronology().getByRole("listitem").count(), 5);
  });
});
