import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { tabLinks, type TabTask } from "../../bot/src/adapters/teams/tab-links.js";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { chromiumBrowser } from "../support/browser.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { call } from "../support/http.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { forgetAgenda } from "../support/graph.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Teams on a phone opens a card's links but not its buttons. Each card's "Open in the tab" link,
// as the bot writes it, opens the tab on the same task with its item brought into view: Priya's
// triage, action, panels, sign-in, recording an action and access request; Grace's referral with a
// question for her, and the referral form; a manager's approval, its referrer told who decides.

const PANEL = "merton-pre-mace";
// The pre-MACE meets this morning (the first Thursday of December), so sign-in is open.
const MEETING = "2026-12-03";
const NEWCOMER = {
  id: "00000000-0000-4000-8000-000000000197",
  name: "Ottoline Invented",
  email: "ottoline.invented@merton.example",
};

describe("Each card's link opens its task in the tab (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let page: Page;
  let link: (task: TabTask) => string;
  const made: string[] = [];
  let referral = { id: "", reference: "" };
  let action = { id: "", reference: "", version: "" };
  let requestId = "";

  before(async () => {
    service = await startTestService({}, { now: () => new Date(`${MEETING}T10:00:00Z`) });
    // Other suites sign people in to this meeting: its sign-in form is shown only to those who have not.
    await forgetAgenda(PANEL, MEETING);
    // The links a card carries when the Teams app's id is not known: the tab's own address.
    link = tabLinks(service.url);
    const sent = await service.desk.submit(
      demoActor("Grace Mensah"),
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Perpetua Linkwell"),
    );
    assert.ok(sent.ok);
    made.push(sent.referral.id);
    referral = { id: sent.referral.id, reference: sent.referral.reference };
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const recorded = await call<{ action: { id: string; reference: string; version: string } }>(
      service,
      `/api/panels/${PANEL}/meetings/${MEETING}/actions`,
      {
        token: priya,
        body: {
          title: "Share the school's attendance record",
          text: "Share the attendance record with the panel.",
          ownerId: PEOPLE.mertonCoordinator.id,
        },
      },
    );
    assert.equal(recorded.status, 201, recorded.text);
    action = recorded.body.action;
    assert.ok(service.devIdp);
    const asked = await call<{ id: string }>(service, "/api/access-requests", {
      token: await service.devIdp.issue(NEWCOMER),
      body: { panelId: PANEL, agencyId: "mer-education", reason: "I lead safeguarding at a school." },
    });
    assert.equal(asked.status, 201, asked.text);
    requestId = asked.body.id;
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 390, height: 844 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    // Done, so no other suite's reminder sweep sends it.
    if (action.id) {
      const done = await call(service, `/api/panels/${PANEL}/actions/${action.id}/done`, {
        token: await signInAs(service, PEOPLE.mertonCoordinator.id),
        body: { note: "" },
        ifMatch: action.version,
      });
      assert.equal(done.status, 200, done.text);
    }
    await page?.close();
    await service?.close();
    await forgetMertonReferrals(made);
    await forgetPerson(NEWCOMER.id, "merton", PANEL);
  });

  /** Opens a card's link; the first time, signs in as the demo person. */
  const open = async (task: TabTask, signInAs?: string) => {
    await page.goto(link(task));
    if (signInAs) {
      await page.getByLabel("Demo person").selectOption({ label: signInAs });
      await page.getByRole("button", { name: "Sign in" }).click();
    }
  };
  /** The element a link brought into view: focused and marked. */
  const linked = (target: string) => page.locator(`[data-link-target="${target}"][data-linked="true"]`);
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

  it("a coordinator's triage card opens that referral in the panel's referrals, ready to triage", async () => {
    await open(
      { page: "referrals", panelId: PANEL, referralId: referral.id },
      "Priya Okafor (MACE panel coordinator)",
    );
    await page.getByRole("heading", { name: "Referrals: Pre-MACE operational panel", level: 1 }).waitFor();
    const heading = page.getByRole("heading", { name: `${referral.reference}: Perpetua Linkwell`, level: 2 });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H2");
    assert.equal(await focusedText(), `${referral.reference}: Perpetua Linkwell`);
    await page.getByRole("button", { name: "Accept" }).first().waitFor();
  });

  it("an action's card opens the action log with that action marked", async () => {
    await open({ page: "actions", panelId: PANEL, actionId: action.id });
    await page.getByRole("heading", { name: "Pre-MACE operational panel: action log", level: 1 }).waitFor();
    const row = linked(`action:${action.id}`);
    await row.waitFor();
    assert.equal(await row.getAttribute("data-action"), action.reference);
    assert.match(await focusedText(), new RegExp(action.reference));
  });

  it("the `panels` card opens each panel at its place on the tab's home, and `help` the home itself", async () => {
    await open({ page: "panels", panelId: "merton-strategic-mace" });
    const panel = linked("panel:merton-strategic-mace");
    await panel.waitFor();
    assert.equal(await panel.getAttribute("data-panel-id"), "merton-strategic-mace");
    assert.match(await focusedText(), /Strategic MACE/);
    await panel.getByRole("button", { name: "Meetings of Strategic MACE" }).waitFor();
    await open({ page: "panels" });
    await linked("panels").waitFor();
    assert.equal(await focusedText(), "Your panels");
  });

  it("the channel's sign-in card opens that meeting's sign-in", async () => {
    await open({ page: "sign-in", panelId: PANEL, meetingId: MEETING });
    const room = linked("sign-in");
    await room.waitFor();
    await room.getByRole("form", { name: "Sign in to the meeting" }).waitFor();
    await room.getByRole("button", { name: "Sign in" }).waitFor();
  });

  it("the `action` command's card opens recording an action on that meeting", async () => {
    await open({ page: "record-action", panelId: PANEL, meetingId: MEETING });
    const form = linked("record-action");
    await form.waitFor();
    assert.equal(await form.getAttribute("aria-label"), "Record an action");
  });

  it("an access request's card opens the requests to join a panel, with that one marked", async () => {
    await open({ page: "access-requests", areaId: "merton", requestId });
    const request = linked(`access-request:${requestId}`);
    await request.waitFor();
    assert.match(await request.innerText(), /Ottoline Invented/);
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
  });

  it("a question for the referrer opens that referral in her own referrals, where she answers it", async () => {
    const priya = demoActor("Priya Okafor");
    const read = await service.desk.view(priya, PANEL, referral.id, "test");
    const question = { decision: "ask" as const, question: "Which school does she attend?" };
    await service.desk.triage(priya, PANEL, referral.id, question, read.etag, "test");
    await page.evaluate(() => sessionStorage.clear());
    await open(
      { page: "my-referrals", referralId: referral.id },
      "Grace Mensah (Social worker, Contextual Harm team)",
    );
    await page.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
    await page.getByRole("heading", { name: `${referral.reference}: Perpetua Linkwell`, level: 2 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H2");
    assert.equal(await focusedText(), `${referral.reference}: Perpetua Linkwell`);
    await page.getByLabel("Your answer to Priya Okafor").fill("Oakfield Academy, in year 10.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await page
      .getByText(`Your answer is sent: ${referral.reference} is back with the coordinator.`)
      .waitFor();
    const answered = await service.desk.view(priya, PANEL, referral.id, "test");
    assert.equal(answered.value.questions.at(-1)?.answer, "Oakfield Academy, in year 10.");
    assert.equal(answered.value.status, "new");
  });

  it("the referral form's card opens the form in the tab, and a referral sent there reaches the coordinator", async () => {
    await open({ page: "refer", panelId: PANEL, kind: "individual" });
    await page.getByRole("heading", { name: "Make a referral", level: 1 }).waitFor();
    const form = page.getByRole("group", { name: "Referral form" });
    await form.getByText("Individual child or young adult: step 1 of 4, Who it is about").waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    const child = mertonChild("Wilhelmina Tabsent");
    const step = async (title: string) => {
      await form.getByRole("button", { name: title }).click();
      await form.getByText(new RegExp(`: step \\d of 4, ${title.replace(/^Next: /, "")}$`)).waitFor();
    };
    await form.getByLabel("Full name").fill(child.subjectName);
    await form.getByLabel("Date of birth").fill(child.dateOfBirth);
    await form.getByLabel("Gender").selectOption(child.gender);
    await form.getByLabel("Ethnicity").selectOption(child.ethnicity);
    await form.getByLabel("Language spoken").fill(child.language);
    await form.getByLabel("Address").fill(child.address);
    await form.getByLabel("Postcode").fill(child.postcode);
    await form.getByLabel("Safeguarding status").selectOption(child.safeguardingStatus);
    await step("Next: Safeguarding and consent");
    await form.getByLabel("Has the child").selectOption(child.consent);
    await step("Next: The panel's checklist and scores");
    await form.getByLabel("Date of the strategy meeting").fill(child.strategyMeetingDate);
    await form.getByLabel("Screening score: Child criminal exploitation").fill("12");
    await step("Next: Your request of the panel");
    await form.getByLabel("Request of the panel").fill(child.request);
    await form.getByLabel("How would this make").fill(child.howSafer);
    await form.getByLabel("Risk level").selectOption(child.riskLevel);
    await form.getByRole("button", { name: "Send referral" }).click();
    const sent = form.getByText(/^Referral MER-\d{4}-\d{4,} sent$/);
    await sent.waitFor();
    const reference = (await sent.innerText()).split(" ")[1];

    const list = await call<{
      referrals: { id: string; reference: string; subject: string; status: string }[];
    }>(service, `/api/panels/${PANEL}/referrals?show=waiting&pageSize=200`, {
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
    });
    const arrived = list.body.referrals.find((r) => r.reference === reference);
    assert.ok(arrived, `${reference} is waiting for the coordinator's triage`);
    made.push(arrived.id);
    assert.equal(arrived.subject, "Wilhelmina Tabsent");
    assert.equal(arrived.status, "new");
  });

  it("a manager's approval card opens that referral's approval, where she decides it", async () => {
    const lambeth = await service.desk.submit(
      demoActor(PEOPLE.lambethPractitioner.displayName),
      "lambeth-mave",
      "individual",
      randomUUID(),
      {
        ...mertonChild("Ignatius Approvewell"),
        blockers: ["no-services"],
        managerId: PEOPLE.lambethManager.id,
      },
    );
    assert.ok(lambeth.ok);
    assert.equal(lambeth.referral.status, "awaiting-approval");
    const manager = PEOPLE.lambethManager;
    // The referrer, opening the same link, is told who decides, and has nothing to press.
    const referrer = PEOPLE.lambethPractitioner;
    await page.evaluate(() => sessionStorage.clear());
    await open(
      { page: "approval", panelId: "lambeth-mave", referralId: lambeth.referral.id },
      `${referrer.displayName} (${referrer.jobTitle})`,
    );
    await page
      .getByRole("heading", {
        name: `Referral ${lambeth.referral.reference}: waiting for approval`,
        level: 1,
      })
      .waitFor();
    await page
      .getByText(
        `${lambeth.referral.reference} is waiting for approval by ${manager.displayName}. Only they can approve or decline it; nothing needs doing here.`,
      )
      .waitFor();
    assert.equal(await page.getByRole("button", { name: "Approve" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Decline" }).count(), 0);
    assert.equal(await page.getByLabel("Comment (needed if you decline)").count(), 0);
    await page.evaluate(() => sessionStorage.clear());
    await open(
      { page: "approval", panelId: "lambeth-mave", referralId: lambeth.referral.id },
      `${manager.displayName} (${manager.jobTitle})`,
    );
    await page
      .getByRole("heading", { name: `Approve referral ${lambeth.referral.reference}?`, level: 1 })
      .waitFor();
    await linked("approval").waitFor();
    assert.deepEqual(await seriousAccessibilityProblems(page), []);
    await page
      .getByLabel("Comment (needed if you decline)")
      .fill("The strategy meeting has not yet been held.");
    await page.getByRole("button", { name: "Decline" }).click();
    await page.getByText(`You did not approve ${lambeth.referral.reference}.`, { exact: false }).waitFor();
    const decided = await service.desk.view(
      demoActor(manager.displayName),
      "lambeth-mave",
      lambeth.referral.id,
      "test",
    );
    assert.equal(decided.value.approval?.decision, "declined");
    assert.equal(decided.value.approval?.comment, "The strategy meeting has not yet been held.");
  });
});
