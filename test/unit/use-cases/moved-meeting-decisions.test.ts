import assert from "node:assert/strict";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";
import { referredAndAccepted } from "../../support/referrals.js";

// Where a decision sends a case when a Merton pre-MACE meeting has moved, on fakes: the 7 January
// meeting is held on Tuesday 12 January, so the meeting after 8 January is that one.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const grace = demoActor("Grace Mensah");

describe("A decision sends a case to the meeting held next, moved or not", () => {
  let ports: FakePorts;
  let subjectId: string;

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    const calendar = seriesCalendar(
      ports,
      PANEL,
      priya,
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedDecisions%40thread.v2/0",
    );
    const scheduler = meetingScheduler(ports);
    await scheduler.schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    const held = await ports.meetings.meeting(PANEL, MEETING);
    assert.ok(held);
    await scheduler.move(
      priya,
      PANEL,
      MEETING,
      { date: "2027-01-12", startTime: "09:30", reason: "" },
      held.etag,
      calendar,
    );
    subjectId = (await referredAndAccepted(referralDesk(ports), grace, "Jo Invented-Held")).subjectId;
  });

  it("a chairs' decision on 8 January reviews the case at the meeting held on 12 January", async () => {
    ports.clock.set("2027-01-08T10:00:00Z");
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      subjectId,
      DecisionInput.parse({
        kind: "continue",
        reviewDate: "2027-01-09",
        chairsDecision: { chairId: tom.id, reason: "The school asked for a plan before the meeting." },
      }),
      "none",
    );
    assert.equal((await ports.casework.case("merton", PANEL, subjectId))?.value.nextMeetingDate, MEETING);
  });

  it("a cancelled meeting is not one a case is sent to", async () => {
    const february = await ports.meetings.meeting(PANEL, "2027-02-04");
    assert.ok(february);
    await ports.meetings.replaceMeeting(
      { ...february.value, status: "cancelled" },
      february.etag,
      priya.name,
    );
    ports.clock.set("2027-01-08T10:00:00Z");
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      subjectId,
      DecisionInput.parse({
        kind: "continue",
        reviewDate: "2027-01-20",
        chairsDecision: { chairId: tom.id, reason: "The school asked for a plan before the meeting." },
      }),
      "none",
    );
    assert.equal(
      (await ports.casework.case("merton", PANEL, subjectId))?.value.nextMeetingDate,
      "2027-03-04",
    );
  });
});
