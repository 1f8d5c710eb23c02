import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { joinKeyOf } from "../../../bot/src/domain/schedule/meeting-chat.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { refusal, seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor, PEOPLE } from "../../support/people.js";

// Teams' short join links (`/meet/<number>?p=<passcode>`) name no chat. Scheduled with one, the
// panel's series keys the link itself; the app inside the meeting sends the link Teams gives it
// with the chat, and the first opening keys the chat, so later ones need the chat alone.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const CHAT = "19:meeting_InventedSeriesOne@thread.v2";
const joinLink = (chat: string) =>
  `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chat)}/0?context=%7b%22Tid%22%3a%22invented%22%7d`;

describe("Finding the panel from inside a Teams meeting scheduled with a short join link", () => {
  // Teams' short links name the meeting by a number and carry no chat: the app reads the link
  // from the meeting's details and sends it with the chat.
  const SHORT = "https://teams.microsoft.com/meet/2619384756012?p=InventedPass1";
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
    assert.deepEqual(await ports.meetings.joinUrlLink("https://teams.microsoft.com/meet/2619384756012"), {
      joinKey: "https://teams.microsoft.com/meet/2619384756012",
      panelId: PANEL,
      linkedAt: "2026-12-20T12:00:00.000Z",
    });
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
  });

  it("the meeting's join link, however Teams spells it, opens today's meeting and keys its chat for later", async () => {
    const spelled = "HTTPS://Teams.Microsoft.COM/meet/2619384756012/?p=InventedPass1&anon=true";
    const found = await scheduler().meetingOfChat(priya, MEETING_CHAT, spelled);
    assert.equal(found.panelId, PANEL);
    assert.equal(found.meeting?.id, "2027-01-07");
    assert.equal(found.today, true);
    assert.deepEqual(await ports.meetings.chatLink(MEETING_CHAT), {
      chatId: MEETING_CHAT,
      panelId: PANEL,
      linkedAt: "2027-01-07T10:05:00.000Z",
      joinKey: "https://teams.microsoft.com/meet/2619384756012",
    });
    // Later, even where Teams gives no join link, the chat alone finds it with one point read.
    ports.meetings.calls.reset();
    ports.clock.set("2027-02-04T09:40:00Z");
    const later = await scheduler().meetingOfChat({ id: PEOPLE.mertonNurse.id, name: "nurse" }, MEETING_CHAT);
    assert.equal(later.meeting?.id, "2027-02-04");
    assert.equal(later.role, "member");
    assert.equal(ports.meetings.calls.of("chatLink"), 1);
    assert.equal(ports.meetings.calls.of("joinUrlLink"), 0);
    assert.equal(ports.meetings.calls.of("linkChat"), 0);
  });

  it("without the join link, or with another meeting's, the chat is not recognised and nothing is keyed", async () => {
    await assert.rejects(scheduler().meetingOfChat(priya, MEETING_CHAT), refusal("unknown-meeting-chat"));
    await assert.rejects(
      scheduler().meetingOfChat(
        priya,
        MEETING_CHAT,
        "https://teams.microsoft.com/meet/2610000000001?p=Other",
      ),
      refusal("unknown-meeting-chat", /did not schedule this Teams meeting/),
    );
    await assert.rejects(
      scheduler().meetingOfChat(priya, MEETING_CHAT, "not a link at all"),
      refusal("unknown-meeting-chat"),
    );
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
  });

  it("someone not on the panel, holding the link, is refused and keys nothing", async () => {
    await assert.rejects(
      scheduler().meetingOfChat({ id: PEOPLE.lambethCoordinator.id, name: "lambeth" }, MEETING_CHAT, SHORT),
      refusal("not-a-member"),
    );
    assert.equal(await ports.meetings.chatLink(MEETING_CHAT), undefined);
  });

  it("a series made again with a new short link: the old link and the chat it keyed no longer open the panel", async () => {
    await scheduler().meetingOfChat(priya, MEETING_CHAT, SHORT);
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
    await assert.rejects(
      scheduler().meetingOfChat(priya, "19:meeting_InventedShortTwo@thread.v2", SHORT),
      refusal("unknown-meeting-chat"),
    );
    const found = await scheduler().meetingOfChat(priya, "19:meeting_InventedShortTwo@thread.v2", again);
    assert.equal(found.meeting?.id, "2027-01-07");
  });

  it("a series scheduled before join links were keyed is keyed at start-up, and a link is never moved to another panel", async () => {
    const before = fakePorts("2026-12-20T12:00:00Z");
    await before.meetings.insertSeries(
      {
        panelId: PANEL,
        transactionId: randomUUID(),
        seriesId: "series-old",
        organiserId: priya.id,
        organiserName: priya.name,
        ruleKey: "{}",
        from: "2027-01-01",
        to: "2027-06-30",
        joinUrl: SHORT,
        scheduledAt: "2026-11-01T10:00:00.000Z",
      },
      "test",
    );
    const old = meetingScheduler(before);
    assert.equal(await old.linkScheduledChats(), 1);
    assert.equal(await old.linkScheduledChats(), 1);
    const key = "https://teams.microsoft.com/meet/2619384756012";
    assert.equal((await before.meetings.joinUrlLink(key))?.panelId, PANEL);
    await assert.rejects(
      before.meetings.linkJoinUrl(
        { joinKey: key, panelId: "merton-strategic-mace", linkedAt: "2026-12-21T08:00:00.000Z" },
        "test",
      ),
      /already belongs to merton-pre-mace/,
    );
    assert.equal((await before.meetings.joinUrlLink(key))?.panelId, PANEL);
    assert.equal((await old.meetingOfChat(priya, MEETING_CHAT, SHORT)).panelId, PANEL);
  });
});

describe("A join link's key", () => {
  it("is the short link's meeting number, with the scheme and host in lower case and no passcode", () => {
    const key = "https://teams.microsoft.com/meet/2619384756012";
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/2619384756012?p=InventedPass1"), key);
    assert.equal(joinKeyOf("HTTPS://TEAMS.microsoft.com/meet/2619384756012/?p=Other#x"), key);
    assert.equal(
      joinKeyOf("https://teams.live.com/meet/2619384756012?p=a"),
      "https://teams.live.com/meet/2619384756012",
    );
  });

  it("is a meetup-join link's chat thread, whatever context the link carries", () => {
    const key = `https://teams.microsoft.com/l/meetup-join/${CHAT}`;
    assert.equal(joinKeyOf(joinLink(CHAT)), key);
    assert.equal(
      joinKeyOf(
        `https://Teams.Microsoft.com/l/meetup-join/${encodeURIComponent(CHAT).replace("%3A", "%3a")}/0?context=%7b%7d`,
      ),
      key,
    );
  });

  it("is nothing for other links: not https, a channel, a short link with no number, or not a link", () => {
    assert.equal(joinKeyOf("http://teams.microsoft.com/meet/2619384756012?p=a"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/abc?p=a"), null);
    assert.equal(joinKeyOf("https://teams.microsoft.com/meet/2619384756012/extra"), null);
    assert.equal(joinKeyOf("not a link"), null);
    assert.equal(joinKeyOf(null), null);
  });
});
