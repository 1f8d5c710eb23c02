import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import type { CalendarOccurrence, TeamsCalendar } from "../../../bot/src/application/ports/teams-calendar.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { chatThreadOf, joinKeyOf, occurrenceOf } from "../../../bot/src/domain/schedule/meeting-chat.js";
import { occurrencesBetween } from "../../../bot/src/domain/schedule/occurrences.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// The app opened inside a panel's Teams meeting knows only the meeting's chat. The panel's series
// keyed that chat to the panel when it was scheduled, so the side panel finds the panel and the
// meeting it is holding; the stage shows that meeting's agenda by reference, with no names.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const CHAT = "19:meeting_InventedSeriesOne@thread.v2";
const joinLink = (chat: string) =>
  `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chat)}/0?context=%7b%22Tid%22%3a%22invented%22%7d`;

/** An organiser's calendar holding one series, its meetings where the panel's rule puts them. */
function calendarOf(ports: FakePorts, chat = CHAT, link = joinLink(chat)): TeamsCalendar {
  const unused = () => Promise.reject(new Error("not used by scheduling"));
  return {
    organiser: { id: priya.id, name: priya.name },
    createSeries: () => Promise.resolve({ seriesId: "series-1", joinUrl: link }),
    updateSeries: () => Promise.resolve({ joinUrl: link }),
    occurrences: (_id, from, to) =>
      Promise.resolve(
        occurrencesBetween(ports.catalogue, PANEL, from, to).map((o): CalendarOccurrence => ({
          occurrenceId: `occurrence-${o.date}`,
          originalDate: o.date,
          start: o.start,
          end: o.end,
          joinUrl: link,
        })),
      ),
    moveOccurrence: () => Promise.resolve(),
    cancelOccurrence: () => Promise.resolve(),
    inviteToSlot: unused,
    withdrawSlotInvite: unused,
  };
}

const refusal = (code: string, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  if (message) assert.match(e.message, message);
  return true;
};

