import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { NoteInput } from "../../../bot/src/domain/minutes/record.js";
import type { PanelRole } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  caseDecisions,
  fakePorts,
  meetingRecord,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// The meeting's record, on fakes: the coordinator signed in to the January meeting notes the
// discussion of a case and of the agency updates; the minutes hold the notes in agenda order as a
// draft, which only coordinators and chairs read and nobody exports; at the February meeting the
// coordinator records January's minutes as agreed, and from then they are read by the members and
// exported. Lambeth MAVE's minutes also wait for a chair's agreement before they go to the agencies.

const PANEL = "merton-pre-mace";
const JANUARY = "2027-01-07";
const FEBRUARY = "2027-02-04";
const MARCH = "2027-03-04";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const hannah = demoActor("Hannah Reyes");
const grace = demoActor("Grace Mensah");

const refusedWith = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("The meeting's record: notes of the discussion and agreed minutes", () => {
  let ports: FakePorts;
  let child: { subjectId: string; reference: string };

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Robin Invented-Hale"),
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
    child = { subjectId: accepted.subjectId ?? "", reference: accepted.reference };
  });

  const record = () => meetingRecord(ports);
  const note = (
    itemKey: string,
    text: string,
    version = "none",
    meetingId = JANUARY,
    actor = priya,
    role: PanelRole = "coordinator",
  ) => record().recordNote(actor, role, PANEL, meetingId, itemKey, NoteInput.parse({ text }), version);
  const minutes = (actor = priya, role: PanelRole = "coordinator", meetingId = JANUARY, exporting = false) =>
    caseDecisions(ports).minutes(actor, role, PANEL, meetingId, "test", exporting);
  const audited = (action: string) => ports.casework.auditOf("merton").filter((a) => a.action === action);

  it("at the meeting, a signed-in coordinator notes a case and the multi-agency discussion; the draft minutes hold them in agenda order", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await assert.rejects(
      note(`case:${child.subjectId}`, "Worries about the new peer group."),
      refusedWith(
        "not-now",
        "not-signed-in",
        "Sign in to the meeting first: its notes are taken by a coordinator signed in to it.",
      ),
    );
    await assert.rejects(
      note("item:multi-agency-discussion", "x", "none", JANUARY, hannah, "member"),
      refusedWith("not-allowed", "not-coordinator"),
    );
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    const onCase = await note(
      `case:${child.subjectId}`,
      "Worries about the new peer group; school attendance is up.",
    );
    await note("item:multi-agency-discussion", "Police report more county lines activity near the station.");
    await assert.rejects(note("item:no-such-item", "x"), refusedWith("not-found", "unknown-item"));
    const recorded = audited("note.recorded").map((a) => [a.subjectId, a.reference]);
    assert.deepEqual(
      recorded.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      [
        [child.subjectId, child.reference],
        [null, `note ${JANUARY}`],
      ],
    );

    // A save made on the version read before the last change is refused, naming who changed it.
    await note(
      `case:${child.subjectId}`,
      "Worries about the new peer group; attendance is up to 90%.",
      onCase.version,
    );
    await assert.rejects(
      note(`case:${child.subjectId}`, "An older reading.", onCase.version),
      refusedWith(
        "conflict",
        "changed-by-someone-else",
        "This note was changed by Priya Okafor at 10:00. Reload to see it before saving.",
      ),
    );

    const draft = await minutes();
    const caseItem = draft.items.find((i) => i.reference === child.reference);
    const discussed = draft.discussion.find((d) => d.id === "multi-agency-discussion");
    assert.equal(caseItem?.note, "Worries about the new peer group; attendance is up to 90%.");
    assert.equal(discussed?.note, "Police report more county lines activity near the station.");
    // Multi-agency discussion comes before the case sections on Merton's agenda.
    assert.ok((discussed?.position ?? 99) < (caseItem?.position ?? -1));
    assert.deepEqual(
      [draft.status.state, draft.status.words, draft.status.exportable],
      ["draft", "Draft: awaiting agreement at the panel's next meeting, on 4 February 2027.", false],
    );
    // The read of the case's note is audited, naming the case.
    assert.deepEqual(audited("minutes.viewed").at(-1)?.shown, [child.reference]);
    const notes = await record().notes(priya, "coordinator", PANEL, JANUARY, "test");
    assert.equal(notes.notes.length, 2);
    assert.deepEqual(audited("notes.viewed").at(-1)?.shown, [child.reference]);
  });

  it("a fixed item's note naming a child on the panel, or holding a postcode, is refused beside it and nothing is saved; the child's own note may name her", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    const named = `This looks like the name of the subject of ${child.reference}. It goes to every agency with the minutes and is not kept with the child's record, so nothing was saved: refer to a case by its reference (${child.reference}), and write about the child in the note on their own case.`;
    await assert.rejects(
      note("item:any-other-business", "Robin Invented-Hale was seen at the station again."),
      (e) => {
        refusedWith("invalid", "identifying-detail", named)(e);
        assert.deepEqual((e as Refusal).detail.fields, [{ field: "text", message: named }]);
        return true;
      },
    );
    // In another case and with a possessive, it is her name still.
    await assert.rejects(
      note("item:multi-agency-discussion", "Police spoke to ROBIN INVENTED-HALE's mother."),
      refusedWith("invalid", "identifying-detail"),
    );
    await assert.rejects(
      note("item:multi-agency-discussion", "A new address, SM4 5ZZ, is linked to the group."),
      refusedWith(
        "invalid",
        "identifying-detail",
        "This looks like a postcode. It goes to every agency with the minutes and is not kept with the child's record, so nothing was saved: refer to a case by its reference, and write about the child in the note on their own case.",
      ),
    );
    assert.deepEqual(
      [
        (await record().notes(priya, "coordinator", PANEL, JANUARY, "test")).notes.length,
        audited("note.recorded").length,
      ],
      [0, 0],
    );
    await note("item:any-other-business", `${child.reference} was seen at the station again.`);
    await note(
      `case:${child.subjectId}`,
      "Robin was seen at the station again; Robin Invented-Hale's plan is reviewed.",
    );
    assert.equal(audited("note.recorded").length, 2);
  });

  it("before sign-in on the day notes are not shown; draft minutes are for coordinators and chairs, and none is exported", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    await note(`case:${child.subjectId}`, "Worries about the new peer group.");
    assert.deepEqual((await record().notes(tom, "chair", PANEL, JANUARY, "test")).notes, []);
    assert.equal(
      (await minutes(tom, "chair")).items.find((i) => i.reference === child.reference)?.note,
      null,
    );

    await assert.rejects(
      minutes(hannah, "member"),
      refusedWith(
        "not-now",
        "minutes-awaiting-agreement",
        "These minutes are awaiting agreement at the panel's next meeting, on 4 February 2027. Until then only the panel's coordinators and chairs read the draft.",
      ),
    );
    await assert.rejects(
      minutes(priya, "coordinator", JANUARY, true),
      refusedWith(
        "not-now",
        "minutes-not-agreed",
        "Only agreed minutes can be exported for the agencies. Draft: awaiting agreement at the panel's next meeting, on 4 February 2027.",
      ),
    );
  });

  it("after the meeting a note is corrected, not newly taken, until February agrees the minutes; then nothing changes", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    const first = await note(`case:${child.subjectId}`, "Worries about the new peer group.");

    ports.clock.set("2027-01-12T09:00:00Z");
    const corrected = await note(
      `case:${child.subjectId}`,
      "Worries about the new peer group at the youth club.",
      first.version,
    );
    assert.equal(corrected.corrections, 1);
    assert.deepEqual(
      audited("note.corrected").map((a) => a.reference),
      [child.reference],
    );
    await assert.rejects(
      note("item:any-other-business", "Something new."),
      refusedWith("not-now", "notes-closed"),
    );

    // Not agreed before February's meeting, nor by anyone but a signed-in coordinator on its day.
    const agree = (actor = priya, role: PanelRole = "coordinator", correction = "") =>
      record().agreePrevious(actor, role, PANEL, FEBRUARY, { correction });
    await assert.rejects(
      agree(),
      refusedWith(
        "not-now",
        "not-meeting-day",
        "The minutes of 7 January 2027 are agreed at this meeting, on its day (4 February 2027).",
      ),
    );
    ports.clock.set(`${FEBRUARY}T10:00:00Z`);
    await assert.rejects(agree(tom, "chair"), refusedWith("not-allowed", "not-coordinator"));
    await assert.rejects(agree(), refusedWith("not-now", "not-signed-in"));
    const before = await record().previousMinutes(priya, "coordinator", PANEL, FEBRUARY);
    assert.deepEqual([before.meetingId, before.status?.state, before.canAgree], [JANUARY, "draft", true]);

    await signInToMeeting(ports, priya, PANEL, FEBRUARY);
    await assert.rejects(
      agree(priya, "coordinator", "Robin Invented-Hale's school is Oakfield, not Elmwood."),
      refusedWith("invalid", "identifying-detail"),
    );
    const status = await agree(priya, "coordinator", "The youth club is the one on Invented Road.");
    assert.deepEqual(
      [status.state, status.words, status.exportable],
      [
        "agreed",
        "Agreed at the meeting on 4 February 2027, recorded by Priya Okafor. Correction noted: The youth club is the one on Invented Road.",
        true,
      ],
    );
    assert.deepEqual(
      audited("minutes.agreed").map((a) => a.reference),
      [`minutes ${JANUARY}`],
    );
    await assert.rejects(agree(), refusedWith("not-now", "already-agreed"));
    await assert.rejects(
      note(`case:${child.subjectId}`, "Too late.", corrected.version),
      refusedWith("not-now", "notes-closed"),
    );

    // Agreed, they are the members' to read and to export for the agencies.
    const agreed = await minutes(hannah, "member", JANUARY, true);
    assert.equal(agreed.status.state, "agreed");
    assert.equal(
      agreed.items.find((i) => i.reference === child.reference)?.note,
      "Worries about the new peer group at the youth club.",
    );
    const shown = await record().previousMinutes(hannah, "member", PANEL, FEBRUARY);
    assert.deepEqual([shown.status?.state, shown.canAgree], ["agreed", false]);

    // The correction can name people: not before sign-in on the meeting's day, nor for presenters.
    const withoutCorrection = "Agreed at the meeting on 4 February 2027, recorded by Priya Okafor.";
    assert.equal(shown.status?.words, withoutCorrection);
    const presenter = await record().previousMinutes(grace, "presenter", PANEL, FEBRUARY);
    assert.equal(presenter.status?.words, withoutCorrection);
    await signInToMeeting(ports, hannah, PANEL, FEBRUARY);
    const signedIn = await record().previousMinutes(hannah, "member", PANEL, FEBRUARY);
    assert.equal(
      signedIn.status?.words,
      "Agreed at the meeting on 4 February 2027, recorded by Priya Okafor. Correction noted: The youth club is the one on Invented Road.",
    );
    ports.clock.set("2027-02-05T10:00:00Z");
    const dayAfter = await record().previousMinutes(grace, "presenter", PANEL, FEBRUARY);
    assert.equal(dayAfter.status?.words, withoutCorrection);
  });

  it("a previous meeting at which nothing was recorded offers no minutes to agree, and says so", async () => {
    ports.clock.set(`${FEBRUARY}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, FEBRUARY);
    const words =
      "Nothing was recorded at the meeting on 7 January 2027 (no sign-in, decision, action or note): there are no minutes to agree.";
    const shown = await record().previousMinutes(priya, "coordinator", PANEL, FEBRUARY);
    assert.deepEqual(
      [shown.meetingId, shown.status?.words, shown.canAgree, shown.why],
      [JANUARY, words, false, words],
    );
    await assert.rejects(
      record().agreePrevious(priya, "coordinator", PANEL, FEBRUARY, { correction: "" }),
      refusedWith("not-now", "nothing-recorded", words),
    );
    assert.equal(await ports.minutesRecord.agreement(PANEL, JANUARY), undefined);

    // One sign-in at January's meeting is a record: its minutes can be agreed.
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await signInToMeeting(ports, hannah, PANEL, JANUARY);
    ports.clock.set(`${FEBRUARY}T10:00:00Z`);
    const now = await record().previousMinutes(priya, "coordinator", PANEL, FEBRUARY);
    assert.deepEqual([now.status?.state, now.canAgree], ["draft", true]);
  });

  it("with February's meeting cancelled, the draft names March, and March's meeting agrees January's minutes, the last meeting held with a record", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    await note(`case:${child.subjectId}`, "Robin has missed school twice this month.");
    await ports.meetings.saveAll(
      [
        {
          value: {
            panelId: PANEL,
            id: FEBRUARY,
            date: FEBRUARY,
            start: `${FEBRUARY}T10:00:00+00:00`,
            end: `${FEBRUARY}T12:00:00+00:00`,
            status: "cancelled",
            joinUrl: null,
            occurrenceId: null,
            note: "Cancelled: the chairs could not attend.",
            setBy: "coordinator",
          },
          etag: undefined,
        },
      ],
      "Priya Okafor",
    );
    // The draft names the meeting that will agree it: not the cancelled one.
    ports.clock.set("2027-02-10T10:00:00Z");
    assert.equal(
      (await minutes()).status.words,
      "Draft: awaiting agreement at the panel's next meeting, on 4 March 2027.",
    );
    ports.clock.set(`${MARCH}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, MARCH);
    const shown = await record().previousMinutes(priya, "coordinator", PANEL, MARCH);
    assert.deepEqual([shown.meetingId, shown.status?.state, shown.canAgree], [JANUARY, "draft", true]);
    const status = await record().agreePrevious(priya, "coordinator", PANEL, MARCH, { correction: "" });
    assert.equal(status.words, "Agreed at the meeting on 4 March 2027, recorded by Priya Okafor.");
    const agreement = await ports.minutesRecord.agreement(PANEL, JANUARY);
    assert.deepEqual([agreement?.value.meetingId, agreement?.value.agreedAt], [JANUARY, MARCH]);
  });

  it("Lambeth MAVE's agreed minutes go to the agencies only once a chair of the panel has agreed, between meetings", async () => {
    const lambeth = "lambeth-mave";
    const leila = demoActor("Leila Haddad");
    const chair = { id: randomUUID(), name: "Nia Invented-Chair" };
    await ports.directory.savePerson(
      {
        id: chair.id,
        displayName: chair.name,
        email: "nia.chair@lambeth.example",
        jobTitle: "Head of Service",
        agencyId: "lam-csc",
      },
      "lambeth",
      "test",
    );
    await ports.directory.setRole(
      { personId: chair.id, panelId: lambeth, role: "chair", deputyFor: null },
      "test",
    );

    // January's first meeting was held: Leila signed in to it.
    ports.clock.set("2027-01-05T10:00:00Z");
    await signInToMeeting(ports, leila, lambeth, "2027-01-05");
    ports.clock.set("2027-01-19T10:00:00Z");
    await signInToMeeting(ports, leila, lambeth, "2027-01-19");
    const status = await record().agreePrevious(leila, "coordinator", lambeth, "2027-01-19", {
      correction: "",
    });
    assert.deepEqual(
      [status.state, status.exportable, status.words],
      [
        "awaiting-chair",
        false,
        "Agreed at the meeting on 19 January 2027, recorded by Leila Haddad. Awaiting a chair's agreement before they go to the agencies.",
      ],
    );
    const exportJanuary = (actor = leila, role: PanelRole = "coordinator") =>
      caseDecisions(ports).minutes(actor, role, lambeth, "2027-01-05", "test", true);
    await assert.rejects(exportJanuary(), refusedWith("not-now", "minutes-not-agreed"));

    ports.clock.set("2027-01-21T15:00:00Z");
    const seen = await record().previousMinutes(chair, "chair", lambeth, "2027-01-19");
    assert.equal(seen.canAgreeCirculation, true);
    await assert.rejects(
      record().agreeCirculation(leila, "coordinator", lambeth, "2027-01-05", seen.version),
      refusedWith("not-allowed", "not-chair"),
    );
    const circulated = await record().agreeCirculation(chair, "chair", lambeth, "2027-01-05", seen.version);
    assert.equal(
      circulated.words,
      "Agreed at the meeting on 19 January 2027, recorded by Leila Haddad. Circulation agreed by Nia Invented-Chair (chair) on 21 January 2027.",
    );
    assert.equal((await exportJanuary()).status.exportable, true);
    await assert.rejects(
      record().agreeCirculation(chair, "chair", lambeth, "2027-01-05", seen.version),
      refusedWith("not-now", "already-agreed"),
    );
    assert.deepEqual(
      ports.casework
        .auditOf("lambeth")
        .filter((a) => a.action.startsWith("minutes."))
        .map((a) => a.action)
        .sort(),
      // The refused export read nothing: only the one that went is audited.
      ["minutes.agreed", "minutes.circulation-agreed", "minutes.viewed"],
    );
  });
});
