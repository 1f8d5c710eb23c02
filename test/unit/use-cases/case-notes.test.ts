import assert from "node:assert/strict";
import { runRetention } from "../../../bot/src/application/retention/retention-run.js";
import type { Catalogue } from "../../../bot/src/domain/catalogue/catalogue.js";
import { NoteInput } from "../../../bot/src/domain/minutes/record.js";
import type { RetentionPolicy } from "../../../bot/src/domain/retention/retention-policy.js";
import { decide, PANEL, referAndAccept, removal, type MadeCase } from "../../support/closed-cases.js";
import { fakePorts, historyDesk, meetingRecord, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor, PEOPLE } from "../../support/people.js";

// A case's notes seen from its subject, on fakes: the coordinator notes Robin's discussion at the
// January 2027 pre-MACE and corrects it the day after; Robin's case history shows the note before
// the decision, the subject access export lists it, and when Merton's retention period has passed
// the note goes with Robin's record, or keeps its place with its words replaced.

const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const hannah = demoActor("Hannah Reyes");
const ines = demoActor("Ines Dalgaard");
const chair = { id: PEOPLE.mertonChair.id, name: PEOPLE.mertonChair.displayName };
const NOTE = "Robin was seen with older boys at the station twice; school attendance is falling.";
const CORRECTED = "Robin was seen with older boys at the station three times; attendance is falling.";

const withPolicy = (catalogue: Catalogue, retention: RetentionPolicy): Catalogue => ({
  ...catalogue,
  areas: catalogue.areas.map((a) => (a.id === "merton" ? { ...a, retention } : a)),
});

