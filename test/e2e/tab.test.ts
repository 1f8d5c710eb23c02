import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";
import { azurite } from "../support/azurite.js";
import { catchOpenedLinks, downloadedBy, fetchLink } from "../support/opened-links.js";
import { pdfPages } from "../support/pdf.js";
import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";

describe("The tab in Chromium", function () {
  this.timeout(60_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  it("lets the demo coordinator sign in and shows the Merton panels with their next dates", async () => {
    await catchOpenedLinks(page);
    await page.goto(`${service.url}/tab/`);
    await page.getByRole("heading", { name: "Sign in to MACE panels" }).waitFor();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();

    const merton = page.getByRole("region", { name: "Merton panels" });
    const preMace = merton.locator("[data-panel-id=merton-pre-mace]");
    const strategic = merton.locator("[data-panel-id=merton-strategic-mace]");
    assert.match(await preMace.innerText(), /Pre-MACE operational panel/);
    assert.deepEqual(await preMace.locator("time").allInnerTexts(), [
      "Thursday 3 December 2026, 09:30 to 13:30",
      "Thursday 7 January 2027, 09:30 to 13:30",
      "Thursday 4 February 2027, 09:30 to 13:30",
    ]);
    assert.deepEqual(await strategic.locator("time").allInnerTexts(), [
      "Thursday 17 December 2026, 10:00 to 12:00",
      "Thursday 21 January 2027, 10:00 to 12:00",
      "Thursday 18 February 2027, 10:00 to 12:00",
    ]);
    assert.match(
      await page.locator("header").innerText(),
      /Signed in as Priya Okafor, MACE panel coordinator \(Children's Social Care\)/,
    );
    await page.screenshot({ path: `${ARTEFACTS}/tab-panels.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("lets the coordinator download a panel's coming meetings as a calendar file", async () => {
    const file = await downloadedBy(page, () =>
      page
        .getByRole("button", {
          name: "Calendar file (.ics) of the next twelve months of Pre-MACE operational panel meetings",
        })
        .click(),
    );
    assert.equal(file.status, 200);
    assert.match(file.name, /^merton-pre-mace-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = file.text;
    // The link opened once; opened again, it says so in words.
    const again = await page.request.get(file.url);
    assert.equal(again.status(), 403);
    assert.match(await again.text(), /This download link has been used already/);
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=\d{8}T093000Z;BYDAY=TH;BYSETPOS=1/);
  });

  it("shows a Lambeth coordinator only the Lambeth panels", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Leila Haddad (MAVE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("region", { name: "Lambeth panels" }).waitFor();
    assert.equal(await page.getByRole("region", { name: "Merton panels" }).count(), 0);
    const mave = page.locator("[data-panel-id=lambeth-mave] time");
    assert.deepEqual(await mave.allInnerTexts(), [
      "Tuesday 24 November 2026, 13:00 to 16:00",
      "Tuesday 8 December 2026, 13:00 to 16:00",
      "Tuesday 22 December 2026, 13:00 to 16:00",
    ]);
  });

  it("lets the Merton coordinator accept a referral in the tab, and the list shows it accepted", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Referrals for Pre-MACE operational panel" }).click();
    await page.getByRole("heading", { name: "Referrals: Pre-MACE operational panel", level: 1 }).waitFor();

    // Waiting for triage is the default; other suites may add referrals, so find the row by subject.
    assert.equal(await page.getByLabel("Show").inputValue(), "waiting");
    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "Amara Lindqvist" }) });
    await row.waitFor();
    assert.equal(await row.count(), 1);
    assert.deepEqual(
      (await table.getByRole("columnheader").allInnerTexts()).map((t) => t.trim()),
      ["Reference", "Subject", "Kind", "Referrer", "Meeting", "Status"],
    );
    assert.match(await row.innerText(), /Grace Mensah/);
    assert.equal((await row.getByRole("cell").nth(5).innerText()).trim(), "With the panel coordinator");
    const openButton = row.getByRole("button", { name: /^Open MER-2026-\d{4}$/ });
    const reference = ((await openButton.getAttribute("aria-label")) ?? "").replace(/^Open /, "");

    await openButton.click();
    const detail = page.getByRole("region", { name: `${reference}: Amara Lindqvist` });
    await detail.getByRole("heading", { name: "Answers on the referral", level: 3 }).waitFor();
    const language = detail.locator("dt", { hasText: /^Language spoken$/ });
    assert.equal(await language.count(), 1);
    assert.equal(
      await language.evaluate((dt) => dt.nextElementSibling?.textContent ?? ""),
      "English and Swedish",
    );
    // The open referral's details never reach the address bar.
    assert.doesNotMatch(page.url(), /Amara|MER-|referral/i);

    // A refused step shows the service's own message and changes nothing.
    await detail.getByRole("button", { name: "Ask for more information" }).click();
    await detail.getByText("Write the question for the referrer.").waitFor();

    await detail
      .getByLabel("Note, question or reason")
      .fill("Meets the threshold: accepted for the December panel.");
    await detail.getByRole("button", { name: "Accept", exact: true }).click();
    const success = detail.getByText(/MER-2026-\d{4}: Accepted by the panel/);
    await success.waitFor();
    assert.equal(await success.innerText(), `${reference}: Accepted by the panel`);

    // Accepted referrals leave the waiting list and show as accepted under All.
    await row.waitFor({ state: "detached" });
    await page.getByLabel("Show").selectOption({ label: "All" });
    await row.waitFor();
    assert.equal((await row.getByRole("cell").nth(5).innerText()).trim(), "Accepted by the panel");
    await page.screenshot({ path: `${ARTEFACTS}/tab-referrals.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
      "Referrals for Pre-MACE operational panel",
    );
  });

  it("shows no referrals button to a panel member who is not its coordinator", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Grace Mensah (Social worker, Contextual Harm team)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("[data-panel-id=merton-pre-mace]").waitFor();
    assert.equal(await page.getByRole("button", { name: /^Referrals for / }).count(), 0);
  });

  it("the coordinator opens a meeting's agenda, lengthens a slot, and the times after it follow", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 3 December 2026, 09:30 to 13:30" }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 3 December 2026, 09:30 to 13:30" });
    await agenda.waitFor();
    const first = agenda.locator("tr[data-entry-id]").first();
    assert.match(
      await first.innerText(),
      /^10:00\s+Confidentiality and information sharing statement; anti-discriminatory statement/,
    );
    const statements = page.getByRole("region", { name: "Statements read at the start of the meeting" });
    assert.match(
      await statements.innerText(),
      /Anti-discriminatory statement\s+This panel is committed to anti-racist/,
    );
    const jayden = agenda.getByRole("row").filter({ hasText: "Jayden Okoro-Hart" });
    assert.match(
      await jayden.innerText(),
      /10:20–10:30[\s\S]*MER-2026-\d{4} Jayden Okoro-Hart[\s\S]*Grace Mensah/,
    );
    const reference = (await jayden.getAttribute("data-slot")) ?? "";
    const coercion = agenda.locator('tr[data-entry-id="coercion-control"]');
    // Other suites' referrals may share the section: it keeps its 30 minutes, or grows to fit its slots.
    const lastSlotEnd = async () =>
      (await agenda.locator("tr[data-slot]").allInnerTexts())
        .map((t) => /–(\d\d:\d\d)/.exec(t)?.[1] ?? "")
        .sort()
        .pop() ?? "";
    const coercionStart = async () => (await coercion.innerText()).slice(0, 5);
    const expected = async () => [await lastSlotEnd(), "10:50"].sort().pop();
    assert.equal(await coercionStart(), await expected());

    assert.ok(
      (await jayden.getByLabel(`Meeting for ${reference}`).locator("option").allInnerTexts()).includes(
        "Move to Thursday 7 January 2027, 09:30 to 13:30",
      ),
    );
    await jayden.getByLabel(`Slot length for ${reference}`).selectOption("45");
    await page
      .getByRole("row")
      .filter({ hasText: "Jayden Okoro-Hart" })
      .getByText(/10:20–11:05/)
      .waitFor();
    assert.ok((await lastSlotEnd()) >= "11:05");
    assert.equal(await coercionStart(), await expected());
    // Later swaps Jayden with the next case in the section (ten minutes), and the times follow.
    await jayden.getByRole("button", { name: `Move ${reference} later` }).click();
    await page.getByRole("row").filter({ hasText: "Jayden Okoro-Hart" }).getByText("10:30–11:15").waitFor();
    // Every control on the page is reachable with the keyboard alone.
    const reached = new Set<string>();
    const controls = [
      "Publish agenda",
      "Agenda (PDF)",
      `Section for ${reference}`,
      `Slot length for ${reference}`,
    ];
    await page.locator("body").focus();
    // Every slot's reference, theme and people are stops too, and other suites' cases may share
    // the agenda: the walk goes on until it has met every control, or the page's end many times over.
    for (let i = 0; i < 600 && !controls.every((c) => reached.has(c)); i++) {
      await page.keyboard.press("Tab");
      reached.add(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute("aria-label") ??
            document.activeElement?.textContent?.trim() ??
            "",
        ),
      );
    }
    for (const control of controls) {
      assert.ok(reached.has(control), `${control} is not reachable by keyboard`);
    }
    await page.getByText(/^The agenda runs to \d\d:\d\d, past the meeting's end at 13:30\./).waitFor();
    await page.screenshot({ path: `${ARTEFACTS}/tab-agenda.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Without Teams calendars here, publishing freezes the version and says who was not invited.
    await page.getByRole("button", { name: "Publish agenda" }).click();
    const published = page.getByRole("status").filter({ hasText: "Version 1 of the agenda is published." });
    await published.waitFor();
    assert.match(
      await published.innerText(),
      /not invited \(MACE panels is not connected to Teams calendars here\)/,
    );
    await page.getByText("Thursday 3 December 2026, 09:30 to 13:30 · published version 1").waitFor();
  });

  it("a link from the channel's card opens that meeting's agenda", async () => {
    await page.goto(`${service.url}/tab/?panel=merton-pre-mace&meeting=2026-12-03`);
    await page.getByRole("table", { name: "Agenda for Thursday 3 December 2026, 09:30 to 13:30" }).waitFor();
    assert.doesNotMatch(page.url(), /meeting=/);
  });

  it("Agenda (PDF) opens a link to the agenda as a PDF, marked on every page, that opens once", async () => {
    const file = await downloadedBy(page, () => page.getByRole("button", { name: "Agenda (PDF)" }).click());
    assert.equal(file.status, 200, file.text);
    assert.equal(file.name, "merton-pre-mace-2026-12-03-agenda.pdf");
    const pages = await pdfPages(file.bytes);
    const text = pages.join(" ");
    assert.match(text, /Agenda for Thursday 3 December 2026, 09:30 to 13:30, published version 1/);
    assert.ok(!text.includes("Publish agenda"));
    pages.forEach((p, n) => {
      assert.equal(p.split("OFFICIAL-SENSITIVE").length - 1, 2);
      assert.ok(p.includes(`Page ${n + 1} of ${pages.length}`));
    });
    assert.equal((await fetchLink(page, file.url)).status, 403);
  });

  it("a presenter sees only her own slot on the agenda, with no controls", async () => {
    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Grace Mensah (Social worker, Contextual Harm team)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 3 December 2026, 09:30 to 13:30" }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 3 December 2026, 09:30 to 13:30" });
    await agenda.waitFor();
    const slots = agenda.locator("tr[data-slot]");
    assert.ok((await slots.count()) >= 1);
    for (const text of await slots.allInnerTexts()) assert.match(text, /Grace Mensah/);
    assert.equal(await page.getByRole("combobox", { name: /^Section for / }).count(), 0);
  });

  it("the coordinator records an action on the agenda page; its owner marks it done in the action log", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 3 December 2026, 09:30 to 13:30" }).click();
    const form = page.getByRole("form", { name: "Record an action" });
    await form.getByLabel(/^Short title/).fill("Confirm the GP registration");
    await form
      .getByLabel("What is to be done")
      .fill("Check the GP registration with the practice and tell the social worker.");
    await form.getByLabel("Owner").selectOption({ label: "Hannah Reyes (Health)" });
    const jaydenOption = form.getByLabel("Case").locator("option", { hasText: "Jayden Okoro-Hart" });
    await form.getByLabel("Case").selectOption((await jaydenOption.getAttribute("value")) ?? "");
    await form.getByRole("button", { name: "Record action" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^MER-A-2026-\d{4} is recorded\.$/ })
      .waitFor();
    const log = page.getByRole("table", { name: "This meeting's actions" });
    const row = log.getByRole("row").filter({ hasText: "Confirm the GP registration" });
    assert.match(await row.innerText(), /MER-2026-\d{4}[\s\S]*Hannah Reyes[\s\S]*17 Dec 2026[\s\S]*Open/);

    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Hannah Reyes (Named Nurse, Safeguarding Children)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Action log of Pre-MACE operational panel" }).click();
    const mine = page
      .getByRole("table", { name: "Pre-MACE operational panel action log" })
      .getByRole("row")
      .filter({
        hasText: "Confirm the GP registration",
      });
    // She extends it first: a one-word reason is refused in words beside the form.
    await mine.getByRole("button", { name: /^Extend, MER-A-2026-\d{4}$/ }).click();
    const extend = mine.getByRole("form", { name: /^Extend, MER-A-2026-\d{4}$/ });
    await extend.getByLabel("New due date").fill("07/01/2027");
    await extend.getByLabel("Reason").fill("Closed");
    await extend.getByRole("button", { name: "Extend" }).click();
    await extend.getByRole("alert").filter({ hasText: "Give the reason in a few words" }).waitFor();
    await extend.getByLabel("Reason").fill("The practice is closed until January.");
    await extend.getByRole("button", { name: "Extend" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /is now due on 7 Jan 2027\.$/ })
      .waitFor();
    const history = mine.getByRole("list", { name: /^Changes to MER-A-2026-\d{4}$/ });
    await history.waitFor();
    assert.match(
      await history.innerText(),
      /Extended from 17 Dec 2026 to 7 Jan 2027 by Hannah Reyes on .*: The practice is closed until January\./,
    );
    await mine.getByRole("button", { name: /^Mark done, MER-A-2026-\d{4}$/ }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /is marked done\.$/ })
      .waitFor();
    // The log shows open actions by default: the done one leaves it, and shows under All.
    await mine.waitFor({ state: "detached" });
    await page.getByLabel("Status").selectOption({ label: "All" });
    assert.match(await mine.innerText(), /Done by Hannah Reyes/);
    await page.screenshot({ path: `${ARTEFACTS}/tab-action-log.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("the coordinator sees the reminders Teams could not deliver, with the reason", async () => {
    const records = areaRecords(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    const problem = {
      id: "2026-11-24|reminder|tab-test|personal",
      areaId: "merton",
      panelId: "merton-pre-mace",
      actionId: null,
      reference: "MER-A-2026-0999",
      recipientName: "Owen Brathwaite",
      place: "personal" as const,
      reason: "MACE panels has been removed from the person's chat, so Teams would not take the message.",
      at: "2026-11-24T09:05:00.000Z",
    };
    await records.reminderProblems.upsert(problem, "test");
    try {
      await page.goto(`${service.url}/tab/`);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Action log of Pre-MACE operational panel" }).click();
      const list = page.getByRole("list", { name: "Reminders not delivered" });
      await list
        .getByText(
          "MER-A-2026-0999, Owen Brathwaite: MACE panels has been removed from the person's chat, so Teams would not take the message.",
        )
        .waitFor();
      assert.deepEqual(await seriousAccessibilityProblems(page), []);
    } finally {
      await records.transact([records.reminderProblems.deleteAction(problem)]);
    }
  });
});
