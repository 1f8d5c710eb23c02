import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { KeyHeldByAnotherPanel } from "../../../bot/src/application/ports/meetings.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { chatThreadOf, occurrenceOf } from "../../../bot/src/domain/schedule/meeting-chat.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { refusal, seriesCalendar } from "../../support/meeting-calendar.js";
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
const calendarOf = (ports: FakePorts, chat = CHAT) => seriesCalendar(ports, PANEL, priya, joinLink(chat));

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

  it("a chat Teams holds as the meeting with another chat's join link is no meeting of the panel, and is not keyed", async () => {
    const other = "19:meeting_InventedNotThisOne@thread.v2";
    ports.chats.meetingChat(other, joinLink(CHAT));
    await assert.rejects(scheduler().meetingOfChat(priya, other), refusal("unknown-meeting-chat"));
    assert.equal(await ports.meetings.chatLink(other), undefined);
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
      (e: unknown) => e instanceof KeyHeldByAnotherPanel && e.key === "chat" && e.heldBy === PANEL,
    );
    assert.equal((await before.meetings.chatLink(CHAT))?.panelId, PANEL);
    // No meetings recorded yet for this series: the panel is found, with no meeting to hold.
    const found = await old.meetingOfChat(priya, CHAT);
    assert.equal(found.panelId, PANEL);
    assert.equal(found.meeting, null);
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