describe("Finding the panel from inside its Teams meeting", () => {
  let ports: FakePorts;
  const scheduler = () => meetingScheduler(ports);
  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    await scheduler().schedule(priya, PANEL, { from: "2027-01-01", to: "2027-06-30" }, calendarOf(ports));
  });

  it("on the meeting's day, the meeting's chat opens that meeting of its panel", async () => {
    ports.clock.set("2027-01-07T10:05:00Z");
    const found = await scheduler().meetingOfChat(priya, CHAT);
    assert.equal(found.panelId, PANEL);
    assert.equal(found.role, "coordinator");
    assert.equal(found.meeting?.id, "2027-01-07");
    assert.equal(found.meeting?.start, "2027-01-07T09:30:00+00:00");
    assert.equal(found.today, true);
    assert.equal(found.now, "2027-01-07T10:05:00.000Z");
    // The app is already in the meeting.
    assert.equal(found.meeting?.joinUrl, null);
  });

  it("between meetings, the chat opens the next meeting, and a member finds it as a member", async () => {
    ports.clock.set("2027-01-08T09:00:00Z");
    const nurse = await scheduler().meetingOfChat({ id: PEOPLE.mertonNurse.id, name: "nurse" }, CHAT);
    assert.equal(nurse.meeting?.id, "2027-02-04");
    assert.equal(nurse.today, false);
    assert.equal(nurse.role, "member");
  });

  it("finds it with one point read of the chat's key and one range of the panel's own meetings", async () => {
    ports.clock.set("2027-01-07T10:05:00Z");
    ports.meetings.calls.reset();
    await scheduler().meetingOfChat(priya, CHAT);
    assert.equal(ports.meetings.calls.of("chatLink"), 1);
    assert.equal(ports.meetings.calls.of("between"), 1);
    assert.equal(ports.meetings.calls.of("seriesOf"), 1);
  });

  it("a meeting MACE panels did not schedule is refused, saying where to find the panel's own", async () => {
    await assert.rejects(
      scheduler().meetingOfChat(priya, "19:meeting_SomeoneElsesMeeting@thread.v2"),
      refusal("unknown-meeting-chat", /did not schedule this Teams meeting.*Meetings page/),
    );
    await assert.rejects(scheduler().meetingOfChat(priya, "not a chat"), refusal("unknown-meeting-chat"));
  });

  it("someone in the meeting but not on the panel is refused, and the panel's analyst sees reports only", async () => {
    ports.clock.set("2027-01-07T10:05:00Z");
    await assert.rejects(
      scheduler().meetingOfChat({ id: PEOPLE.lambethCoordinator.id, name: "lambeth" }, CHAT),
      refusal("not-a-member"),
    );
    await assert.rejects(
      scheduler().meetingOfChat({ id: PEOPLE.mertonAnalyst.id, name: "analyst" }, CHAT),
      refusal("reports-only"),
    );
  });

  it("a series made again in Teams opens from its new chat, and the old chat no longer opens the panel", async () => {
    const series = await ports.meetings.seriesOf(PANEL);
    assert.ok(series);
    // Deleted in Outlook: scheduling again makes a new series, with a new chat.
    await ports.meetings.replaceSeries({ ...series.value, joinUrl: null }, series.etag, "test");
    const again = "19:meeting_InventedSeriesTwo@thread.v2";
    await scheduler().schedule(
      priya,
      PANEL,
      { from: "2027-01-01", to: "2027-06-30" },
      calendarOf(ports, again),
    );
    ports.clock.set("2027-01-07T10:05:00Z");
    assert.equal((await scheduler().meetingOfChat(priya, again)).meeting?.id, "2027-01-07");
    await assert.rejects(scheduler().meetingOfChat(priya, CHAT), refusal("unknown-meeting-chat"));
  });

  it("a series scheduled before chats were keyed is keyed at start-up, the same however often it runs", async () => {
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
        joinUrl: joinLink(CHAT),
        scheduledAt: "2026-11-01T10:00:00.000Z",
      },
      "test",
    );
    const old = meetingScheduler(before);
    await assert.rejects(old.meetingOfChat(priya, CHAT), refusal("unknown-meeting-chat"));
    assert.equal(await old.linkScheduledChats(), 1);
    // A later start finds the chat keyed and leaves it as it was.
    before.clock.set("2026-12-21T08:00:00Z");
    assert.equal(await old.linkScheduledChats(), 1);
    assert.deepEqual(await before.meetings.chatLink(CHAT), {
      chatId: CHAT,
      panelId: PANEL,
      linkedAt: "2026-12-20T12:00:00.000Z",
    });
    // A chat already one panel's is never moved to another.
    await assert.rejects(
      before.meetings.linkChat(
        { chatId: CHAT, panelId: "merton-strategic-mace", linkedAt: "2026-12-21T08:00:00.000Z" },
        "test",
      ),
      /already belongs to merton-pre-mace/,
    );
    assert.equal((await before.meetings.chatLink(CHAT))?.panelId, PANEL);
    // No meetings recorded yet for this series: the panel is found, with no meeting to hold.
    const found = await old.meetingOfChat(priya, CHAT);
    assert.equal(found.panelId, PANEL);
    assert.equal(found.meeting, null);
  });
});

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
      calendarOf(ports, CHAT, SHORT),
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
      calendarOf(ports, CHAT, again),
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

describe("A Teams join link's chat, and the meeting a panel is holding", () => {
  it("reads the chat from Teams' join links, and nothing from other links", () => {
    assert.equal(chatThreadOf(joinLink(CHAT)), CHAT);
    assert.equal(
      chatThreadOf("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0"),
      "19:meeting_abc123@thread.v2",
    );
    assert.equal(chatThreadOf("https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General"), null);
    assert.equal(chatThreadOf("https://example.org/l/meetup-join/not-a-thread/0"), null);
    assert.equal(chatThreadOf("https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0"), null);
    assert.equal(chatThreadOf(null), null);
  });

  it("today's meeting, else the next one; a cancelled one is passed over, a moved one counts on its new day", () => {
    const m = (date: string, status: "scheduled" | "moved" | "cancelled" = "scheduled") => ({
      date,
      start: `${date}T09:30:00+00:00`,
      status,
    });
    assert.equal(occurrenceOf([m("2027-01-07"), m("2027-02-04")], "2027-01-07")?.date, "2027-01-07");
    assert.equal(occurrenceOf([m("2027-01-07"), m("2027-02-04")], "2027-01-08")?.date, "2027-02-04");
    assert.equal(
      occurrenceOf([m("2027-01-07", "cancelled"), m("2027-02-04")], "2027-01-07")?.date,
      "2027-02-04",
    );
    assert.equal(occurrenceOf([m("2027-03-04"), m("2027-02-11", "moved")], "2027-02-05")?.date, "2027-02-11");
    assert.equal(occurrenceOf([m("2027-01-07")], "2027-01-08"), undefined);
  });
});

