import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { cohortDesk } from "../../../bot/src/application/cohort/cohort-desk.js";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import type { TeamsCalendar } from "../../../bot/src/application/ports/teams-calendar.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { NoteInput } from "../../../bot/src/domain/minutes/record.js";
import {
  caseDecisions,
  fakePorts,
  meetingRecord,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { refusal, seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// A Merton pre-MACE meeting the coordinator cancelled (7 January 2027), on fakes: on its day
// nothing opens for it, and each refusal says what to do instead. And the minutes of a meeting
// moved from 7 to 8 January are named by the day it was held.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const ON_THE_DAY = "2027-01-07T10:00:00Z";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

describe("A cancelled meeting is not held on its day", () => {
  let ports: FakePorts;
  let calendar: TeamsCalendar;
  const room = () => meetingRoom(ports);

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    calendar = seriesCalendar(
      ports,
      PANEL,
      priya,
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedCancelled%40thread.v2/0",
    );
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    const held = await ports.meetings.meeting(PANEL, MEETING);
    assert.ok(held);
    await meetingScheduler(ports).cancel(priya, PANEL, MEETING, "Too few cases", held.etag, calendar);
  });

  it("sign-in does not open, and the meeting's page and the panel's cohort are not the meeting's", async () => {
    ports.clock.set(ON_THE_DAY);
    await assert.rejects(
      room().signIn(priya, PANEL, MEETING, { agencyId: "mer-csc", capacity: "member", agreed: true }),
      refusal(
        "meeting-cancelled",
        /^This meeting was cancelled, so sign-in does not open for it\. Sign in to the panel's next meeting\.$/,
      ),
    );
    await assert.rejects(
      room().openSignIn(priya, "coordinator", PANEL, MEETING),
      refusal("meeting-cancelled"),
    );
    const view = await room().view(priya, PANEL, MEETING);
    assert.deepEqual(
      [view.inProgress, view.deciding.how, view.deciding.why],
      [
        false,
        "closed",
        "This meeting was cancelled, so no decision is recorded against it. Record it at the panel's next meeting or, if it cannot wait, as a chairs' decision on that meeting.",
      ],
    );
    assert.equal(await room().namesHiddenFor(priya, PANEL, MEETING), false);
    assert.equal((await cohortDesk(ports).view(priya, PANEL, { list: "open" }, "test")).namesHidden, false);
  });

  it("no decision or note is recorded against it", async () => {
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Ash Invented-Cancelled"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    ports.clock.set(ON_THE_DAY);
    await assert.rejects(
      caseDecisions(ports).decide(
        priya,
        "coordinator",
        PANEL,
        MEETING,
        accepted.subjectId ?? "",
        DecisionInput.parse({ kind: "continue", reviewDate: "2027-01-20" }),
        "none",
      ),
      refusal("meeting-cancelled", /^This meeting was cancelled, so no decision is recorded against it\./),
    );
    const record = meetingRecord(ports);
    assert.deepEqual((await record.notes(priya, "coordinator", PANEL, MEETING, "test")).window, {
      open: "closed",
      why: "This meeting was cancelled, so no notes are taken for it. Note the discussion at the panel's next meeting.",
    });
    await assert.rejects(
      record.recordNote(
        priya,
        "coordinator",
        PANEL,
        MEETING,
        "item:multi-agency-discussion",
        NoteInput.parse({ text: "Police gave an update on the area." }),
        "none",
      ),
      refusal("meeting-cancelled"),
    );
  });
});

describe("The minutes of a moved meeting are named by the day it was held", () => {
  it("February's meeting agrees the minutes of 8 January, where the 7 January meeting was held", async () => {
    const ports = fakePorts("2026-12-20T12:00:00Z");
    const calendar = seriesCalendar(
      ports,
      PANEL,
      priya,
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedMinutes%40thread.v2/0",
    );
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    const held = await ports.meetings.meeting(PANEL, MEETING);
    assert.ok(held);
    await meetingScheduler(ports).move(
      priya,
      PANEL,
      MEETING,
      { date: "2027-01-08", startTime: "09:30", reason: "" },
      held.etag,
      calendar,
    );
    ports.clock.set("2027-01-08T10:00:00Z");
    await meetingRoom(ports).signIn(priya, PANEL, MEETING, {
      agencyId: "mer-csc",
      capacity: "member",
      agreed: true,
    });
    ports.clock.set("2027-02-01T10:00:00Z");
    const previous = await meetingRecord(ports).previousMinutes(priya, "coordinator", PANEL, "2027-02-04");
    assert.deepEqual(
      [previous.meetingId, previous.meetingDescription, previous.why],
      [
        MEETING,
        "Friday 8 January 2027, 09:30 to 13:30",
        "The minutes of 8 January 2027 are agreed at this meeting, on its day (4 February 2027).",
      ],
    );
  });
});
