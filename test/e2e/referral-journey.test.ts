import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { freePort, startPlayground, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { playgroundProxy } from "../support/playground-proxy.js";
import { playgroundFolderAs } from "../support/playground-as.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";

// A practitioner refers a child from the Agents Playground: one mistake, shown beside its field,
// put right; a receipt; then the coordinator accepts it in the tab and the practitioner is told.

describe("A referral from the Agents Playground to the coordinator's tab (Chromium)", function () {
  this.timeout(120_000);
  let service: TestService;
  let playground: Child;
  let proxy: Awaited<ReturnType<typeof playgroundProxy>> | undefined;
  let chat: Page;
  let tab: Page;
  let reference = "";

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    const port = await freePort();
    playground = startPlayground(
      port,
      (proxy = await playgroundProxy(`${service.url}/api/messages`)).url,
      playgroundFolderAs(PEOPLE.mertonSocialWorker.id),
    );
    await waitForHttp(`http://127.0.0.1:${port}`, playground);
    const browser = await chromiumBrowser();
    chat = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await chat.goto(`http://127.0.0.1:${port}`);
    await chat.locator("[data-lexical-editor=true]").waitFor();
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await chat?.close();
    await tab?.close();
    await playground?.stop();
    await proxy?.close();
    await service?.close();
  });

  // Other cards (notices about earlier referrals) can arrive at any time: find cards by what they say.
  const cardSaying = (text: string): Locator => chat.locator(".ac-adaptiveCard", { hasText: text }).last();
  async function choose(card: Locator, label: RegExp, option: string): Promise<void> {
    await card.getByRole("combobox", { name: label }).click();
    await chat.getByRole("option", { name: option, exact: true }).click();
  }
  async function setDate(card: Locator, label: RegExp, iso: string): Promise<void> {
    const input = card.getByLabel(label);
    await input.fill(iso);
    // Enter would send the card; leaving the field makes the date picker read what was typed.
    await input.press("Tab");
    assert.notEqual(await input.inputValue(), "");
  }

  it("Grace types `refer`, fills in the Merton form with one mistake, and sees it beside the field", async () => {
    const editor = chat.locator("[data-lexical-editor=true]");
    await editor.click();
    await chat.keyboard.type("refer");
    await chat.keyboard.press("Enter");
    await chat.getByText("Who or what are you referring?").waitFor({ timeout: 20_000 });
    await chat.getByText("Individual child or young adult").click();
    await chat.getByRole("button", { name: "Open the form" }).click();
    await chat.getByText("Referral to Pre-MACE operational panel").waitFor({ timeout: 20_000 });

    // The form comes in steps, each checked as it is sent.
    const step = async (title: string): Promise<Locator> => {
      await chat.getByText(title).waitFor({ timeout: 20_000 });
      return cardSaying(title);
    };
    const subject = await step("step 1 of 4, Who it is about");
    await subject.getByLabel(/^Full name/).fill("Tamsin Invented");
    await setDate(subject, /^Date of birth/, "2010-09-30");
    await choose(subject, /^Gender/, "Female");
    await choose(subject, /^Ethnicity/, "White: any other White background");
    await subject.getByLabel(/^Language spoken/).fill("English and Polish");
    await subject.getByLabel(/^Address/).fill("3 Fictional Mews, Mitcham");
    await subject.getByLabel(/^Postcode/).fill("CR4 7ZZ");
    await choose(subject, /^Safeguarding status/, "Child: Child in Need plan");
    await subject.getByRole("button", { name: "Next: Safeguarding and consent" }).click();

    const consent = await step("step 2 of 4, Safeguarding and consent");
    await choose(consent, /^Has the child/, "Yes");
    await consent.getByRole("button", { name: "Next: The panel's checklist and scores" }).click();

    const checklist = await step("step 3 of 4, The panel's checklist and scores");
    // The mistake: a strategy meeting that has not happened yet (the panel's clock says 24 November).
    await setDate(checklist, /^Date of the strategy meeting/, "2026-12-02");
    await checklist.getByLabel(/^Screening score: Missing episodes/).fill("12");
    await checklist.getByRole("button", { name: "Next: Your request of the panel" }).click();

    await chat
      .getByText("There is one thing to put right before the referral can be sent:")
      .waitFor({ timeout: 20_000 });
    const corrected = cardSaying("There is one thing to put right");
    const text = await corrected.innerText();
    assert.match(text, /• The meeting date cannot be in the future\./);
    assert.match(text, /step 3 of 4, The panel's checklist and scores/);
    // Beside the field: the message sits right after the date input it belongs to.
    const fieldBlock = await corrected.getByLabel(/^Date of the strategy meeting/).evaluate((input) => {
      let el: Element | null = input;
      while (el && !el.nextElementSibling?.textContent?.includes("cannot be in the future"))
        el = el.parentElement;
      return el ? el.nextElementSibling?.textContent?.trim() : null;
    });
    assert.equal(fieldBlock, "The meeting date cannot be in the future.");
    assert.equal(await corrected.getByLabel(/^Screening score: Missing episodes/).inputValue(), "12");
    await corrected.getByText("There is one thing to put right").scrollIntoViewIfNeeded();
    await chat.screenshot({ path: `${ARTEFACTS}/playground-referral-mistake.png` });

    await setDate(corrected, /^Date of the strategy meeting/, "2026-11-19");
    await corrected.getByRole("button", { name: "Next: Your request of the panel" }).click();
    const request = await step("step 4 of 4, Your request of the panel");
    await request
      .getByLabel(/^Request of the panel/)
      .fill("A safety plan agreed across schools for the journey home.");
    await request.getByLabel(/^How would this make/).fill("She would not be alone at the bus station.");
    await choose(request, /^Risk level/, "Moderate");
    await request.getByRole("button", { name: "Send referral" }).click();
    const receipt = chat.locator(".ac-adaptiveCard", { hasText: /Referral MER-2026-\d{4} sent/ });
    await receipt.waitFor({ timeout: 20_000 });
    const receiptText = await receipt.innerText();
    reference = /Referral (MER-2026-\d{4}) sent/.exec(receiptText)?.[1] ?? "";
    assert.ok(reference);
    assert.match(receiptText, /With the panel coordinator/);
    assert.match(receiptText, /Thursday 3 December 2026, 09:30 to 13:30/);
    await chat.screenshot({ path: `${ARTEFACTS}/playground-referral-receipt.png`, fullPage: true });
  });

  it("Priya, the coordinator, accepts it in the tab, and Grace is told in her chat", async () => {
    assert.ok(reference, "the referral was made");
    await tab.goto(`${service.url}/tab/`);
    await tab.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await tab.getByRole("button", { name: "Sign in" }).click();
    await tab.getByRole("button", { name: "Referrals for Pre-MACE operational panel" }).click();
    await tab.getByRole("button", { name: `Open ${reference}` }).click();
    await tab.getByText("English and Polish").waitFor();
    await tab.getByLabel("Note, question or reason").fill("For the December panel.");
    await tab.getByRole("button", { name: "Accept", exact: true }).click();
    await tab.getByText(`${reference}: Accepted by the panel`).waitFor({ timeout: 20_000 });

    await service.noticesDelivered();
    await chat.getByText(`${reference} accepted`).waitFor({ timeout: 20_000 });
    const told = await chat.locator(".ac-adaptiveCard", { hasText: `${reference} accepted` }).innerText();
    assert.match(told, /has accepted your referral for the meeting on Thursday 3 December 2026/);
  });
});
