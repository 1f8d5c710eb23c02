import assert from "node:assert/strict";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { chatThreadOf } from "../../bot/src/domain/schedule/meeting-chat.js";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { azurite } from "../support/azurite.js";
import { forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, type TestService } from "../support/service.js";

// The app inside a panel's Teams meeting, against Azurite and the Graph stand-in: the meeting's
// chat, as Teams gives it to the app, finds the panel the coordinator scheduled and today's
// meeting; the stage's agenda names no one.

const PANEL = "merton-pre-mace";
// A meeting no other suite holds, so their sign-ins and decisions never meet these.
const MEETING = "2027-06-03";
const CHILD = "Rowan Notreal-Stagewell";

async function chatsTable() {
  const { connectionString } = await azurite();
  return { client: tableFactory({ kind: "connection-string", connectionString })(TABLES.meetings) };
}

describe("The panel found from inside its Teams meeting (Azurite, Graph stand-in)", function () {
  this.timeout(60_000);
  let service: TestService;
  let graph: GraphServer;
  // The service starts when the other suites' do, so the demo data it seeds is the same for all.
  let now = new Date("2026-11-24T12:00:00Z");
  let chatId = "";
  let reference = "";
  let priya = "";

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    await forgetMeetings(PANEL);
    priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const scheduled = await call(service, `/api/panels/${PANEL}/schedule`, {
      token: priya,
      body: { from: "2027-05-01", to: "2027-12-31" },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
    const listed = await call<{ meetings: { id: string; joinUrl: string | null }[] }>(
      service,
      `/api/panels/${PANEL}/meetings?from=${MEETING}&to=${MEETING}`,
      { token: priya },
    );
    chatId = chatThreadOf(listed.body.meetings[0]?.joinUrl ?? null) ?? "";
    assert.match(chatId, /^19:meeting_[0-9a-f]+@thread\.v2$/);
    // Two weeks and more before the meeting, a case is accepted for it.
    now = new Date("2027-05-17T12:00:00Z");
    ({ reference } = await acceptedMertonReferral(service, CHILD, "3 Imaginary Row", MEETING));
    now = new Date(`${MEETING}T10:05:00Z`);
  });
  after(async () => {
    await forgetMeetings(PANEL);
    await service?.close();
    await graph?.close();
  });

  const ofChat = (chat: string, token: string | undefined) =>
    call(service, `/api/meeting-chats/${encodeURIComponent(chat)}`, { token });

  it("the meeting's chat opens its panel and today's meeting, for a member signed in", async () => {
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const res = await ofChat(chatId, nurse);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body["panelId"], PANEL);
    assert.equal(res.body["role"], "member");
    assert.equal(res.body["today"], true);
    assert.equal(res.body["now"], `${MEETING}T10:05:00.000Z`);
    const meeting = res.body["meeting"] as { id: string; start: string; joinUrl: string | null };
    assert.equal(meeting.id, MEETING);
    assert.equal(meeting.start, "2027-06-03T09:30:00+01:00");
  });

  it("refuses anyone not signed in, anyone not on the panel, and a chat it did not schedule or a malformed one, saying where to look", async () => {
    assert.equal((await ofChat(chatId, undefined)).status, 401);
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const outsider = await ofChat(chatId, lambeth);
    assert.equal(outsider.status, 403);
    assert.match(outsider.text, /not a member of this panel/);
    const analyst = await ofChat(chatId, await signInAs(service, PEOPLE.mertonAnalyst.id));
    assert.equal(analyst.status, 403);
    const unknown = await ofChat("19:meeting_NotOneOfOurs@thread.v2", priya);
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /did not schedule this Teams meeting/);
    // A malformed chat id is no meeting MACE panels scheduled, and is answered as one.
    const malformed = await ofChat("general; drop table", priya);
    assert.equal(malformed.status, 404);
    assert.match(malformed.text, /did not schedule this Teams meeting.*Meetings page/);
  });

  it("the stage's agenda shows the case by reference, with its times, and no name anywhere", async () => {
    const res = await call<{ items: { title: string; start: string; slots: { references: string[] }[] }[] }>(
      service,
      `/api/panels/${PANEL}/meetings/${MEETING}/stage`,
      { token: priya },
    );
    assert.equal(res.status, 200, res.text);
    const references = res.body.items.flatMap((i) => i.slots.flatMap((s) => s.references));
    assert.ok(references.includes(reference), references.join(", "));
    assert.ok(
      references.every((r) => /^MER-\d{4}-\d{4}$/.test(r)),
      references.join(", "),
    );
    assert.ok(res.body.items.every((i) => i.start.startsWith(MEETING)));
    for (const name of ["Rowan", "Stagewell", "Imaginary", PEOPLE.mertonSocialWorker.displayName, "Priya"])
      assert.ok(!res.text.includes(name), `the stage shows ${name}`);
    // The agenda itself, for the same coordinator signed in to the meeting, does name the child.
    await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
      token: priya,
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    const agenda = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/agenda`, { token: priya });
    assert.ok(agenda.text.includes(CHILD));
    const again = await call(service, `/api/panels/${PANEL}/meetings/${MEETING}/stage`, { token: priya });
    assert.ok(!again.text.includes("Rowan"));
  });

  it("keys series scheduled before chats were keyed once at start-up, however often it starts", async () => {
    const { connectionString } = await azurite();
    const meetings = meetingRecords(tableFactory({ kind: "connection-string", connectionString }));
    const link = await meetings.chatLink(chatId);
    assert.equal(link?.panelId, PANEL);
    // As a service started on records from before: the panel's key is gone, and start-up writes it.
    const { client } = await chatsTable();
    await client.deleteEntity("chats|", encodeURIComponent(chatId));
    assert.equal(await meetings.chatLink(chatId), undefined);
    assert.ok((await service.scheduler.linkScheduledChats()) >= 1);
    assert.ok((await service.scheduler.linkScheduledChats()) >= 1);
    assert.equal((await meetings.chatLink(chatId))?.panelId, PANEL);
    assert.equal((await ofChat(chatId, priya)).status, 200);
    assert.equal(await meetings.chatLink("19:meeting_NeverScheduled@thread.v2"), undefined);
  });
});

describe("A panel's Teams meeting scheduled with a short join link, found from inside it (Azurite, Graph stand-in)", function () {
  this.timeout(60_000);
  let service: TestService;
  let graph: GraphServer;
  let now = new Date("2026-11-24T12:00:00Z");
  const MEETING = "2027-08-05";
  let joinUrl = "";
  let joinKey = "";
  // Teams names the meeting's chat to the app; the short link names no chat, so only Teams knows it.
  let chatId = "";
  let priya = "";

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    graph.issueShortJoinLinks("Pre-MACE operational panel");
    await forgetMeetings(PANEL);
    priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const scheduled = await call(service, `/api/panels/${PANEL}/schedule`, {
      token: priya,
      body: { from: "2027-08-01", to: "2027-12-31" },
    });
    assert.equal(scheduled.status, 201, scheduled.text);
    const listed = await call<{ meetings: { id: string; joinUrl: string | null }[] }>(
      service,
      `/api/panels/${PANEL}/meetings?from=${MEETING}&to=${MEETING}`,
      { token: priya },
    );
    joinUrl = listed.body.meetings[0]?.joinUrl ?? "";
    joinKey = `meet/${/\/meet\/(\d+)/.exec(joinUrl)?.[1] ?? ""}`;
    chatId = graph.chatOf(joinUrl) ?? "";
    now = new Date(`${MEETING}T10:05:00Z`);
  });
  after(async () => {
    await forgetMeetings(PANEL);
    await service?.close();
    await graph?.close();
  });

  const ofChat = (chat: string, token: string, query = "") =>
    call(service, `/api/meeting-chats/${encodeURIComponent(chat)}${query}`, { token });
  const records = async () => {
    const { connectionString } = await azurite();
    return meetingRecords(tableFactory({ kind: "connection-string", connectionString }));
  };
  const chatReads = () =>
    graph.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v1.0/chats/"));

  it("the series has a short join link, which names no chat, and the link is keyed to the panel by its number", async () => {
    assert.match(joinUrl, /^https:\/\/teams\.microsoft\.com\/meet\/\d{13}\?p=\w+$/);
    assert.equal(chatThreadOf(joinUrl), null);
    assert.match(chatId, /^19:meeting_[A-Za-z0-9_-]+@thread\.v2$/);
    assert.match(joinKey, /^meet\/\d{13}$/);
    assert.equal((await (await records()).joinUrlLink(joinKey))?.panelId, PANEL);
  });

  it("when Microsoft Graph cannot be asked, or for someone not on the panel, the meeting's chat opens nothing and is not keyed", async () => {
    graph.inject({ status: 500, method: "GET" });
    const failed = await ofChat(chatId, priya);
    assert.equal(failed.status, 404);
    assert.match(failed.text, /did not schedule this Teams meeting.*Meetings page/);
    assert.equal(chatReads().at(-1)?.status, 500);
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const outsider = await ofChat(chatId, lambeth);
    assert.equal(outsider.status, 403);
    assert.match(outsider.text, /not a member of this panel/);
    assert.equal(await (await records()).chatLink(chatId), undefined);
  });

  it("a chat Teams does not know is not recognised, even with the panel's join link beside it, and is not keyed", async () => {
    const other = `19:meeting_InventedOther${Date.now().toString(36)}@thread.v2`;
    const unknown = await ofChat(other, priya, `?joinUrl=${encodeURIComponent(joinUrl)}`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /did not schedule this Teams meeting/);
    assert.equal(chatReads().at(-1)?.status, 404);
    assert.equal(await (await records()).chatLink(other), undefined);
  });

  it("the chat alone opens today's meeting, Teams saying which meeting it is, and is keyed, so later openings do not ask again", async () => {
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const asked = chatReads().length;
    const found = await ofChat(chatId, nurse);
    assert.equal(found.status, 200, found.text);
    assert.equal(found.body["panelId"], PANEL);
    assert.equal(found.body["role"], "member");
    assert.equal(found.body["today"], true);
    assert.equal((found.body["meeting"] as { id: string }).id, MEETING);
    assert.deepEqual(
      chatReads()
        .slice(asked)
        .map((r) => r.status),
      [200],
    );
    assert.deepEqual(await (await records()).chatLink(chatId), {
      chatId,
      panelId: PANEL,
      linkedAt: `${MEETING}T10:05:00.000Z`,
      joinKey,
    });
    const later = await ofChat(chatId, priya);
    assert.equal(later.status, 200, later.text);
    assert.equal(later.body["role"], "coordinator");
    assert.equal(chatReads().length, asked + 1);
  });

  it("keys the short link of a series scheduled before links were keyed at start-up", async () => {
    const { client } = await chatsTable();
    await client.deleteEntity("joins|", encodeURIComponent(joinKey));
    const meetings = await records();
    assert.equal(await meetings.joinUrlLink(joinKey), undefined);
    assert.ok((await service.scheduler.linkScheduledChats()) >= 1);
    assert.equal((await meetings.joinUrlLink(joinKey))?.panelId, PANEL);
  });
});
