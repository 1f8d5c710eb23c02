import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetPerson } from "../support/forget-person.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Every page of the tab, in the light, dark and high-contrast themes, at a desktop width and on a
// phone (400 and 360 px): no serious WCAG 2.1 AA problem, and nothing that makes the page scroll
// sideways. The coordinator's pages are seen on the day of a meeting she has signed in to, with a
// decision, an action and someone asking to join the panel; the referrer's on her own referrals.

const PANEL = "merton-pre-mace";
// A meeting no other suite signs in to.
const MEETING = "2027-06-03";

const THEMES = [
  { name: "light", media: { colorScheme: "light", forcedColors: "none", reducedMotion: "reduce" } },
  { name: "dark", media: { colorScheme: "dark", forcedColors: "none", reducedMotion: "reduce" } },
  { name: "contrast", media: { colorScheme: "light", forcedColors: "active", reducedMotion: "reduce" } },
] as const;
const WIDTHS = [1280, 400, 360];

// Invented, and on no panel: asks to join Merton's pre-MACE panel.
const NEWCOMER = {
  id: "00000000-0000-4000-8000-000000000177",
  name: "Tamsin Orchard-Vale",
  email: "tamsin.orchard@merton.example",
};

interface Visit {
  page: string;
  open: (p: Page) => Promise<void>;
}

const fromPanels =
  (button: string, heading: RegExp): Visit["open"] =>
  async (p) => {
    await p.goto(new URL("/tab/", p.url()).toString());
    await p.getByRole("heading", { name: "Your panels" }).waitFor();
    await p.getByRole("button", { name: button }).click();
    await p.getByRole("heading", { name: heading }).first().waitFor();
  };

/** Waits until the tab has taken the theme the browser asks for, and drawn it. */
async function inTheme(page: Page, theme: (typeof THEMES)[number]["name"]): Promise<void> {
  // Each theme's own page background (forced colours replace the high-contrast one).
  const background = { light: "rgb(255, 255, 255)", dark: "rgb(41, 41, 41)", contrast: null }[theme];
  if (background)
    await page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll(".fui-FluentProvider")].every(
          (p) => getComputedStyle(p).backgroundColor === wanted,
        ),
      background,
    );
  await page.waitForTimeout(250);
}

/** How far the page scrolls sideways, and the innermost elements that reach past its width. */
function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return null;
    const past = [...document.querySelectorAll("main *")].filter(
      (e) =>
        e.getBoundingClientRect().right > width + 1 &&
        ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1),
    );
    const named = past
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 40)}"`);
    return `${over} px (${named.join("; ")})`;
  });
}

/** The buttons of the panel cards that stick out of their card, where the next card would hide them. */
function hiddenCardButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-panel-id]")].flatMap((card) => {
      const box = card.getBoundingClientRect();
      return [...card.querySelectorAll("button")]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
        })
        .map((b) => b.getAttribute("aria-label") ?? b.textContent ?? "a button");
    }),
  );
}

