import assert from "node:assert/strict";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { registerDesk } from "../../../bot/src/application/strategic/register-desk.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";

// What lists a panel's meetings shows a moved one by the day it is held, on fakes, as the
// commands on those meetings go by that day too: the strategic MACE's forward plan and the
// meetings a review is recorded at, and each panel's coming meetings.

const STRATEGIC = "merton-strategic-mace";
const PRE_MACE = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");

async function scheduleAndMove(ports: FakePorts, panelId: string, meetingId: string, date: string) {
  const calendar = seriesCalendar(
    ports,
    panelId,
    priya,
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedLists%40thread.v2/0",
  );
  const scheduler = meetingScheduler(ports);
  await scheduler.schedule(priya, panelId, { from: "2026-11-01", to: "2027-06-30" }, calendar);
  const held = await ports.meetings.meeting(panelId, meetingId);
  assert.ok(held);
  await scheduler.move(
    priya,
    panelId,
    meetingId,
    { date, startTime: "10:00", reason: "" },
    held.etag,
    calendar,
  );
}

describe("Lists of a panel's meetings show a moved one on the day it is held", () => {
  it("the forward plan offers November's strategic meeting, moved to 14 December, and it can be planned", async () => {
    const ports = fakePorts("2026-11-10T10:00:00Z");
    await scheduleAndMove(ports, STRATEGIC, "2026-11-19", "2026-12-14");
    ports.clock.set("2026-12-10T10:00:00Z");
    const register = registerDesk(ports);
    const page = await register.view(hannah, STRATEGIC, undefined);
    assert.deepEqual(
      page.forwardPlan.slice(0, 2).map((p) => [p.meetingId, p.description]),
      [
        ["2026-11-19", "Monday 14 December 2026, 10:00 to 12:00"],
        ["2026-12-17", "Thursday 17 December 2026, 10:00 to 12:00"],
      ],
    );
    const topic = {
      id: "b7c6f1d2-0d3e-4f55-9a1b-2c3d4e5f6a7b",
      title: "Knife crime",
      lead: "Police",
      reportRequested: false,
    };
    const plan = await register.planMeeting(priya, STRATEGIC, "2026-11-19", [topic], "none", "test");
    assert.deepEqual(plan.topics, [topic]);
    assert.deepEqual((await register.view(hannah, STRATEGIC, undefined)).forwardPlan[0]?.topics, [topic]);
  });

  it("after 14 December, the moved meeting is the latest a review is recorded at, and no longer planned", async () => {
    const ports = fakePorts("2026-11-10T10:00:00Z");
    await scheduleAndMove(ports, STRATEGIC, "2026-11-19", "2026-12-14");
    ports.clock.set("2026-12-15T10:00:00Z");
    const page = await registerDesk(ports).view(hannah, STRATEGIC, undefined);
    assert.deepEqual(page.reviewMeetings[0], {
      id: "2026-11-19",
      description: "Monday 14 December 2026, 10:00 to 12:00",
    });
    assert.equal(page.forwardPlan[0]?.meetingId, "2026-12-17");
  });

  it("a panel's next meeting is the January one moved to 12 January, after its usual date has passed", async () => {
    const ports = fakePorts("2026-12-20T10:00:00Z");
    await scheduleAndMove(ports, PRE_MACE, "2027-01-07", "2027-01-12");
    ports.clock.set("2027-01-08T10:00:00Z");
    const [next] = await meetingRoom(ports).comingMeetings(PRE_MACE, 1);
    assert.deepEqual([next?.id, next?.date], ["2027-01-07", "2027-01-12"]);
  });
});
