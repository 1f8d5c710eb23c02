import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { chromiumBrowser } from "../support/browser.js";
import { call } from "../support/http.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { referredAndAccepted } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Grace presents Robin's case; Ines referred Sasha, so presents hers. Priya links the two. In the
// tab Grace sees Robin's history with the link to Sasha by reference only, and opening Sasha's
// history or map from it is refused in words.

const PANEL = "merton-pre-mace";

describe("A presenter and the record of a case she does not present (Chromium)", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  const children: Record<string, { id: string; reference: string }> = {};

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2027-02-15T12:00:00Z") });
    let meetingId = "";
    for (const [by, name] of [
      ["Grace Mensah", "Rowan Invented-Pike"],
      ["Ines Dalgaard", "Sasha Invented-Wren"],
    ] as const) {
      const made = await referredAndAccepted(service.desk, demoActor(by), name);
      children[name] = { id: made.subjectId, reference: made.reference };
      meetingId = made.meetingDate ?? "";
    }
    const linked = await call(service, "/api/areas/merton/links", {
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
      body: {
        kind: "associates-with",
        from: children["Rowan Invented-Pike"]?.id,
        to: children["Sasha Invented-Wren"]?.id,
        note: "Seen together at Sasha's address.",
        panelId: PANEL,
        meetingId,
      },
    });
    assert.equal(linked.status, 201, linked.text);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("sees the linked child by reference only, and is refused that child's history and map", async () => {
    const rowan = children["Rowan Invented-Pike"] ?? { id: "", reference: "" };
    const sasha = children["Sasha Invented-Wren"] ?? { id: "", reference: "" };
    await page.goto(`${service.url}/tab/`);
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Grace Mensah (Social worker, Contextual Harm team)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Cohort of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: `History of ${rowan.reference}` }).click();
    await page
      .getByRole("heading", { level: 1, name: new RegExp(`^Case history: ${rowan.reference}`) })
      .waitFor();
    const chronology = page.getByRole("list", { name: "Chronology" });
    await chronology.getByText(`Linked: associates with ${sasha.reference}`, { exact: true }).waitFor();
    const shown = await chronology.innerText();
    assert.ok(!shown.includes("Sasha Invented-Wren"), "the other child's name is not Grace's to see");
    assert.ok(!shown.includes("Seen together"), "nor the panel's note about her");
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    await chronology.getByRole("button", { name: `History of ${sasha.reference}` }).click();
    await page.getByText("You can see the record only of the cases you present.").waitFor();
    assert.equal(await page.getByText("Sasha Invented-Wren").count(), 0);
    await page.getByRole("button", { name: "Open map" }).click();
    await page.getByText("You can see the record only of the cases you present.").waitFor();
    assert.equal(await page.getByText("Sasha Invented-Wren").count(), 0);
  });
});