describe("Notes of a case's discussion in its subject's record", () => {
  let ports: FakePorts;
  let robin: MadeCase;

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    robin = await referAndAccept(ports, "Robin Invented-Hale", "2026-12-20");
    await signInToMeeting(ports, priya, PANEL, robin.meeting);
    const record = meetingRecord(ports);
    const first = await record.recordNote(
      priya,
      "coordinator",
      PANEL,
      robin.meeting,
      `case:${robin.subjectId}`,
      NoteInput.parse({ text: NOTE }),
      "none",
    );
    await decide(ports, robin, removal);
    ports.clock.set("2027-01-08T09:00:00Z");
    await record.recordNote(
      priya,
      "coordinator",
      PANEL,
      robin.meeting,
      `case:${robin.subjectId}`,
      NoteInput.parse({ text: CORRECTED }),
      first.version,
    );
  });

  it("keeps each note under its subject as it is saved, a correction replacing it", async () => {
    const notes = await ports.casework.subjectNotes("merton", robin.subjectId);
    assert.deepEqual(
      notes.map((n) => [n.panelId, n.meetingId, n.reference, n.text, n.recordedByName, n.corrections]),
      [[PANEL, "2027-01-07", robin.reference, CORRECTED, "Priya Okafor", 1]],
    );
  });

  it("shows the coordinator the draft note in the case history before the decision, and audits the view naming the case", async () => {
    const seen = await historyDesk(ports).view(priya, "merton", robin.subjectId, "test");
    assert.deepEqual(
      seen.entries.filter((e) => e.at.startsWith("2027-01")).map((e) => [e.at.slice(0, 16), e.kind]),
      [
        ["2027-01-07T10:00", "note"],
        ["2027-01-07T10:00", "decision"],
        ["2027-01-07T10:00", "action"],
        ["2027-01-07T10:00", "case-closed"],
      ],
    );
    const note = seen.entries.find((e) => e.kind === "note");
    assert.deepEqual(
      [note?.title, note?.by, note?.reference, note?.details],
      [
        "Note of the discussion at the meeting on 7 January 2027",
        "Priya Okafor",
        robin.reference,
        [
          { label: "Note", text: CORRECTED },
          { label: "Corrected", text: "1 time after the meeting" },
        ],
      ],
    );
    const viewed = ports.casework.auditOf("merton").filter((a) => a.action === "history.viewed");
    assert.deepEqual(
      viewed.map((a) => [a.actorId, a.subjectId, a.shown?.includes(robin.reference)]),
      [[priya.id, robin.subjectId, true]],
    );
  });

  it("keeps a draft note from a member the day after the meeting: not in the case history, and the meeting's notes refused in words", async () => {
    const seen = await historyDesk(ports).view(hannah, "merton", robin.subjectId, "test");
    assert.deepEqual(
      seen.entries.filter((e) => e.at.startsWith("2027-01")).map((e) => e.kind),
      ["decision", "action", "case-closed"],
    );
    const viewed = ports.casework.auditOf("merton").filter((a) => a.action === "history.viewed");
    assert.equal(viewed[0]?.shown?.includes(robin.reference), true, "the decision still names the case");
    await assert.rejects(
      meetingRecord(ports).notes(hannah, "member", PANEL, robin.meeting, "test"),
      (e: Error & { code?: string }) =>
        e.code === "notes-awaiting-agreement" &&
        e.message ===
          "These notes are part of the draft minutes: until the panel agrees them at its next meeting, only its coordinators and chairs read them. Read them in the minutes once they are agreed.",
    );
    const notes = await meetingRecord(ports).notes(chair, "chair", PANEL, robin.meeting, "test");
    assert.deepEqual(
      notes.notes.map((n) => n.text),
      [CORRECTED],
      "a chair reads the draft",
    );
  });

  it("shows a member the note on the meeting's day once they have signed in to it, having heard the discussion", async () => {
    ports.clock.set("2027-01-07T15:00:00Z");
    const before = await historyDesk(ports).view(hannah, "merton", robin.subjectId, "test");
    assert.equal(
      before.entries.some((e) => e.kind === "note"),
      false,
    );
    await signInToMeeting(ports, hannah, PANEL, robin.meeting);
    const after = await historyDesk(ports).view(hannah, "merton", robin.subjectId, "test");
    assert.deepEqual(
      after.entries.filter((e) => e.kind === "note").map((e) => e.details?.[0]?.text),
      [CORRECTED],
    );
  });

  it("refuses a note on Robin's case at February's meeting, where his closed case is not on the agenda, and keeps nothing of it", async () => {
    ports.clock.set("2027-02-04T10:00:00Z");
    await signInToMeeting(ports, priya, PANEL, "2027-02-04");
    await assert.rejects(
      meetingRecord(ports).recordNote(
        priya,
        "coordinator",
        PANEL,
        "2027-02-04",
        `case:${robin.subjectId}`,
        NoteInput.parse({ text: "Robin was seen again at the station." }),
        "none",
      ),
      (e: Error & { code?: string }) =>
        e.code === "not-on-agenda" &&
        e.message ===
          "That case is not on this meeting's agenda and was not decided at it. Note its discussion at the meeting that discusses it.",
    );
    assert.deepEqual(await ports.minutesRecord.notes(PANEL, "2027-02-04"), []);
    assert.deepEqual(
      (await ports.casework.subjectNotes("merton", robin.subjectId)).map((n) => n.meetingId),
      ["2027-01-07"],
    );
  });

  it("lists the note in the subject access export: meeting, item, text, who and when", async () => {
    const held = await historyDesk(ports).exportForSubjectAccess(ines, "merton", robin.subjectId, "test");
    assert.deepEqual(held.notes, [
      {
        panelName: "Pre-MACE operational panel",
        meetingDate: "2027-01-07",
        item: `Case ${robin.reference}`,
        text: CORRECTED,
        recordedBy: "Priya Okafor",
        at: "2027-01-08T09:00:00.000Z",
        corrections: 1,
      },
    ]);
  });

  it("goes with the record when retention deletes it", async () => {
    ports.clock.set("2034-01-10T09:00:00Z");
    const report = await runRetention(ports, {
      areaId: "merton",
      dryRun: false,
      actorId: "retention",
      via: "test",
    });
    assert.deepEqual(report.areas[0]?.done, [robin.reference]);
    assert.deepEqual(await ports.casework.subjectNotes("merton", robin.subjectId), []);
    assert.deepEqual(await ports.minutesRecord.notes(PANEL, robin.meeting), [], "nor in the meeting's notes");
  });

  it("keeps its place with its words replaced when retention anonymises the record, once", async () => {
    ports.clock.set("2034-01-10T09:00:00Z");
    const catalogue = withPolicy(ports.catalogue, { closedCasesKeptFor: { years: 6 }, then: "anonymise" });
    const options = { areaId: "merton", dryRun: false, actorId: "retention", via: "test" };
    await runRetention({ ...ports, catalogue }, options);
    const [note] = await ports.casework.subjectNotes("merton", robin.subjectId);
    assert.deepEqual(
      [note?.text, note?.meetingId, note?.reference, note?.recordedByName],
      ["Anonymised", "2027-01-07", robin.reference, "Priya Okafor"],
    );
    assert.deepEqual(
      (await ports.minutesRecord.notes(PANEL, robin.meeting)).map((n) => n.value.text),
      ["Anonymised"],
      "the meeting's note reads the same",
    );
    ports.casework.calls.reset();
    await runRetention({ ...ports, catalogue }, options);
    assert.equal(ports.casework.calls.of("commit"), 0, "nothing is written the second time");
  });
});

describe("Notes of an open case's discussion and its presenter", () => {
  it("shows the case's presenter no note in the case history: the notes are for the panel's members", async () => {
    const ports = fakePorts("2026-12-20T12:00:00Z");
    const robin = await referAndAccept(ports, "Robin Invented-Hale", "2026-12-20");
    await signInToMeeting(ports, priya, PANEL, robin.meeting);
    await meetingRecord(ports).recordNote(
      priya,
      "coordinator",
      PANEL,
      robin.meeting,
      `case:${robin.subjectId}`,
      NoteInput.parse({ text: NOTE }),
      "none",
    );
    const coordinator = await historyDesk(ports).view(priya, "merton", robin.subjectId, "test");
    assert.equal(coordinator.entries.filter((e) => e.kind === "note").length, 1);
    const seen = await historyDesk(ports).view(grace, "merton", robin.subjectId, "test");
    assert.ok(
      seen.entries.some((e) => e.kind === "action"),
      "the presenter sees the case's history",
    );
    assert.ok(!seen.entries.some((e) => e.kind === "note"));
    assert.ok(!JSON.stringify(seen).includes("older boys"));
  });
});
