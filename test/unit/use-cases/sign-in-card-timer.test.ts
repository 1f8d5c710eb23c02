import assert from "node:assert/strict";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import { heldTodayCache, type HeldTodayCache } from "../../../bot/src/application/panels/held-today.js";
import type { SignInDetails } from "../../../bot/src/application/ports/channel-announcer.js";
import type { TeamsCalendar } from "../../../bot/src/application/ports/teams-calendar.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";

// The sign-in card's timer ticks all day on every instance. Each panel's meetings held today are
// read once and kept a few minutes: a meeting moved on this instance is read afresh at the next
// tick, and one moved on another instance within a few minutes. Merton pre-MACE's 7 January
// meeting (09:30, its card from 09:15) is moved to the afternoon on the morning of the meeting.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");

describe("The sign-in card's timer reads each panel's meetings today once, and a move afresh", () => {
  let ports: FakePorts;
  let calendar: TeamsCalendar;
  let kept: HeldTodayCache;
  let posted: SignInDetails[];
  const at = (time: string) => ports.clock.set(`${MEETING}T${time}:00Z`);
  const tick = () =>
    meetingRoom({
      ...ports,
      heldToday: kept,
      announcer: { signInOpened: (d) => Promise.resolve(posted.push(d) > 0) },
    }).openStartingMeetings();
  const toAfternoon = async (heldToday?: HeldTodayCache) => {
    const held = await ports.meetings.meeting(PANEL, MEETING);
    assert.ok(held);
    await meetingScheduler({ ...ports, heldToday }).move(
      priya,
      PANEL,
      MEETING,
      { date: MEETING, startTime: "14:00", reason: "The room is taken in the morning" },
      held.etag,
      calendar,
    );
  };
  const postedHere = () => posted.filter((d) => d.panelId === PANEL).map((d) => d.meetingId);

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    calendar = seriesCalendar(
      ports,
      PANEL,
      priya,
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedTimer%40thread.v2/0",
    );
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    kept = heldTodayCache();
    posted = [];
  });

  it("a second tick minutes later reads no meetings again, and the card is posted as the meeting starts", async () => {
    at("09:12");
    await tick();
    ports.meetings.calls.reset();
    at("09:16");
    await tick();
    assert.equal(ports.meetings.calls.of("between"), 0);
    assert.deepEqual(postedHere(), [MEETING]);
  });

  it("a meeting moved to the afternoon on this instance is not opened at its old time", async () => {
    at("09:14");
    await tick();
    await toAfternoon(kept);
    at("09:16");
    await tick();
    assert.deepEqual(postedHere(), []);
    at("13:46");
    await tick();
    assert.deepEqual(postedHere(), [MEETING]);
  });

  it("a meeting moved on another instance is seen within five minutes", async () => {
    at("09:10");
    await tick();
    await toAfternoon();
    at("09:16");
    await tick();
    assert.deepEqual(postedHere(), []);
  });
});