describe("Every page of the tab, in three themes and on a phone's width (Chromium)", function () {
  this.timeout(600_000);
  let service: TestService;
  let page: Page;
  // The clock every suite seeds the demo referrals on; then a fortnight before the meeting.
  let now = new Date("2026-11-24T12:00:00Z");
  let child: { reference: string; subjectId: string };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    now = new Date("2027-05-15T12:00:00Z");
    child = await acceptedMertonReferral(service, "Alexis Notreal-Fenwick", "4 Imaginary Row", MEETING);
    assert.ok(service.devIdp);
    const asked = await call(service, "/api/access-requests", {
      token: await service.devIdp.issue(NEWCOMER),
      body: {
        panelId: PANEL,
        agencyId: "mer-education",
        reason: "I lead safeguarding at an invented secondary school.",
      },
    });
    assert.equal(asked.status, 201, asked.text);
    now = new Date(`${MEETING}T10:00:00Z`);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const signedIn = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
      token,
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.ok([200, 201].includes(signedIn.status), signedIn.text);
    const decided = await call(
      service,
      `/api/panels/${PANEL}/meetings/${MEETING}/decisions/${child.subjectId}`,
      {
        method: "PUT",
        token,
        ifMatch: "none",
        body: { kind: "continue", reviewDate: "2027-06-24", riskLevel: "significant" },
      },
    );
    assert.equal(decided.status, 200, decided.text);
    const recorded = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/actions`, {
      token,
      body: {
        subjectId: child.subjectId,
        title: "Share the safety plan with the school's safeguarding lead, before the next meeting",
        text: "Send the safety plan, and the names of the professionals who hold it, to the school.",
        ownerId: PEOPLE.mertonEducationLead.id,
      },
    });
    assert.equal(recorded.status, 201, recorded.text);
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    // Declined, so no later suite finds it waiting on the panels page.
    if (service) {
      const declined = await call(
        service,
        `/api/access-requests/${encodeURIComponent(`${PANEL}~${NEWCOMER.id}`)}/decision`,
        {
          token: await signInAs(service, PEOPLE.mertonCoordinator.id),
          body: { decline: "Schools join through the education lead." },
        },
      );
      assert.equal(declined.status, 200, declined.text);
    }
    await service?.close();
    await forgetPerson(NEWCOMER.id, "merton", PANEL);
  });

  /** Problems with the page as it stands, in every theme and width. */
  async function problemsOn(name: string): Promise<string[]> {
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const theme of THEMES) {
        await page.emulateMedia(theme.media);
        await inTheme(page, theme.name);
        const where = `${name}, ${theme.name}, ${width} px`;
        for (const p of await seriousAccessibilityProblems(page)) found.push(`${where}: ${p}`);
        const overflow = await sidewaysScroll(page);
        if (overflow) found.push(`${where}: scrolls sideways by ${overflow}`);
        for (const button of await hiddenCardButtons(page))
          found.push(`${where}: ${button} lies outside its card`);
        if (width === 360 && theme.name !== "contrast")
          await page.screenshot({
            path: `${ARTEFACTS}/narrow-${theme.name}-${name.toLowerCase().replace(/\W+/g, "-")}.png`,
            fullPage: true,
          });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia(THEMES[0].media);
    return found;
  }

  async function signIn(label: string) {
    await page.goto(`${service.url}/tab/`);
    const signOut = page.getByRole("button", { name: "Sign out" });
    const choose = page.getByLabel("Demo person");
    await signOut.or(choose).first().waitFor();
    if (await signOut.isVisible()) await signOut.click();
    await choose.selectOption({ label });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
  }

  async function visitAll(visits: Visit[]): Promise<string[]> {
    const problems: string[] = [];
    for (const visit of visits) {
      await visit.open(page).catch(async (e: unknown) => {
        await page.screenshot({ path: `${ARTEFACTS}/narrow-not-opened.png`, fullPage: true });
        throw new Error(`could not open ${visit.page}: ${(e as Error).message}`, { cause: e });
      });
      problems.push(...(await problemsOn(visit.page)));
    }
    return problems;
  }

  it("every page a coordinator opens passes axe and fits the width", async () => {
    await signIn("Priya Okafor (MACE panel coordinator)");
    const agenda = async (p: Page) => {
      await p.goto(`${service.url}/tab/?panel=${PANEL}&meeting=${MEETING}`);
      await p.getByRole("heading", { name: /: agenda$/ }).waitFor();
      await p
        .getByRole("region", { name: "The meeting" })
        .getByText("Quorate", { exact: false })
        .first()
        .waitFor();
    };
    const problems = await visitAll([
      {
        page: "Your panels, with an access request",
        open: async (p) => {
          await p
            .getByRole("button", { name: /^Approve/ })
            .first()
            .waitFor();
        },
      },
      { page: "Meetings", open: fromPanels("Meetings of Pre-MACE operational panel", /: meetings$/) },
      { page: "Agenda and meeting room", open: agenda },
      {
        page: "Minutes",
        open: async (p) => {
          await p.getByRole("button", { name: "Show the minutes" }).click();
          await p.getByRole("article", { name: "Minutes" }).waitFor();
        },
      },
      {
        page: "Case history",
        open: async (p) => {
          await agenda(p);
          await p
            .getByRole("button", { name: `History of ${child.reference}` })
            .first()
            .click();
          await p.getByRole("heading", { name: /^Case history: / }).waitFor();
          await p.getByRole("list", { name: "Chronology" }).waitFor();
        },
      },
      {
        page: "Subject map",
        open: async (p) => {
          await p.getByRole("button", { name: "Open map" }).click();
          await p.getByRole("table", { name: "Subjects on the map" }).waitFor();
        },
      },
      {
        page: "Action log",
        open: async (p) => {
          await p.goto(`${service.url}/tab/?panel=${PANEL}&page=actions`);
          await p.getByRole("heading", { name: /: action log$/ }).waitFor();
          await p
            .getByRole("button", { name: /^Mark done/ })
            .first()
            .waitFor();
        },
      },
      { page: "Cohort", open: fromPanels("Cohort of Pre-MACE operational panel", /: cohort$/) },
      { page: "Referrals", open: fromPanels("Referrals for Pre-MACE operational panel", /^Referrals: /) },
      {
        page: "Register and forward plan",
        open: fromPanels("Register and forward plan of Strategic MACE", /: register and forward plan$/),
      },
      { page: "Reports", open: fromPanels("Reports of Pre-MACE operational panel", /: reports$/) },
      { page: "People", open: fromPanels("People of Merton", /^Merton: people$/) },
    ]);
    assert.deepEqual(problems, []);
  });

  it("a referrer's own referrals, and one of them opened, pass axe and fit the width", async () => {
    await signIn("Grace Mensah (Social worker, Contextual Harm team)");
    const problems = await visitAll([
      {
        page: "My referrals",
        open: async (p) => {
          await p.getByRole("button", { name: "My referrals" }).click();
          await p.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
          await p
            .getByRole("button", { name: /^Open / })
            .first()
            .waitFor();
        },
      },
      {
        page: "My referral opened",
        open: async (p) => {
          const open = p.getByRole("button", { name: /^Open / }).first();
          const reference = ((await open.getAttribute("aria-label")) ?? "").replace(/^Open /, "");
          await open.click();
          await p.getByRole("heading", { level: 2 }).filter({ hasText: reference }).waitFor();
        },
      },
    ]);
    assert.deepEqual(problems, []);
  });

  it("the privacy, terms and configure pages follow the browser's theme and pass axe", async () => {
    const problems: string[] = [];
    for (const name of ["privacy", "terms", "configure"]) {
      await page.goto(`${service.url}/tab/${name}`);
      await page.locator("main").waitFor();
      problems.push(...(await problemsOn(name)));
    }
    assert.deepEqual(problems, []);
  });
});
