import assert from "node:assert/strict";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { cohortDesk } from "../../../bot/src/application/cohort/cohort-desk.js";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import type { SignInDetails } from "../../../bot/src/application/ports/channel-announcer.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { NoteInput } from "../../../bot/src/domain/minutes/record.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  caseDecisions,
  fakePorts,
  meetingRecord,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";
import { referredAndAccepted } from "../../support/referrals.js";

// A Merton pre-MACE meeting the coordinator moved from Thursday 7 January to Friday 8 January, on
// fakes. It keeps its id (the rule's Thursday), and everything about the meeting's day follows the
// Friday it is held: sign-in, names waiting for it, decisions, notes and the minutes' agreement.
// On the Thursday nothing is treated as the meeting's day.

const PANEL = "merton-pre-mace";
const DECEMBER = "2026-12-03";
const MEETING = "2027-01-07";
const THURSDAY = "2027-01-07T10:00:00Z";
const FRIDAY = "2027-01-08T10:00:00Z";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const grace = demoActor("Grace Mensah");

const JOIN_URL = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedMoved%40thread.v2/0";

const refusedWith = (code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("A meeting moved to another day is held on the day it moved to", () => {
  let ports: FakePorts;
  let posted: SignInDetails[];
  let child: { subjectId: string; reference: string };
  const room = () =>
    meetingRoom({
      ...ports,
      announcer: { signInOpened: (d) => Promise.resolve(posted.push(d) > 0) },
    });
  const signIn = (actor = priya) =>
    room().signIn(actor, PANEL, MEETING, { agencyId: "mer-csc", capacity: "member", agreed: true });

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    posted = [];
    const calendar = seriesCalendar(ports, PANEL, priya, JOIN_URL);
    const scheduler = meetingScheduler(ports);
    await scheduler.schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    const held = await ports.meetings.meeting(PANEL, MEETING);
    assert.ok(held);
    await scheduler.move(
      priya,
      PANEL,
      MEETING,
      { date: "2027-01-08", startTime: "09:30", reason: "The room is taken on Thursday" },
      held.etag,
      calendar,
    );
    // A child accepted for the January meeting.
    const accepted = await referredAndAccepted(referralDesk(ports), grace, "Robin Invented-Moved");
    child = { subjectId: accepted.subjectId, reference: accepted.reference };
  });

  it("on the Friday, names wait for sign-in and sign-in is open; on the Thursday nothing is the meeting's day", async () => {
    ports.clock.set(THURSDAY);
    const thursday = await room().view(priya, PANEL, MEETING);
    assert.deepEqual(
      [thursday.inProgress, thursday.meetingDescription, thursday.deciding.how],
      [false, "Friday 8 January 2027, 09:30 to 13:30", "chairs-decision"],
    );
    assert.equal(await room().namesHiddenFor(priya, PANEL, MEETING), false);
    await assert.rejects(
      signIn(),
      refusedWith("not-meeting-day", "Sign-in opens on the day of the meeting."),
    );
    await assert.rejects(
      room().openSignIn(priya, "coordinator", PANEL, MEETING),
      refusedWith("not-meeting-day"),
    );
    assert.deepEqual(await room().meetingsToday([PANEL]), []);
    await room().openStartingMeetings();
    assert.deepEqual(
      posted.filter((d) => d.panelId === PANEL),
      [],
    );

    ports.clock.set(FRIDAY);
    const friday = await room().view(priya, PANEL, MEETING);
    assert.deepEqual(
      [friday.inProgress, friday.signedIn, friday.deciding.how],
      [true, false, "at-the-meeting"],
    );
    assert.equal(await room().namesHiddenFor(priya, PANEL, MEETING), true);
    // `sign in` typed to the bot offers the meeting held today, by its own id.
    assert.deepEqual(
      (await room().meetingsToday([PANEL])).map((m) => [m.meetingId, m.meetingDescription]),
      [[MEETING, "Friday 8 January 2027, 09:30 to 13:30"]],
    );
    await room().openStartingMeetings();
    assert.deepEqual(
      posted.filter((d) => d.panelId === PANEL).map((d) => d.meetingId),
      [MEETING],
    );
    const { first } = await signIn();
    assert.equal(first, true);
    assert.equal(await room().namesHiddenFor(priya, PANEL, MEETING), false);
    assert.equal((await room().view(priya, PANEL, MEETING)).signedIn, true);
  });

  it("the panel's cohort hides names on the Friday until sign-in, and not on the Thursday", async () => {
    const cohort = () => cohortDesk(ports).view(priya, PANEL, { list: "open" }, "test");
    ports.clock.set(THURSDAY);
    assert.equal((await cohort()).namesHidden, false);
    ports.clock.set(FRIDAY);
    assert.equal((await cohort()).namesHidden, true);
    await signIn();
    assert.equal((await cohort()).namesHidden, false);
  });

  it("on the Friday a decision is taken at the meeting; on the Thursday only a chairs' decision is", async () => {
    const decide = (input: object) =>
      caseDecisions(ports).decide(
        priya,
        "coordinator",
        PANEL,
        MEETING,
        child.subjectId,
        DecisionInput.parse(input),
        "none",
      );
    ports.clock.set(THURSDAY);
    await assert.rejects(
      decide({ kind: "continue", reviewDate: "2027-01-20" }),
      refusedWith(
        "not-meeting-day",
        "Decisions are recorded at the meeting, on its day: this meeting is on 8 January 2027. If the chairs have agreed this between meetings, record it as a chairs' decision outside the meeting.",
      ),
    );

    ports.clock.set(FRIDAY);
    await signIn();
    const saved = await decide({ kind: "continue", reviewDate: "2027-01-20" });
    assert.deepEqual([saved.kind, saved.taken?.how], ["continue", "at-the-meeting"]);
    // A chairs' decision is refused on the day the panel meets.
    await assert.rejects(
      decide({
        kind: "continue",
        reviewDate: "2027-01-20",
        chairsDecision: { chairId: tom.id, reason: "It cannot wait for the panel." },
      }),
      refusedWith("meeting-today"),
    );
  });

  it("notes are taken on the Friday, signed in; on the Thursday they are not open yet", async () => {
    const record = () => meetingRecord(ports);
    const note = (text: string) =>
      record().recordNote(
        priya,
        "coordinator",
        PANEL,
        MEETING,
        "item:multi-agency-discussion",
        NoteInput.parse({ text }),
        "none",
      );
    ports.clock.set(THURSDAY);
    assert.deepEqual((await record().notes(priya, "coordinator", PANEL, MEETING, "test")).window, {
      open: "closed",
      why: "Notes are taken at the meeting, on its day (8 January 2027).",
    });
    await assert.rejects(note("Police gave an update on the area."), refusedWith("notes-closed"));

    ports.clock.set(FRIDAY);
    await assert.rejects(note("Police gave an update on the area."), refusedWith("not-signed-in"));
    await signIn();
    const saved = await note("Police gave an update on the area.");
    assert.equal(saved.text, "Police gave an update on the area.");
    assert.deepEqual((await record().notes(priya, "coordinator", PANEL, MEETING, "test")).window, {
      open: "record",
      why: null,
    });
  });

  it("December's minutes are agreed at the moved meeting on the Friday, not on the Thursday", async () => {
    // Something was recorded at December's meeting, so it has minutes to agree.
    await ports.room.signIn({
      panelId: PANEL,
      meetingId: DECEMBER,
      personId: priya.id,
      name: priya.name,
      agencyId: "mer-csc",
      capacity: "member",
      agreedTo: "Information shared at this panel is confidential.",
      at: `${DECEMBER}T09:35:00.000Z`,
    });
    const record = () => meetingRecord(ports);
    ports.clock.set(THURSDAY);
    const thursday = await record().previousMinutes(priya, "coordinator", PANEL, MEETING);
    assert.deepEqual(
      [thursday.meetingId, thursday.canAgree, thursday.why],
      [
        DECEMBER,
        false,
        "The minutes of 3 December 2026 are agreed at this meeting, on its day (8 January 2027).",
      ],
    );
    await assert.rejects(
      record().agreePrevious(priya, "coordinator", PANEL, MEETING, { correction: "" }),
      refusedWith("not-meeting-day"),
    );

    ports.clock.set(FRIDAY);
    await signIn();
    const friday = await record().previousMinutes(priya, "coordinator", PANEL, MEETING);
    assert.deepEqual([friday.canAgree, friday.why], [true, null]);
    const status = await record().agreePrevious(priya, "coordinator", PANEL, MEETING, { correction: "" });
    assert.equal(status.state, "agreed");
  });

  it("on the Friday a case can still be brought to the meeting held that day; on the Saturday it has happened", async () => {
    const desk = agendaDesk(ports);
    const caseOn = async () =>
      (await ports.casework.case("merton", PANEL, child.subjectId))?.value.nextMeetingDate;
    ports.clock.set("2026-12-21T10:00:00Z");
    await desk.moveToMeeting(priya, PANEL, MEETING, child.subjectId, "2027-02-04", null);
    assert.equal(await caseOn(), "2027-02-04");

    ports.clock.set(FRIDAY);
    await desk.moveToMeeting(priya, PANEL, "2027-02-04", child.subjectId, MEETING, null);
    assert.equal(await caseOn(), MEETING);

    ports.clock.set("2027-01-09T10:00:00Z");
    await assert.rejects(
      desk.moveToMeeting(priya, PANEL, "2027-02-04", child.subjectId, MEETING, null),
      refusedWith("in-the-past"),
    );
  });
});
