import assert from "node:assert/strict";
import { cohortDesk } from "../../../bot/src/application/cohort/cohort-desk.js";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import type { SignInDetails } from "../../../bot/src/application/ports/channel-announcer.js";
import type { TeamsCalendar } from "../../../bot/src/application/ports/teams-calendar.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { demoActor } from "../../support/people.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";

// How far a Merton pre-MACE meeting can move, and two meetings held on one day, on fakes. The
// panel meets on the first Thursday of the month; its meetings are in Teams up to March 2027.

const PANEL = "merton-pre-mace";
const MARCH = "2027-03-04";
const priya = demoActor("Priya Okafor");

const calendarOf = (ports: FakePorts) =>
  seriesCalendar(
    ports,
    PANEL,
    priya,
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedLimits%40thread.v2/0",
  );

const refusedWith = (code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("A meeting moves only as far as its place in the series allows", () => {
  let ports: FakePorts;
  let calendar: TeamsCalendar;
  const move = async (meetingId: string, date: string, startTime = "09:30") => {
    const held = await ports.meetings.meeting(PANEL, meetingId);
    assert.ok(held);
    return meetingScheduler(ports).move(
      priya,
      PANEL,
      meetingId,
      { date, startTime, reason: "" },
      held.etag,
      calendar,
    );
  };

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    calendar = calendarOf(ports);
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-03-31" }, calendar);
  });

  it("the last meeting in Teams cannot move months away, and says what to do instead", async () => {
    await assert.rejects(
      move(MARCH, "2027-08-20"),
      refusedWith(
        "too-far",
        "A meeting can move at most 13 weeks from its usual date, 4 March 2027. To meet further away, cancel this meeting and bring its cases to the panel's next meeting.",
      ),
    );
    assert.equal((await ports.meetings.meeting(PANEL, MARCH))?.value.date, MARCH);
  });

  it("the last meeting in Teams stays before the rule's next meeting, not yet in Teams", async () => {
    await assert.rejects(
      move(MARCH, "2027-04-02"),
      refusedWith(
        "outside-its-place",
        "A meeting in a series can move only to a day after Thursday 4 February 2027 and before Thursday 1 April 2027. To meet outside that, cancel this meeting and use the next one.",
      ),
    );
    const moved = await move(MARCH, "2027-03-31");
    assert.equal(moved.date, "2027-03-31");
  });

  it("a meeting whose next one is cancelled stays before the one after", async () => {
    const february = await ports.meetings.meeting(PANEL, "2027-02-04");
    assert.ok(february);
    await meetingScheduler(ports).cancel(priya, PANEL, "2027-02-04", "Half term", february.etag, calendar);
    await assert.rejects(move("2027-01-07", "2027-03-05"), refusedWith("outside-its-place"));
    assert.equal((await move("2027-01-07", "2027-02-05")).date, "2027-02-05");
  });
});

describe("Two meetings held on one day are both that day's meetings", () => {
  let ports: FakePorts;
  let posted: SignInDetails[];
  const room = () =>
    meetingRoom({ ...ports, announcer: { signInOpened: (d) => Promise.resolve(posted.push(d) > 0) } });

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    posted = [];
    const calendar = calendarOf(ports);
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    // March's meeting is held in the afternoon of April's day.
    const march = await ports.meetings.meeting(PANEL, MARCH);
    assert.ok(march);
    await ports.meetings.replaceMeeting(
      {
        ...march.value,
        date: "2027-04-01",
        start: "2027-04-01T14:00:00+01:00",
        end: "2027-04-01T18:00:00+01:00",
        status: "moved",
      },
      march.etag,
      priya.name,
    );
  });

  it("the afternoon meeting's sign-in card is posted as it starts, and `sign in` offers both", async () => {
    ports.clock.set("2027-04-01T13:50:00Z");
    assert.deepEqual(
      (await room().meetingsToday([PANEL])).map((m) => [m.meetingId, m.meetingDescription]),
      [
        ["2027-04-01", "Thursday 1 April 2027, 09:30 to 13:30"],
        [MARCH, "Thursday 1 April 2027, 14:00 to 18:00"],
      ],
    );
    await room().openStartingMeetings();
    assert.deepEqual(
      posted.map((d) => d.meetingId),
      [MARCH],
    );
  });

  it("names wait on the panel's page until the person signs in to one of the day's meetings", async () => {
    ports.clock.set("2027-04-01T13:50:00Z");
    const cohort = () => cohortDesk(ports).view(priya, PANEL, { list: "open" }, "test");
    assert.equal((await cohort()).namesHidden, true);
    await room().signIn(priya, PANEL, MARCH, { agencyId: "mer-csc", capacity: "member", agreed: true });
    assert.equal((await cohort()).namesHidden, false);
  });
});

describe("The day's meetings are in the order they start, whatever the times' written form", () => {
  it("a meeting starting at 10:00, kept in UTC, comes after the 09:30 one", async () => {
    const ports = fakePorts("2026-12-20T12:00:00Z");
    await meetingScheduler(ports).schedule(
      priya,
      PANEL,
      { from: "2026-12-01", to: "2027-06-30" },
      calendarOf(ports),
    );
    const march = await ports.meetings.meeting(PANEL, MARCH);
    assert.ok(march);
    await ports.meetings.replaceMeeting(
      {
        ...march.value,
        date: "2027-04-01",
        start: "2027-04-01T09:00:00Z",
        end: "2027-04-01T12:00:00Z",
        status: "moved",
      },
      march.etag,
      priya.name,
    );
    ports.clock.set("2027-04-01T07:00:00Z");
    assert.deepEqual(
      (await meetingRoom(ports).meetingsToday([PANEL])).map((m) => m.meetingId),
      ["2027-04-01", MARCH],
    );
  });
});
