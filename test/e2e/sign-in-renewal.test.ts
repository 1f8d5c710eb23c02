import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chromiumBrowser } from "../support/browser.js";
import { call } from "../support/http.js";
import { startTestService, type TestService } from "../support/service.js";

// A pre-MACE meeting runs four hours; here tokens last three seconds, and the page outlives several.
const TOKEN_SECONDS = 3;
const pastExpiry = () => new Promise((r) => setTimeout(r, (TOKEN_SECONDS + 1) * 1000));

describe("Sign-in that lasts the meeting, in Chromium", function () {
  this.timeout(90_000);
  let service: TestService;
  let page: Page;
  const now = new Date("2026-11-24T12:00:00Z");
  // What the page sent and was answered, for the assertions at the end.
  const tokensSent = new Set<string>();
  const refused: string[] = [];
  let renewals = 0;

  before(async () => {
    service = await startTestService({ DEV_TOKEN_SECONDS: String(TOKEN_SECONDS) }, { now: () => now });
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
    page.on("request", (req) => {
      const bearer = req.headers()["authorization"];
      if (bearer) tokensSent.add(bearer.replace(/^Bearer /, ""));
      if (req.url().endsWith("/dev-idp/token")) renewals++;
    });
    page.on("response", (res) => {
      if (res.status() >= 400) refused.push(`${res.status()} ${res.url()}`);
    });
  });
  after(async () => {
    await page?.close();
    await service?.close();
  });

  /** No sign-in page and no error has appeared: the person never noticed a token ending. */
  async function stillSignedIn() {
    assert.equal(await page.getByRole("heading", { name: "Sign in to MACE panels" }).count(), 0);
    assert.equal(
      await page.getByText(/sign-in has expired|Sign in to use MACE panels|could not/i).count(),
      0,
    );
  }

  it("keeps the coordinator working across several token expiries, with no prompt and no error", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    const [firstToken] = tokensSent;
    assert.ok(firstToken);

    await pastExpiry();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await pastExpiry();
    await page.getByRole("button", { name: "Agenda, Thursday 3 December 2026, 09:30 to 13:30" }).click();
    const agenda = page.getByRole("table", { name: "Agenda for Thursday 3 December 2026, 09:30 to 13:30" });
    const jayden = agenda.getByRole("row").filter({ hasText: "Jayden Okoro-Hart" });
    await jayden.waitFor();
    const reference = (await jayden.getAttribute("data-slot")) ?? "";
    const length = jayden.getByLabel(`Slot length for ${reference}`);
    const before = await length.inputValue();
    const other = before === "15" ? "20" : "15";

    // Changes the slot, and later puts it back, so other suites find the agenda as seeded.
    await pastExpiry();
    const slotOf = async (minutes: string) => {
      const start = /(\d\d:\d\d)–/.exec(await jayden.innerText())?.[1] ?? "";
      await length.selectOption(minutes);
      await jayden.getByText(`${start}–${addMinutes(start, Number(minutes))}`).waitFor();
    };
    await slotOf(other);
    await pastExpiry();
    await slotOf(before);
    await page.getByRole("button", { name: "Back to meetings" }).click();
    await page.getByRole("button", { name: "Back to your panels" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
    await stillSignedIn();

    // The page renewed its token before each expiry, so the service never refused one.
    assert.deepEqual(refused, []);
    assert.ok(renewals >= 4, `the page asked for ${renewals} tokens`);
    assert.ok(tokensSent.size >= 4, `the page sent ${tokensSent.size} different tokens`);
    // And the first really has expired: the page outlived it.
    assert.equal((await call(service, "/api/me", { token: firstToken })).status, 401);
  });

  it("asks for a new token once when the service refuses one, and carries on", async () => {
    const sent: string[] = [];
    await page.route("**/api/panels/merton-pre-mace/meetings?*", async (route) => {
      sent.push(route.request().headers()["authorization"] ?? "");
      if (sent.length > 1) return route.continue();
      await route.fulfill({
        status: 401,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "unauthenticated", message: "Your sign-in has expired. Sign in again." },
        }),
      });
    });
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("button", { name: "Agenda, Thursday 3 December 2026, 09:30 to 13:30" }).waitFor();
    await page.unroute("**/api/panels/merton-pre-mace/meetings?*");
    assert.equal(sent.length, 2);
    assert.notEqual(sent[0], sent[1]);
    await stillSignedIn();
  });
});

function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}
