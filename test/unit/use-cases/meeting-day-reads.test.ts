import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import { meetingScheduler } from "../../../bot/src/application/scheduling/meeting-scheduler.js";
import { NoteInput } from "../../../bot/src/domain/minutes/record.js";
import { fakePorts, meetingRecord, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { seriesCalendar } from "../../support/meeting-calendar.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// What the meeting's page and its notes read while a Merton pre-MACE meeting runs, on fakes: the
// page is polled every few seconds by everyone at the meeting, so on the meeting's day it reads
// the meeting's own record and nothing of the panel's other meetings.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

describe("On the meeting's day its page and notes read only the meeting itself", () => {
  let ports: FakePorts;
  const room = () => meetingRoom(ports);

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    const calendar = seriesCalendar(
      ports,
      PANEL,
      priya,
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_InventedReads%40thread.v2/0",
    );
    await meetingScheduler(ports).schedule(priya, PANEL, { from: "2026-12-01", to: "2027-06-30" }, calendar);
    ports.clock.set("2027-01-07T10:00:00Z");
    await room().signIn(priya, PANEL, MEETING, { agencyId: "mer-csc", capacity: "member", agreed: true });
    ports.meetings.calls.reset();
  });

  it("the meeting's page, polled, reads its record once and no range of meetings", async () => {
    const view = await room().view(priya, PANEL, MEETING);
    assert.deepEqual([view.inProgress, view.deciding.how], [true, "at-the-meeting"]);
    assert.deepEqual([ports.meetings.calls.of("meeting"), ports.meetings.calls.of("between")], [1, 0]);
  });

  it("a case's note saved at the meeting reads the meeting's record once and no range of meetings", async () => {
    ports.clock.set("2026-12-20T12:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Sky Invented-Reads"),
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
    ports.clock.set("2027-01-07T10:00:00Z");
    ports.meetings.calls.reset();
    const saved = await meetingRecord(ports).recordNote(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      `case:${accepted.subjectId ?? ""}`,
      NoteInput.parse({ text: "The school reported better attendance." }),
      "none",
    );
    assert.deepEqual(
      [saved.itemKey, saved.text],
      [`case:${accepted.subjectId ?? ""}`, "The school reported better attendance."],
    );
    assert.deepEqual([ports.meetings.calls.of("meeting"), ports.meetings.calls.of("between")], [1, 0]);
  });

  it("the day before, the page names the next meeting a chairs' decision is recorded on", async () => {
    ports.clock.set("2027-01-06T10:00:00Z");
    const view = await room().view(priya, PANEL, MEETING);
    assert.deepEqual([view.inProgress, view.deciding.how], [false, "chairs-decision"]);
  });
});
