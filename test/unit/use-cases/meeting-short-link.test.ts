import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { KeyHeldByAnotherPanel } from "../../../bot/src/application/ports/meetings.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { joinKeyOf } from "../../../bot/src/domain/schedule/meeting-chat.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { refusal, seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor, PEOPLE } from "../../support/people.js";

// Teams' short join links (`/meet/<number>?p=<passcode>`) name no chat. Scheduled with one, the
// panel's series keys the link itself; the app inside the meeting sends only the chat, the
// service asks Teams which meeting's chat it is, and the first opening keys the chat, so later
// ones need no asking.

const PANEL = "merton-pre-mace";
const OTHER_PANEL = "merton-strategic-mace";
const priya = demoActor("Priya Okafor");
const CHAT = "19:meeting_InventedSeriesOne@thread.v2";
const joinLink = (chat: string) =>
  `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chat)}/0?context=%7b%22Tid%22%3a%22invented%22%7d`;

/** A key refused because another panel holds it. */
const heldBy = (panelId: string) => (e: unknown) => {
  assert.ok(e instanceof KeyHeldByAnotherPanel, String(e));
  assert.equal(e.heldBy, panelId);
  assert.ok(!e.message.includes(panelId), "the message names a panel");
  return true;
};

describe("Finding the panel from inside a Teams meeting scheduled with a short join link", () => {
  // Teams' short links name the meeting by a number and carry no chat: Teams holds the link of
  // the meeting whose chat it is.
  const SHORT = "https://teams.microsoft.com/meet/2619384756012?p=InventedPass1";
  const KEY = "meet/2619384756012";
  const MEETING_CHAT = "19:meeting_InventedShortOne@thread.v2";
  let ports: FakePorts;
  const scheduler = () => meetingScheduler(ports);
  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    await scheduler().schedule(
      priya,
      PANEL,
      { from: "2027-01-01", to: "2027-06-30" },
      seriesCalendar(ports, PANEL, priya, SHORT),
    );
    ports.clock.set("2027-01-07T10:05:00Z");
  });

  it("keys the short link to the panel when the series is scheduled, and no chat", async () => {
    assert.deepEqual(await ports.meetings.joinUrlLink(KEY), {
      joinKey: KEY,
      panelId: PANEL,
      linkedAt: "2026-12-20T12:00:00.000Z",
    });
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
  });

  it("the chat Teams holds as the meeting's, however Teams spells its link, opens today's meeting and is keyed once", async () => {
    ports.chats.meetingChat(
      MEETING_CHAT,
      "https://Teams.Microsoft.COM/meet/2619384756012/?p=InventedPass1&anon=true",
    );
    const found = await scheduler().meetingOfChat(priya, MEETING_CHAT);
    assert.equal(found.panelId, PANEL);
    assert.equal(found.meeting?.id, "2027-01-07");
    assert.equal(found.today, true);
    assert.deepEqual(ports.chats.asked, [MEETING_CHAT]);
    assert.deepEqual(await ports.meetings.chatLink(MEETING_CHAT), {
      chatId: MEETING_CHAT,
      panelId: PANEL,
      linkedAt: "2027-01-07T10:05:00.000Z",
      joinKey: KEY,
    });
    // Later, the chat's key finds it with one point read, and Teams is not asked again.
    ports.meetings.calls.reset();
    ports.clock.set("2027-02-04T09:40:00Z");
    const later = await scheduler().meetingOfChat({ id: PEOPLE.mertonNurse.id, name: "nurse" }, MEETING_CHAT);
    assert.equal(later.meeting?.id, "2027-02-04");
    assert.equal(later.role, "member");
    assert.equal(ports.meetings.calls.of("chatLink"), 1);
    assert.equal(ports.meetings.calls.of("joinUrlLink"), 0);
    assert.equal(ports.meetings.calls.of("linkChat"), 0);
    assert.deepEqual(ports.chats.asked, [MEETING_CHAT]);
  });

  it("a chat Teams does not know, or holds as another meeting's, is not recognised and nothing is keyed", async () => {
    await assert.rejects(
      scheduler().meetingOfChat(priya, MEETING_CHAT),
      refusal("unknown-meeting-chat", /did not schedule this Teams meeting/),
    );
    const other = "19:meeting_InventedOtherMeeting@thread.v2";
    ports.chats.meetingChat(other, "https://teams.microsoft.com/meet/2610000000001?p=Other");
    await assert.rejects(scheduler().meetingOfChat(priya, other), refusal("unknown-meeting-chat"));
    // The same meeting number on Teams for personal use is another service's meeting.
    const personal = "19:meeting_InventedPersonal@thread.v2";
    ports.chats.meetingChat(personal, "https://teams.live.com/meet/2619384756012?p=InventedPass1");
    await assert.rejects(scheduler().meetingOfChat(priya, personal), refusal("unknown-meeting-chat"));
    for (const chat of [MEETING_CHAT, other, personal])
      assert.equal(await ports.meetings.chatLink(chat), undefined);
  });

  it("when Teams cannot be asked, the chat is not recognised, nothing is keyed and the log names no chat", async () => {
    ports.chats.meetingChat(MEETING_CHAT, SHORT);
    ports.chats.failWith("unavailable", 503);
    await assert.rejects(
      scheduler().meetingOfChat(priya, MEETING_CHAT),
      refusal("unknown-meeting-chat", /did not schedule this Teams meeting.*Meetings page/),
    );
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
    assert.deepEqual(ports.log.lines, [
      {
        level: "warn",
        fields: { kind: "unavailable", status: 503 },
        message: "meeting chat not looked up in Teams",
      },
    ]);
  });

  it("a chat another opening keyed to another panel meanwhile is answered as not the panel's, and stays that panel's", async () => {
    ports.chats.joinUrlOfChat = async (chatId) => {
      await ports.meetings.linkChat(
        { chatId, panelId: OTHER_PANEL, linkedAt: "2027-01-07T10:04:00.000Z" },
        "another opening",
      );
      return SHORT;
    };
    await assert.rejects(
      scheduler().meetingOfChat(priya, MEETING_CHAT),
      refusal("unknown-meeting-chat", /did not schedule this Teams meeting/),
    );
    assert.equal((await ports.meetings.chatLink(MEETING_CHAT))?.panelId, OTHER_PANEL);
  });

  it("someone not on the panel, in its meeting, is refused and keys nothing", async () => {
    ports.chats.meetingChat(MEETING_CHAT, SHORT);
    await assert.rejects(
      scheduler().meetingOfChat({ id: PEOPLE.lambethCoordinator.id, name: "lambeth" }, MEETING_CHAT),
      refusal("not-a-member"),
    );
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
  });

  it("a series made again with a new short link: the old meeting's chats no longer open the panel", async () => {
    ports.chats.meetingChat(MEETING_CHAT, SHORT);
    await scheduler().meetingOfChat(priya, MEETING_CHAT);
    const series = await ports.meetings.seriesOf(PANEL);
    assert.ok(series);
    await ports.meetings.replaceSeries({ ...series.value, joinUrl: null }, series.etag, "test");
    const again = "https://teams.microsoft.com/meet/2617777777777?p=InventedPass2";
    await scheduler().schedule(
      priya,
      PANEL,
      { from: "2027-01-01", to: "2027-06-30" },
      seriesCalendar(ports, PANEL, priya, again),
    );
    await assert.rejects(scheduler().meetingOfChat(priya, MEETING_CHAT), refusal("unknown-meeting-chat"));
    const oldMeeting = "19:meeting_InventedShortOld@thread.v2";
    ports.chats.meetingChat(oldMeeting, SHORT);
    await assert.rejects(scheduler().meetingOfChat(priya, oldMeeting), refusal("unknown-meeting-chat"));
    assert.equal(await ports.meetings.chatLink(oldMeeting), undefined);
    const newMeeting = "19:meeting_InventedShortTwo@thread.v2";
    ports.chats.meetingChat(newMeeting, again);
    const found = await scheduler().meetingOfChat(priya, newMeeting);
    assert.equal(found.meeting?.id, "2027-01-07");
  });

  it("a series scheduled before join links were keyed is keyed at start-up; a key another panel holds is never moved, and the other panels are keyed still", async () => {
    const before = fakePorts("2026-12-20T12:00:00Z");
    const series = (panelId: string, joinUrl: string) =>
      before.meetings.insertSeries(
        {
          panelId,
          transactionId: randomUUID(),
          seriesId: `series-old-${panelId}`,
          organiserId: priya.id,
          organiserName: priya.name,
          ruleKey: "{}",
          from: "2027-01-01",
          to: "2027-06-30",
          joinUrl,
          scheduledAt: "2026-11-01T10:00:00.000Z",
        },
        "test",
      );
    await series(PANEL, SHORT);
    const old = meetingScheduler(before);
    assert.equal(await old.linkScheduledChats(), 1);
    assert.equal(await old.linkScheduledChats(), 1);
    assert.equal((await before.meetings.joinUrlLink(KEY))?.panelId, PANEL);
    await assert.rejects(
      before.meetings.linkJoinUrl(
        { joinKey: KEY, panelId: OTHER_PANEL, linkedAt: "2026-12-21T08:00:00.000Z" },
        "test",
      ),
      heldBy(PANEL),
    );
    assert.equal((await before.meetings.joinUrlLink(KEY))?.panelId, PANEL);
    // Another panel's series with the same meeting, a record gone wrong: that panel is not keyed,
    // the log says so, and every other panel is.
    await series(OTHER_PANEL, SHORT);
    await series("lambeth-mave", joinLink(CHAT));
    assert.equal(await old.linkScheduledChats(), 2);
    assert.equal((await before.meetings.joinUrlLink(KEY))?.panelId, PANEL);
    assert.equal((await before.meetings.chatLink(CHAT))?.panelId, "lambeth-mave");
    assert.deepEqual(before.log.lines, [
      {
        level: "warn",
        fields: { panelId: OTHER_PANEL, key: "join link", heldBy: PANEL },
        message: "meeting key held by another panel",
      },
    ]);
    before.chats.meetingChat(MEETING_CHAT, SHORT);
    assert.equal((await old.meetingOfChat(priya, MEETING_CHAT)).panelId, PANEL);
  });
});

