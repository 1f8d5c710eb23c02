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

// Merton's pre-MACE scheduled in Teams with a short join link (`/meet/<number>`), which names no
// chat: in a Teams client (emulated), the side panel knows only the meeting's chat, the service
// asks Microsoft Graph (the stand-in) which meeting it is, and the panel's meeting is found; later,
// the stage finds it by the chat's key alone. A group chat is no meeting: the tab there is the
// normal tab. A refused share to the stage says what to do in plain English.

const PANEL = "merton-pre-mace";
// A meeting no other suite holds, so their sign-ins and decisions never meet these.
const MEETING = "2027-09-02";
const CHILD = "Jude Notreal-Shortlink";

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

describe("A panel's Teams meeting scheduled with a short join link, and the tab in a group chat (Chromium, emulated Teams)", function () {
  this.timeout(120_000);
  let service: TestService;
  let graph: GraphServer;
  let browser: Browser;
  let now = new Date("2026-11-24T12:00:00Z");
  // The meeting's chat, as Teams names it to the app: the short link does not carry it.
  let chatId = "";
  let joinUrl = "";
  let reference = "";
  let slot = { title: "", start: "", end: "" };
  const pages: Page[] = [];
  const chatReads = () =>
    graph.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v1.0/chats/"));
  const newPage = async (width: number) => {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    pages.push(page);
    return page;
  };

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    graph.issueShortJoinLinks("Pre-MACE operational panel");
    await forgetMeetings(PANEL);
    browser = await chromiumBrowser();
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const scheduled = await call(service, `/api/panels/${PANEL}/schedule`, {
      token: priya,
      body: { from: "2027-08-01", to: "2027-12-31" },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
    const listed = await call<{ meetings: { joinUrl: string | null }[] }>(
      service,
      `/api/panels/${PANEL}/meetings?from=${MEETING}&to=${MEETING}`,
      { token: priya },
    );
    joinUrl = listed.body.meetings[0]?.joinUrl ?? "";
    assert.match(joinUrl, /^https:\/\/teams\.microsoft\.com\/meet\/\d{13}\?p=\w+$/);
    assert.equal(chatThreadOf(joinUrl), null, "the short link names no chat");
    chatId = graph.chatOf(joinUrl) ?? "";
    assert.match(chatId, /^19:meeting_[A-Za-z0-9_-]+@thread\.v2$/);
    now = new Date("2027-08-16T12:00:00Z");
    ({ reference } = await acceptedMertonReferral(service, CHILD, "7 Imaginary Close", MEETING));
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
    now = new Date(Date.parse(slot.start) + 60_000);
  });
  after(async () => {
    for (const page of pages) await page.close();
    await forgetMeetings(PANEL);
    await service?.close();
    await graph?.close();
  });

  it("the side panel, knowing only the meeting's chat, shows the panel's agenda with the case under way", async () => {
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
    assert.match(await current.innerText(), new RegExp(reference));
    // The service asked Teams once which meeting the chat is.
    assert.deepEqual(
      chatReads().map((r) => r.status),
      [200],
    );
    assert.deepEqual(await seriousAccessibilityProblems(tab), []);
    await page.screenshot({ path: `${ARTEFACTS}/meeting-side-panel-short-link.png`, fullPage: true });
  });

  it("later, the stage finds the same meeting by its chat, Teams not asked again; a chat Teams knows as no meeting is refused", async () => {
    const asked = chatReads().length;
    const page = await newPage(1280);
    const token = await signInAs(service, PEOPLE.mertonNurse.id);
    const { tab } = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "meetingStage",
      token,
      chatId,
      width: 1240,
    });
    const row = tab.getByRole("table", { name: "Agenda on the stage" }).locator('tr[aria-current="step"]');
    await row.waitFor();
    assert.ok((await row.innerText()).includes(reference));
    assert.equal(chatReads().length, asked, "the chat's key found the meeting");
    // Another chat, which Teams knows as no meeting, is no meeting MACE panels scheduled.
    const other = await hostInTeams(await newPage(360), service, {
      path: "/tab/meeting",
      frameContext: "sidePanel",
      token,
      chatId: "19:meeting_InventedNotOurs@thread.v2",
      width: 320,
    });
    await other.tab.getByText(/MACE panels did not schedule this Teams meeting/).waitFor();
  });

  it("when Teams refuses to share to the stage, the coordinator is told why and what to do, in plain English", async () => {
    const page = await newPage(360);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const host = await hostInTeams(page, service, {
      path: "/tab/meeting",
      frameContext: "sidePanel",
      token,
      chatId,
      stageSharing: "refused",
      width: 320,
    });
    await host.tab.getByRole("button", { name: "Share the agenda to the stage" }).click();
    const alert = host.tab
      .getByRole("alert")
      .filter({ hasText: "Teams did not let you share the agenda to the stage" });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Ask them to make you a presenter, then share it again\./);
    assert.ok(!(await alert.innerText()).includes("0x80070005"), "Teams' own error text is shown");
    assert.deepEqual(await host.sharedToStage(), []);
  });

  it("in a group chat, which is no meeting, the tab is the normal tab, and adding it there saves the normal tab", async () => {
    const groupChat = "19:InventedGroupChatOfThree@thread.v2";
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const chatTab = await hostInTeams(await newPage(1280), service, {
      path: "/tab/meeting",
      frameContext: "content",
      token,
      chatId: groupChat,
      groupChat: true,
      width: 1240,
    });
    await chatTab.tab.getByRole("heading", { name: "Your panels" }).waitFor();
    assert.equal(await chatTab.tab.getByText(/did not schedule this Teams meeting/).count(), 0);

    const setup = await hostInTeams(await newPage(800), service, {
      path: "/tab/configure",
      frameContext: "settings",
      token,
      chatId: groupChat,
      groupChat: true,
      width: 760,
    });
    await setup.tab.getByRole("heading", { name: "Add MACE panels to this chat" }).waitFor();
    await setup.tab.getByText(/This chat is not a Teams meeting, so it shows no meeting's agenda/).waitFor();
    assert.equal(await setup.canSave(), true);
    const saved = (await setup.pressSave()) as { contentUrl: string; entityId: string };
    assert.equal(saved.contentUrl, `${service.url}/tab/`);
    assert.equal(saved.entityId, "mace-panels");
  });
});
