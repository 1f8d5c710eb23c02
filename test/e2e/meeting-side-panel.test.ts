import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { chatThreadOf } from "../../bot/src/domain/schedule/meeting-chat.js";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, type TestService } from "../support/service.js";
import { hostInTeams } from "../support/teams-host.js";

// Merton's pre-MACE held as the Teams meeting its coordinator scheduled, with MACE panels added to
// it: in a Teams client (emulated, as the Teams SDK meets it) the meeting's side panel shows the
// agenda with the case under way, takes a member's sign-in with the statement, and gives the
// coordinator the current case's decision and action forms, which keep what is typed when the
// discussion runs past the case's slot; shared to the stage, the agenda shows
// the case by reference only; added in the meeting's chat, the tab recognises the panel's meeting.

const PANEL = "merton-pre-mace";
// A meeting no other suite holds, so their sign-ins and decisions never meet these.
const MEETING = "2027-07-01";
const CHILD = "Ellis Notreal-Sidewell";

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

describe("The panel in its Teams meeting: side panel, stage and the meeting chat's tab (Chromium, emulated Teams)", function () {
  this.timeout(120_000);
  let service: TestService;
  let graph: GraphServer;
  let browser: Browser;
  // The service starts when the other suites' do, so the demo data it seeds is the same for all.
  let now = new Date("2026-11-24T12:00:00Z");
  let chatId = "";
  let reference = "";
  let slot = { title: "", start: "", end: "" };
  const pages: Page[] = [];
  const newPage = async (width: number) => {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    pages.push(page);
    return page;
  };

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    await forgetMeetings(PANEL);
    browser = await chromiumBrowser();
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const scheduled = await call(service, `/api/panels/${PANEL}/schedule`, {
      token: priya,
      body: { from: "2027-06-01", to: "2027-12-31" },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
    const listed = await call<{ meetings: { joinUrl: string | null }[] }>(
      service,
      `/api/panels/${PANEL}/meetings?from=${MEETING}&to=${MEETING}`,
      { token: priya },
    );
    chatId = chatThreadOf(listed.body.meetings[0]?.joinUrl ?? null) ?? "";
    assert.ok(chatId, "the meeting has a Teams chat");
    // Two weeks and more before the meeting, a case is accepted for it.
    now = new Date("2027-06-14T12:00:00Z");
    ({ reference } = await acceptedMertonReferral(service, CHILD, "5 Imaginary Mews", MEETING));
    const agenda = await call<{
      entries: {
        title: string;
        slots: { start: string; end: string; subjects: { reference: string }[] }[];
      }[];
    }>(service, `/api/panels/${PANEL}/meetings/${MEETING}/agenda`, { token: priya });
    const entry = agenda.body.entries.find((e) =>
      e.slots.some((s) => s.subjects[0]?.reference === reference),
    );
    const ours = entry?.slots.find((s) => s.subjects[0]?.reference === reference);
    assert.ok(entry && ours, "the case has a slot on the agenda");
    slot = { title: entry.title, start: ours.start, end: ours.end };
    // A minute into the case's slot, on the meeting's day.
    now = new Date(Date.parse(slot.start) + 60_000);
  });
  after(async () => {
    for (const page of pages) await page.close();
    await forgetMeetings(PANEL);
    await service?.close();
    await graph?.close();
  });

  it("in the meeting's side panel, a member sees the case under way by reference, signs in with the statement, then sees its name", async () => {
    const page = await newPage(360);
    const token = await signInAs(service, PEOPLE.mertonEducationLead.id);
    const { tab } = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "sidePanel",
      token,
      chatId,
      width: 320,
    });
    await tab.getByRole("heading", { name: "Pre-MACE operational panel" }).waitFor();
    await tab.getByText(`Now: ${slot.title}, ${clock(slot.start)} to ${clock(slot.end)}`).waitFor();
    const current = tab.locator('[aria-label="Agenda"] > li[aria-current="step"]');
    assert.match(await current.innerText(), new RegExp(`${reference}`));
    // The item after it is next.
    const next = current.locator("xpath=following-sibling::li[1]");
    assert.match(await next.innerText(), /^\d\d:\d\d to \d\d:\d\d\s+Next/);
    await tab.getByText(/^Next: .+, \d\d:\d\d to \d\d:\d\d$/).waitFor();
    assert.ok(!(await tab.locator("body").innerText()).includes(CHILD), "the name waits for sign-in");

    const form = tab.getByRole("form", { name: "Sign in to the meeting" });
    assert.match(await form.getByLabel("The panel's statement").innerText(), /confidential/i);
    assert.equal(
      await form.getByRole("combobox", { name: /The agency you represent/ }).inputValue(),
      "mer-education",
    );
    await form.getByRole("checkbox", { name: /I agree to the information sharing agreement/ }).check();
    await form.getByRole("button", { name: "Sign in" }).click();
    await tab.getByText("You are signed in. The meeting's case details are shown below.").waitFor();
    await current.getByText(`${reference} ${CHILD}`).waitFor();
    // The form leaves once the sign-in is drawn; it may still be going in the same frame.
    await form.waitFor({ state: "detached", timeout: 5000 });
    await tab.getByText("1 signed in; waiting for Health, Children's Social Care, Police").waitFor();
    // A police officer signs in elsewhere (in their own tab): the side panel's quorum follows within 15 seconds.
    const officer = await signInAs(service, PEOPLE.mertonPoliceOfficer.id);
    const signedIn = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
      token: officer,
      body: { agencyId: "mer-police", capacity: "member", agreed: true },
    });
    assert.equal(signedIn.status, 201, signedIn.text);
    await tab
      .getByText("2 signed in; waiting for Health, Children's Social Care")
      .waitFor({ timeout: 20_000 });
    // The side panel is narrow: nothing runs off to the side.
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the side panel scrolls sideways by ${overflow}px`);
    assert.deepEqual(await seriousAccessibilityProblems(tab), []);
    await page.screenshot({ path: `${ARTEFACTS}/meeting-side-panel.png`, fullPage: true });
  });

  it("the coordinator's side panel has the current case's decision and action forms, and shares the agenda to the stage", async () => {
    const page = await newPage(360);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const host = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "sidePanel",
      token,
      chatId,
      width: 320,
    });
    const { tab } = host;
    const form = tab.getByRole("form", { name: "Sign in to the meeting" });
    await form.getByRole("checkbox", { name: /I agree to the information sharing agreement/ }).check();
    await form.getByRole("button", { name: "Sign in" }).click();
    await tab.getByRole("heading", { name: `${slot.title}: decisions and actions` }).waitFor();
    await tab.getByText(`${reference} ${CHILD}: no decision yet`).waitFor();
    await tab.getByRole("form", { name: "Record an action" }).waitFor();
    await tab.getByRole("button", { name: `Record the decision on ${reference}` }).click();
    const decision = tab.getByRole("form", { name: `Decision on ${reference}` });
    await decision.getByLabel("Decision").selectOption({ label: "Continue, with a review" });
    await decision.getByLabel("Review by").fill("2027-09-30");
    const wide = await tab.evaluate(() =>
      [...document.querySelectorAll("form *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().width)}`)
        .slice(0, 8),
    );
    assert.deepEqual(wide, [], "the decision form runs past the side panel");
    await page.screenshot({ path: `${ARTEFACTS}/meeting-side-panel-decision.png` });
    await decision.getByRole("button", { name: "Save the decision" }).click();
    await tab
      .getByRole("status")
      .filter({ hasText: `The decision on ${reference} is recorded.` })
      .waitFor();
    await tab
      .getByText(new RegExp(`${reference} ${CHILD}: Continue, with a review, recorded by Priya Okafor`))
      .waitFor();

    await tab.getByRole("button", { name: "Share the agenda to the stage" }).click();
    await page.waitForFunction(
      () => (window as unknown as { sharedToStage: string[] }).sharedToStage.length > 0,
    );
    assert.deepEqual(await host.sharedToStage(), [`${service.url}/tab/meeting`]);
  });

  it("the coordinator's decision forms keep what was typed when the case is discussed past its slot's end, and when another item is chosen", async () => {
    const page = await newPage(360);
    // The page's own clock, so the meeting can run late without waiting for it.
    await page.clock.install();
    // Signed in to the meeting in the test before.
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const { tab } = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "sidePanel",
      token,
      chatId,
      width: 320,
    });
    const nowLine = `Now: ${slot.title}, ${clock(slot.start)} to ${clock(slot.end)}`;
    await tab.getByText(nowLine).waitFor();
    await tab.getByRole("button", { name: `Change the decision on ${reference}` }).click();
    const decision = tab.getByRole("form", { name: `Decision on ${reference}` });
    const rationale = "Invented rationale: the plan is working, and the school has seen it too.";
    await decision.getByLabel(/^Rationale/).fill(rationale);

    // Two minutes past the slot's end, the discussion goes on; the side panel looks again.
    const late = Date.parse(slot.end) + 120_000;
    const by = late - now.getTime();
    now = new Date(late);
    try {
      await page.clock.fastForward(by);
      await tab.getByText(nowLine).waitFor({ state: "hidden" });
      assert.equal(await decision.getByLabel(/^Rationale/).inputValue(), rationale);
      // The form opened on the decision as recorded, and keeps it too.
      assert.equal(await decision.getByLabel("Review by").inputValue(), "30/09/2027");
      await page.screenshot({ path: `${ARTEFACTS}/meeting-side-panel-late.png`, fullPage: true });
      await decision.getByRole("button", { name: "Save the decision" }).click();
      await tab
        .getByRole("status")
        .filter({ hasText: `The decision on ${reference} is recorded.` })
        .waitFor();
      const saved = await call<{ decisions: { reference: string; rationale: string }[] }>(
        service,
        `/api/panels/${PANEL}/meetings/${MEETING}/decisions`,
        { token },
      );
      assert.equal(saved.body.decisions.find((d) => d.reference === reference)?.rationale, rationale);
      // The coordinator may choose the item to record on, whichever the clock has reached.
      await tab
        .getByLabel("Record decisions and actions on")
        .selectOption({ label: `${clock(slot.start)} ${reference}: ${slot.title}` });
      await tab.getByRole("heading", { name: `${slot.title}: decisions and actions` }).waitFor();
      await tab
        .getByText(new RegExp(`${reference} ${CHILD}: Continue, with a review, recorded by`))
        .waitFor();

      // Another case's form, begun and left while the forms go back to the clock's case, stays
      // below with what was typed until it is cancelled.
      const choice = tab.getByLabel("Record decisions and actions on");
      // The clock's case is the latest whose time has come. Cases other suites put on this agenda
      // may follow this one's slot directly, so the clock's choice is read, not assumed.
      const byClock = await choice.locator("option").first().innerText();
      const clockReference = /^By the clock: \d\d:\d\d ([A-Z]+-\d{4}-\d{4})/.exec(byClock)?.[1] ?? "";
      assert.ok(clockReference, byClock);
      const others = (await choice.locator("option").allInnerTexts()).filter(
        (o) => !o.startsWith("By the clock") && !o.includes(clockReference),
      );
      const label = others.find((o) => !o.includes(reference)) ?? others[0] ?? "";
      const otherReference = /^\d\d:\d\d ([A-Z]+-\d{4}-\d{4})/.exec(label)?.[1] ?? "";
      assert.ok(otherReference, `another case on the agenda: ${others.join("; ")}`);
      await choice.selectOption({ label });
      await tab.getByRole("button", { name: new RegExp(`the decision on ${otherReference}$`) }).click();
      const begun = tab.getByRole("form", { name: `Decision on ${otherReference}` });
      await begun.getByLabel(/^Rationale/).fill("Invented note, not yet agreed.");
      await choice.selectOption({ index: 0 });
      await tab.getByRole("heading", { name: "Still being recorded from another item" }).waitFor();
      await tab
        .getByRole("button", { name: new RegExp(`the decision on ${clockReference}$`) })
        .first()
        .waitFor();
      assert.equal(await begun.getByLabel(/^Rationale/).inputValue(), "Invented note, not yet agreed.");
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the side panel scrolls sideways by ${overflow}px`);
      assert.deepEqual(await seriousAccessibilityProblems(tab), []);
      await begun.getByRole("button", { name: "Cancel" }).click();
      await tab
        .getByRole("heading", { name: "Still being recorded from another item" })
        .waitFor({ state: "hidden" });
      assert.equal(await begun.count(), 0);
    } finally {
      now = new Date(Date.parse(slot.start) + 60_000);
    }
  });

  it("on the meeting's stage, everyone sees the agenda and its times with the case by reference, and no name", async () => {
    const page = await newPage(1280);
    // The member is signed in to the meeting, so their side panel names the child; the stage does not.
    const token = await signInAs(service, PEOPLE.mertonEducationLead.id);
    const { tab } = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "meetingStage",
      token,
      chatId,
      width: 1240,
    });
    const table = tab.getByRole("table", { name: "Agenda on the stage" });
    await table.waitFor();
    const current = table.locator('tr[aria-current="step"]');
    await current.waitFor();
    const row = await current.innerText();
    assert.ok(row.includes(reference), row);
    assert.ok(row.includes(`${clock(slot.start)} to ${clock(slot.end)}`), row);
    assert.ok(row.includes("Now"), row);
    const shown = await tab.locator("body").innerText();
    for (const name of [
      "Ellis",
      "Sidewell",
      "Imaginary",
      PEOPLE.mertonSocialWorker.displayName,
      PEOPLE.mertonEducationLead.displayName,
    ])
      assert.ok(!shown.includes(name), `the stage shows ${name}`);
    // The decision the coordinator recorded a moment ago is not the stage's to show.
    assert.ok(!shown.includes("Continue, with a review"), "the stage shows the decision");
    assert.deepEqual(await seriousAccessibilityProblems(tab), []);
    await page.screenshot({ path: `${ARTEFACTS}/meeting-stage.png` });
  });

  it("opened in a browser for the local demo, the meeting's address shows its side panel and its stage", async () => {
    const page = await newPage(400);
    await page.goto(`${service.url}/tab/meeting?chat=${encodeURIComponent(chatId)}`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Pre-MACE operational panel" }).waitFor();
    await page.getByText(`Now: ${slot.title}, ${clock(slot.start)} to ${clock(slot.end)}`).waitFor();
    // Outside Teams there is no stage to share to.
    assert.equal(await page.getByRole("button", { name: "Share the agenda to the stage" }).count(), 0);
    await page.goto(`${service.url}/tab/meeting?chat=${encodeURIComponent(chatId)}&frame=stage`);
    await page
      .getByRole("table", { name: "Agenda on the stage" })
      .locator('tr[aria-current="step"]')
      .waitFor();
    assert.ok(!(await page.locator("body").innerText()).includes(CHILD));
  });

  it("added in the meeting's chat, the tab recognises the panel's meeting and saves the meeting's view", async () => {
    const page = await newPage(800);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const host = await hostInTeams(page, service, {
      path: "/tab/configure",
      frameContext: "settings",
      token,
      chatId,
      width: 760,
    });
    await host.tab.getByRole("heading", { name: "Add MACE panels to this meeting" }).waitFor();
    await host.tab.getByText(/This is the Pre-MACE operational panel's Teams meeting/).waitFor();
    assert.equal(await host.canSave(), true);
    assert.deepEqual(await seriousAccessibilityProblems(host.tab), []);
    const saved = (await host.pressSave()) as { contentUrl: string; entityId: string };
    assert.equal(saved.contentUrl, `${service.url}/tab/meeting`);
    assert.equal(saved.entityId, "mace-panels-meeting");
    // The saved tab, in the meeting's chat, opens the meeting's own agenda page.
    const chatTab = await hostInTeams(await newPage(1280), service, {
      path: "/tab/meeting",
      frameContext: "content",
      token,
      chatId,
      width: 1240,
    });
    await chatTab.tab.getByRole("heading", { name: "Pre-MACE operational panel: agenda" }).waitFor();
    await chatTab.tab.getByText("Thursday 1 July 2027, 09:30 to 13:30", { exact: false }).first().waitFor();

    const other = await hostInTeams(await newPage(800), service, {
      path: "/tab/configure",
      frameContext: "settings",
      token,
      chatId: "19:meeting_NotOneOfOurs@thread.v2",
      width: 760,
    });
    await other.tab.getByText(/MACE panels did not schedule this Teams meeting/).waitFor();
    assert.equal(await other.canSave(), false);
  });
});