describe("A join link's key", () => {
  it("is the short link's meeting number alone, on any of Teams' hosts, however spelled, with no passcode", () => {
    const key = "meet/2619384756012";
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/2619384756012?p=InventedPass1"), key);
    assert.equal(joinKeyOf("HTTPS://TEAMS.microsoft.com/meet/2619384756012/?p=Other#x"), key);
    assert.equal(joinKeyOf("https://teams.cloud.microsoft/meet/2619384756012?p=a"), key);
  });

  it("is a meetup-join link's chat thread, whatever context the link carries", () => {
    const key = `meetup-join/${CHAT}`;
    assert.equal(joinKeyOf(joinLink(CHAT)), key);
    assert.equal(
      joinKeyOf(
        `https://Teams.Microsoft.com/l/meetup-join/${encodeURIComponent(CHAT).replace("%3A", "%3a")}/0?context=%7b%7d`,
      ),
      key,
    );
  });

  it("is nothing for other links: not https, not Teams for work, a channel, a short link with no number, or not a link", () => {
    assert.equal(joinKeyOf("http://teams.microsoft.com/meet/2619384756012?p=a"), null);
    assert.equal(joinKeyOf("https://teams.live.com/meet/2619384756012?p=a"), null);
    assert.equal(joinKeyOf("https://teams.example/meet/2619384756012?p=a"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com:8443/meet/2619384756012?p=a"), null);
    assert.equal(joinKeyOf(`https://teams.example/l/meetup-join/${encodeURIComponent(CHAT)}/0`), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/abc?p=a"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/2619384756012/extra"), null);
    assert.equal(joinKeyOf("not a link"), null);
    assert.equal(joinKeyOf(null), null);
  });
});