describe("The agenda on the meeting's stage", () => {
  let ports: FakePorts;
  const MEETING = "2027-01-07";
  const worker: Person = {
    id: "00000000-0000-4000-8000-000000000981",
    displayName: "Sam Invented-Worker",
    email: "sam.invented@merton.example",
    jobTitle: "Social worker",
    agencyId: "mer-csc",
  };
  const manager: Person = {
    id: "00000000-0000-4000-8000-000000000982",
    displayName: "Lee Invented-Manager",
    email: "lee.invented@merton.example",
    jobTitle: "Team manager",
    agencyId: "mer-csc",
  };
  let reference = "";

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    ports.directory.seed([worker, manager], []);
    await meetingScheduler(ports).schedule(
      priya,
      PANEL,
      { from: "2027-01-01", to: "2027-06-30" },
      calendarOf(ports),
    );
    const desk = referralDesk(ports);
    const social = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
    const sent = await desk.submit(social, PANEL, "individual", randomUUID(), {
      ...mertonChild("Noor Invented-Stage"),
      riskLevel: "significant",
      allocatedWorkerEmail: worker.email,
      allocatedManagerEmail: manager.email,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    reference = sent.referral.reference;
  });

  it("shows the items and times, and each case by reference alone: no names, presenters or leads", async () => {
    ports.clock.set(`${MEETING}T09:35:00Z`);
    const stage = await agendaDesk(ports).stage(priya, "coordinator", PANEL, MEETING);
    assert.equal(stage.meeting.id, MEETING);
    // The same items at the same times as the coordinator's agenda.
    const agenda = await agendaDesk(ports).view(priya, "coordinator", PANEL, MEETING, "test");
    assert.deepEqual(
      stage.items.map((i) => [i.title, i.start, i.end]),
      agenda.entries.map((e) => [e.title, e.start, e.end]),
    );
    assert.equal(stage.items[0]?.start.slice(0, 10), MEETING);
    const slots = stage.items.flatMap((i) => i.slots);
    assert.deepEqual(
      slots.flatMap((s) => s.references),
      [reference],
    );
    const shown = JSON.stringify(stage);
    for (const name of [
      "Noor",
      "Invented-Stage",
      worker.displayName,
      manager.displayName,
      PEOPLE.mertonSocialWorker.displayName,
      "Priya",
      "2011-04-09",
    ])
      assert.ok(!shown.includes(name), `the stage shows ${name}`);
    for (const key of ["label", "presenters", "expected", "lead", "choice", "rationale", "plansHaveImpact"])
      assert.ok(!shown.includes(`"${key}"`), `the stage carries ${key}`);
  });

  it("reads nothing of a subject's record, so writes no audit entry", async () => {
    ports.clock.set(`${MEETING}T09:35:00Z`);
    const audited = ports.casework.auditOf("merton").length;
    await agendaDesk(ports).stage(priya, "coordinator", PANEL, MEETING);
    assert.equal(ports.casework.auditOf("merton").length, audited);
    // Her agenda, with the child's name once she has signed in, is audited.
    await agendaDesk(ports).view(priya, "coordinator", PANEL, MEETING, "test");
    assert.equal(ports.casework.auditOf("merton").length, audited + 1);
  });

  it("a presenter's stage shows their own slot, as their agenda does", async () => {
    const social = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
    const stage = await agendaDesk(ports).stage(social, "presenter", PANEL, MEETING);
    assert.deepEqual(
      stage.items.flatMap((i) => i.slots.flatMap((s) => s.references)),
      [reference],
    );
    assert.ok(!JSON.stringify(stage).includes("Noor"));
  });
});
