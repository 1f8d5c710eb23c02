import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { PEOPLE } from "../support/people.js";
import type { TestService } from "../support/service.js";

describe("Scheduling a panel in Teams from the tab, in Chromium", function () {
  this.timeout(60_000);
  let service: TestService;
  let graph: GraphServer;
  let page: Page;

  before(async () => {
    ({ service, graph } = await startServiceWithGraph());
    await forgetMeetings("merton-pre-mace");
    page = await (await chromiumBrowser()).newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await page?.close();
    await forgetMeetings("merton-pre-mace");
    await service?.close();
    await graph?.close();
  });

  it("the coordinator schedules Merton's pre-MACE panel for a year; Graph holds one series and the tab lists every meeting with its join link", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label: "Priya Okafor (MACE panel coordinator)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByRole("heading", { name: "Pre-MACE operational panel: meetings" }).waitFor();
    await page.getByText("These meetings are not in Teams calendars yet.").waitFor();
    const table = page.getByRole("table", { name: "Pre-MACE operational panel meetings" });
    const planned = await table.locator("tbody tr").count();
    assert.ok(planned >= 12, `expected a year of meetings, saw ${planned}`);
    assert.equal(await table.getByText("Not in Teams yet").count(), planned);

    await page.getByRole("button", { name: "Schedule in Teams" }).click();
    const done = page.getByRole("status").filter({ hasText: "meetings are in Teams calendars" });
    await done.waitFor();
    assert.match(
      await done.innerText(),
      new RegExp(`${planned} meetings are in Teams calendars, organised by Priya Okafor`),
    );

    const events = graph.events(PEOPLE.mertonCoordinator.id);
    assert.equal(events.length, 1);
    const series = events[0];
    assert.equal(series?.recurrence?.pattern.type, "relativeMonthly");
    assert.equal(series?.recurrence?.pattern.index, "first");
    assert.deepEqual(series?.recurrence?.pattern.daysOfWeek, ["thursday"]);
    assert.equal(series?.start.timeZone, "GMT Standard Time");
    assert.match(series?.start.dateTime ?? "", /T09:30:00/);
    assert.equal(series?.recurrence?.range.startDate, series?.start.dateTime.slice(0, 10));

    const links = table.getByRole("link", { name: /^Join in Teams, / });
    assert.equal(await links.count(), planned);
    const hrefs = new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))));
    assert.deepEqual([...hrefs], [series?.onlineMeeting?.joinUrl]);
    assert.equal(await table.getByText("In Teams", { exact: true }).count(), planned);
    await page.screenshot({ path: `${ARTEFACTS}/tab-meetings-scheduled.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(page), []);

    // Moving one meeting changes that meeting alone, in the tab and in the calendar.
    const second = table.locator("tbody tr[data-meeting-id]").nth(1);
    const secondDate = (await second.getAttribute("data-meeting-id")) ?? "";
    await second.getByRole("button", { name: /^Move, / }).click();
    const form = page.getByRole("form", { name: /^Move the / });
    const later = new Date(`${secondDate}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 7);
    // Typed day first, as the tab shows dates.
    const [year, month, day] = later.toISOString().slice(0, 10).split("-");
    await form.getByLabel("New date").fill(`${day}/${month}/${year}`);
    await form.getByLabel("Start time").fill("10:00");
    await form.getByLabel("Reason (optional)").fill("Room unavailable");
    await form.getByRole("button", { name: "Move meeting" }).click();
    await page.getByRole("status").filter({ hasText: "The meeting has moved" }).waitFor();
    const moved = table.locator(`tbody tr[data-meeting-id="${secondDate}"]`);
    assert.match(await moved.innerText(), /10:00 to 14:00[\s\S]*Room unavailable[\s\S]*Moved/);
    const updates = graph.sent.filter((m) => m.kind === "update");
    assert.deepEqual([...new Set(updates.map((m) => m.occurrence))], [secondDate]);
    assert.equal(graph.events().length, 1);
  });

  it("a member sees the meetings and join links but cannot schedule or change them", async () => {
    await page.goto(`${service.url}/tab/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page
      .getByLabel("Demo person")
      .selectOption({ label: "Hannah Reyes (Named Nurse, Safeguarding Children)" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).click();
    await page.getByText(/In Teams calendars from .* organised by Priya Okafor/).waitFor();
    const table = page.getByRole("table", { name: "Pre-MACE operational panel meetings" });
    assert.ok((await table.getByRole("link", { name: /^Join in Teams, / }).count()) >= 12);
    assert.equal(
      await page.getByRole("button", { name: /Schedule in Teams|Update Teams meetings|^Move, / }).count(),
      0,
    );
  });
});
