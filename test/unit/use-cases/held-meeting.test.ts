import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import type { PanelRole } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  caseDecisions,
  fakePorts,
  historyDesk,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// Decisions belong to a held meeting, on fakes: a Merton pre-MACE decision is recorded on the
// meeting's day by a coordinator signed in to it, with the quorum at that moment in the minutes;
// between meetings, a chairs' decision is recorded against the next meeting, marked as one in the
// case's history, and reported on that meeting's agenda and in its minutes.

const PANEL = "merton-pre-mace";
const JANUARY = "2027-01-07";
const FEBRUARY = "2027-02-04";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const hannah = demoActor("Hannah Reyes");
const grace = demoActor("Grace Mensah");
const removal = { kind: "remove", rationale: "The family has moved to Scotland; the case is closed here." };
const chairs = {
  chairId: tom.id,
  reason: "The family left the area before the meeting; the case cannot wait.",
};

const refusedWith = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("Decisions belong to a held meeting", () => {
  let ports: FakePorts;
  let child: { subjectId: string; reference: string };

  beforeEach(async () => {
    // Referred before Christmas and accepted for the January meeting.
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

  const decide = (
    meetingId: string,
    input: object,
    version = "none",
    actor = priya,
    role: PanelRole = "coordinator",
  ) =>
    caseDecisions(ports).decide(
      actor,
      role,
      PANEL,
      meetingId,
      child.subjectId,
      DecisionInput.parse(input),
      version,
    );
  const caseNow = async () => (await ports.casework.case("merton", PANEL, child.subjectId))?.value;
  const minutes = (meetingId: string) =>
    caseDecisions(ports).minutes(priya, "coordinator", PANEL, meetingId, "test");

  it("a removal for a meeting five weeks away is refused, and nothing is written", async () => {
    ports.clock.set("2026-12-31T10:00:00Z");
    const audited = ports.casework.auditOf("merton").length;
    await assert.rejects(
      decide(FEBRUARY, removal),
      refusedWith(
        "not-now",
        "not-meeting-day",
        "Decisions are taken at the meeting, on its day (4 February 2027), and this is not the panel's next meeting. One that cannot wait is a chairs' decision outside the meeting: record it on the panel's next meeting, on 7 January 2027.",
      ),
    );
    // Nor at the next meeting, a week before it is held.
    await assert.rejects(
      decide(JANUARY, removal),
      refusedWith(
        "not-now",
        "not-meeting-day",
        "Decisions are recorded at the meeting, on its day: this meeting is on 7 January 2027. If the chairs have agreed this between meetings, record it as a chairs' decision outside the meeting.",
      ),
    );
    assert.equal(ports.casework.auditOf("merton").length, audited);
    for (const meetingId of [JANUARY, FEBRUARY])
      assert.deepEqual(await caseDecisions(ports).view(priya, PANEL, meetingId, false, "test"), []);
    const kept = await caseNow();
    assert.deepEqual([kept?.status, kept?.nextMeetingDate, kept?.lastDecision], ["open", JANUARY, undefined]);
  });

  it("on the meeting's day a signed-in coordinator records it, and the minutes say the panel was quorate", async () => {
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await assert.rejects(
      decide(JANUARY, removal),
      refusedWith(
        "not-now",
        "not-signed-in",
        "Sign in to the meeting first: a decision is recorded by a coordinator signed in to the meeting.",
      ),
    );
    assert.equal((await caseNow())?.status, "open");

    // Priya alone: the decision is taken, and the minutes say the panel was not quorate then.
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    const first = await decide(JANUARY, { kind: "continue", reviewDate: "2027-01-20" });
    assert.deepEqual(first.taken, {
      how: "at-the-meeting",
      quorate: false,
      missing: ["Health", "Police", "Education"],
    });
    let item = (await minutes(JANUARY)).items.find((i) => i.reference === child.reference);
    assert.equal(item?.quorum, "Not quorate when it was taken: no one for Health, Police, Education.");

    // With Health, Police and Education signed in too, the corrected decision is taken quorate.
    for (const member of [hannah, demoActor("Daniel Kowalski"), demoActor("Owen Brathwaite")])
      await signInToMeeting(ports, member, PANEL, JANUARY);
    ports.clock.set(`${JANUARY}T10:20:00Z`);
    await decide(JANUARY, removal, first.version);
    const held = await minutes(JANUARY);
    item = held.items.find((i) => i.reference === child.reference);
    assert.deepEqual(
      [item?.decision, item?.quorum, held.quorum.quorate, held.chairsDecisions],
      [`Removed from the cohort: ${removal.rationale}`, "Quorate when it was taken.", true, []],
    );
    assert.equal((await caseNow())?.status, "closed");
  });

  it("a chairs' decision between meetings shows in the history as such and on the next agenda", async () => {
    ports.clock.set("2026-12-28T15:00:00Z");
    const recorded = await decide(JANUARY, { ...removal, chairsDecision: chairs });
    assert.deepEqual(recorded.taken, {
      how: "chairs-decision",
      chairId: tom.id,
      chairName: "Tom Ashworth",
      reason: chairs.reason,
      on: "2026-12-28",
    });
    const closed = await caseNow();
    assert.deepEqual(
      [closed?.status, closed?.lastDecision, closed?.decidedOn, closed?.closedAt],
      ["closed", { kind: "remove", on: "2026-12-28" }, undefined, "2026-12-28T15:00:00.000Z"],
    );

    const history = await historyDesk(ports).view(priya, "merton", child.subjectId, "test");
    const entry = history.entries.find((e) => e.kind === "decision");
    assert.equal(
      entry?.title,
      "Chairs' decision outside the meeting, on 28 December 2026: Remove from the cohort",
    );
    assert.deepEqual(entry?.details, [
      { label: "Decision", text: `Removed from the cohort: ${removal.rationale}` },
      { label: "Agreed by the chair", text: "Tom Ashworth" },
      { label: "Why it could not wait for the meeting", text: chairs.reason },
      { label: "Reported at the meeting on", text: "7 January 2027" },
    ]);

    // The January agenda reports it, under its own heading; it is no item to decide there.
    ports.clock.set(`${JANUARY}T09:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    const agenda = await agendaDesk(ports).view(priya, "coordinator", PANEL, JANUARY, "test");
    assert.deepEqual(agenda.outsideDecisions, [
      {
        subjectId: child.subjectId,
        reference: child.reference,
        decision: "Remove from the cohort",
        agreed: "Agreed by Tom Ashworth (chair) on 28 December 2026; recorded by Priya Okafor.",
        reason: chairs.reason,
      },
    ]);
    const held = await minutes(JANUARY);
    assert.equal(
      held.items.some((i) => i.reference === child.reference),
      false,
    );
    assert.deepEqual(
      held.chairsDecisions.map((d) => [d.reference, d.decision, d.agreed, d.reason]),
      [
        [
          child.reference,
          `Removed from the cohort: ${removal.rationale}`,
          "Agreed by Tom Ashworth (chair) on 28 December 2026.",
          chairs.reason,
        ],
      ],
    );
    // Before signing in, Hannah sees that it was taken, not why.
    const hers = await agendaDesk(ports).view(hannah, "member", PANEL, JANUARY, "test", true);
    assert.deepEqual(
      hers.outsideDecisions.map((d) => d.reason),
      [null],
    );
  });

  it("a chairs' decision is taken by a coordinator or a chair, named, with a reason, only before the next meeting", async () => {
    ports.clock.set("2026-12-28T15:00:00Z");
    await assert.rejects(
      decide(JANUARY, { ...removal, chairsDecision: chairs }, "none", hannah, "member"),
      refusedWith("not-allowed", "not-coordinator-or-chair"),
    );
    await assert.rejects(
      decide(FEBRUARY, { ...removal, chairsDecision: chairs }),
      refusedWith("not-now", "not-next-meeting"),
    );
    await assert.rejects(
      decide(JANUARY, { ...removal, chairsDecision: { chairId: priya.id, reason: "Urgent." } }),
      (e: unknown) => {
        assert.ok(e instanceof Refusal);
        assert.deepEqual(
          e.fields.map((f) => [f.field, f.message]),
          [
            ["chairsDecision", "Choose the chair who agreed the decision."],
            ["chairsDecision", "Say why the decision could not wait for the meeting (a sentence at least)."],
          ],
        );
        return true;
      },
    );
    assert.equal((await caseNow())?.status, "open");
    // A suspended chair agrees nothing.
    const held = await ports.directory.person(tom.id);
    assert.ok(held);
    await ports.directory.savePerson({ ...held, suspended: true }, "merton", "test");
    await assert.rejects(decide(JANUARY, { ...removal, chairsDecision: chairs }), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.deepEqual(
        e.fields.map((f) => f.message),
        ["Choose the chair who agreed the decision."],
      );
      return true;
    });
    await ports.directory.savePerson(held, "merton", "test");
    // Tom records it himself.
    const his = await decide(JANUARY, { kind: "escalate", chairsDecision: chairs }, "none", tom, "chair");
    assert.equal(his.recordedByName, "Tom Ashworth");
    const strategic = await ports.casework.case("merton", "merton-strategic-mace", child.subjectId);
    assert.equal(strategic?.value.nextMeetingDate, "2027-01-21");
    assert.equal((await caseNow())?.nextMeetingDate, JANUARY);

    // On the meeting's day, the panel decides at the meeting, beside the chairs' decision.
    ports.clock.set(`${JANUARY}T10:00:00Z`);
    await assert.rejects(
      decide(JANUARY, { ...removal, chairsDecision: chairs }),
      refusedWith("not-now", "meeting-today"),
    );
    await signInToMeeting(ports, priya, PANEL, JANUARY);
    await decide(JANUARY, removal);
    const both = await caseDecisions(ports).view(priya, PANEL, JANUARY, false, "test");
    assert.deepEqual(both.map((d) => [d.kind, d.taken?.how]).sort(), [
      ["escalate", "chairs-decision"],
      ["remove", "at-the-meeting"],
    ]);
  });
});
