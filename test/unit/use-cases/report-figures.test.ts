import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { actionLog } from "../../../bot/src/application/actions/action-log.js";
import { linkDesk } from "../../../bot/src/application/links/link-desk.js";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import { figuresDesk } from "../../../bot/src/application/reports/figures-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import type { MonthFigures } from "../../../bot/src/domain/reports/month-figures.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// The figures of Merton pre-MACE's months, worked out from what the panel did on fakes: Robin is
// referred in September and discussed at the October meeting (with an action for Health, done
// late, and one for the police, still open); Quinn is referred and accepted in October, Skye
// referred in October and still waiting. The figures are worked out on 10 November.

const PANEL = "merton-pre-mace";
const OCTOBER_MEETING = "2026-10-01";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const hannah = demoActor("Hannah Reyes");
const tom = demoActor("Tom Ashworth");
const owen = demoActor("Owen Brathwaite");

describe("Working out a panel's figures for a month", () => {
  let ports: FakePorts;
  let figures: ReturnType<typeof figuresDesk>;
  const child: Record<string, { referralId: string; subjectId: string }> = {};

  const refer = async (name: string, values: object, accept: boolean) => {
    const sent = await referralDesk(ports).submit(grace, PANEL, "individual", randomUUID(), {
      ...mertonChild(name),
      strategyMeetingDate: "2026-09-01",
      ...values,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    child[name] = { referralId: sent.referral.id, subjectId: "" };
    if (!accept) return;
    const read = await referralDesk(ports).view(priya, PANEL, sent.referral.id, "test");
    const accepted = await referralDesk(ports).triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child[name] = { referralId: sent.referral.id, subjectId: accepted.subjectId ?? "" };
  };
  const signIn = (who: { id: string; name: string }, agencyId: string) =>
    meetingRoom(ports).signIn(who, PANEL, OCTOBER_MEETING, { agencyId, capacity: "member", agreed: true });
  const panelMonth = (all: MonthFigures[]) => {
    const found = all.find((f) => f.panelId === PANEL);
    assert.ok(found, "Merton pre-MACE has figures");
    return found;
  };
  const monthOf = async (month: string) => panelMonth(await figures.workOutMonth("merton", month));

  beforeEach(async () => {
    ports = fakePorts("2026-09-15T10:00:00Z");
    figures = figuresDesk(ports);
    await refer("Robin Invented-Hale", { ethnicity: "white-irish" }, true);

    ports.clock.set(`${OCTOBER_MEETING}T10:00:00Z`);
    await signIn(priya, "mer-csc");
    await signIn(hannah, "mer-health");
    await signIn(tom, "mer-police");
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      OCTOBER_MEETING,
      child["Robin Invented-Hale"]?.subjectId ?? "",
      DecisionInput.parse({
        kind: "continue",
        reviewDate: "2026-11-01",
        riskLevel: "moderate",
        disruption: ["Civil injunction", "Arrest or charge"],
      }),
      "none",
    );
    const actions = actionLog(ports);
    const forHealth = await actions.create(
      priya,
      PANEL,
      OCTOBER_MEETING,
      {
        subjectId: child["Robin Invented-Hale"]?.subjectId ?? null,
        title: "Health check",
        text: "Arrange an invented health assessment.",
        ownerId: hannah.id,
        dueDate: "2026-10-15",
      },
      "test",
    );
    await actions.create(
      priya,
      PANEL,
      OCTOBER_MEETING,
      {
        subjectId: child["Robin Invented-Hale"]?.subjectId ?? null,
        title: "Police visit",
        text: "Visit the invented address.",
        ownerId: tom.id,
        dueDate: "2026-10-15",
      },
      "test",
    );

    ports.clock.set("2026-10-12T10:00:00Z");
    await refer("Quinn Imaginary-Vale", { ethnicity: "black-african", dateOfBirth: "2009-11-30" }, true);
    await refer("Skye Madeup-Frost", { ethnicity: "white-british", gender: "male" }, false);

    ports.clock.set("2026-10-20T09:00:00Z");
    await actions.completeNow(hannah, PANEL, forHealth.id, "Assessment booked.", "test");
    ports.clock.set("2026-11-10T12:00:00Z");
  });

  it("a referral made in October and accepted counts in October's figures as accepted, with the child's ethnicity", async () => {
    const october = await monthOf("2026-10");
    assert.equal(october.referrals.received, 2);
    assert.deepEqual(october.referrals.byKind, { individual: 2 });
    assert.deepEqual(october.referrals.byAgency, { "mer-csc": 2 });
    assert.deepEqual(october.referrals.byOutcome, {
      accepted: 1,
      declined: 0,
      "more-information": 0,
      withdrawn: 0,
      waiting: 1,
    });
    assert.deepEqual(october.children.referred.ethnicity, { "black-african": 1, "white-british": 1 });
    assert.deepEqual(october.children.accepted.ethnicity, { "black-african": 1 });
    // Quinn was 16 on the day of the referral, Skye (born April 2011) 15.
    assert.deepEqual(october.children.referred.ageBand, { "16-17": 1, "14-15": 1 });
    assert.deepEqual(october.children.accepted.gender, { female: 1 });
    assert.deepEqual(october.children.referred.gender, { female: 1, male: 1 });
    // Robin's referral was made in September.
    const september = await monthOf("2026-09");
    assert.deepEqual(september.children.accepted.ethnicity, { "white-irish": 1 });
  });

  it("counts the days from each accepted referral to its first discussion, and those not discussed yet", async () => {
    const september = await monthOf("2026-09");
    assert.deepEqual(september.referrals.daysToFirstDiscussion, { "16": 1 });
    assert.equal(september.referrals.notYetDiscussed, 0);
    const october = await monthOf("2026-10");
    assert.deepEqual(october.referrals.daysToFirstDiscussion, {});
    assert.equal(october.referrals.notYetDiscussed, 1);
  });

  it("an action agreed in October and done after its due date counts as done late for its agency", async () => {
    const october = await monthOf("2026-10");
    assert.deepEqual(october.actions.byAgency, {
      "mer-health": { agreed: 1, doneOnTime: 0, doneLate: 1, overdue: 0, open: 0, notPossible: 0 },
      "mer-police": { agreed: 1, doneOnTime: 0, doneLate: 0, overdue: 1, open: 0, notPossible: 0 },
    });
    assert.deepEqual((await monthOf("2026-09")).actions.byAgency, {});
  });

  it("an action closed as not possible counts as not possible for its agency, not as overdue", async () => {
    const log = actionLog(ports);
    const [police] = (await log.list(priya, "coordinator", PANEL, { ownerId: tom.id }, "test")).actions;
    assert.ok(police);
    const role = await log.roleOn(PANEL, tom.id);
    await log.closeAsNotPossible(
      tom,
      role,
      PANEL,
      police.id,
      "The address was demolished in September.",
      police.version,
      "test",
    );
    const october = await monthOf("2026-10");
    assert.deepEqual(october.actions.byAgency["mer-police"], {
      agreed: 1,
      doneOnTime: 0,
      doneLate: 0,
      overdue: 0,
      open: 0,
      notPossible: 1,
    });
  });

  it("counts October's meeting as held, not quorate without education, with the agencies that attended", async () => {
    const october = await monthOf("2026-10");
    assert.deepEqual(october.meetings, {
      held: 1,
      quorate: 0,
      attendedByAgency: { "mer-csc": 1, "mer-health": 1, "mer-police": 1 },
    });
    ports.clock.set(`${OCTOBER_MEETING}T11:00:00Z`);
    await signIn(owen, "mer-education");
    ports.clock.set("2026-11-10T12:00:00Z");
    assert.equal((await monthOf("2026-10")).meetings.quorate, 1);
    // November's meeting (5 November) was held too, with nobody signed in.
    assert.deepEqual((await monthOf("2026-11")).meetings, { held: 1, quorate: 0, attendedByAgency: {} });
  });

  it("counts the disruptions agreed at the month's meetings by type", async () => {
    const october = await monthOf("2026-10");
    assert.deepEqual(october.disruption.byType, { "Civil injunction": 1, "Arrest or charge": 1 });
    assert.equal(october.disruption.decisionsWithDisruption, 1);
    // Robin's screening scored highest for criminal exploitation: Merton's agenda theme for it.
    assert.deepEqual(october.themes, { "coercion-control": 1 });
  });

  it("shows the cohort's risk on entry and at each month's end, and how it moved", async () => {
    const september = await monthOf("2026-09");
    assert.deepEqual(
      [september.cohort.opened, september.cohort.riskAtEntry, september.cohort.openAtEnd],
      [1, { significant: 1 }, 1],
    );
    // Robin was still at significant risk at the end of September: the panel lowered it in October.
    assert.deepEqual(september.cohort.riskAtEnd, { significant: 1 });
    assert.deepEqual(september.cohort.movement, { same: 1 });
    const october = await monthOf("2026-10");
    assert.deepEqual(
      [october.cohort.opened, october.cohort.openAtEnd, october.cohort.riskAtEnd, october.cohort.movement],
      [1, 2, { moderate: 1, significant: 1 }, { down: 1, same: 1 }],
    );
  });

  it("a chairs' decision reported at November's meeting is not counted as discussed there", async () => {
    ports.clock.set("2026-10-20T10:00:00Z");
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      "2026-11-05",
      child["Robin Invented-Hale"]?.subjectId ?? "",
      DecisionInput.parse({
        kind: "continue",
        reviewDate: "2026-12-03",
        chairsDecision: {
          chairId: tom.id,
          reason: "The family moved; the plan could not wait for the meeting.",
        },
      }),
      "none",
    );
    ports.clock.set("2026-11-10T12:00:00Z");
    const november = await monthOf("2026-11");
    assert.deepEqual(november.themes, {});
  });

  it("a referral its referrer withdrew counts as withdrawn in the month it was made", async () => {
    ports.clock.set("2026-11-09T10:00:00Z");
    await refer("Sam Invented-Ward", {}, false);
    const sent = await ports.casework.referral("merton", PANEL, child["Sam Invented-Ward"]?.referralId ?? "");
    await referralDesk(ports).withdraw(
      grace,
      PANEL,
      sent?.value.id,
      "The family moved out of the borough.",
      sent?.etag ?? "",
      "tab",
    );
    const november = await monthOf("2026-11");
    assert.equal(november.referrals.byOutcome["withdrawn"], 1);
    assert.equal(november.referrals.byOutcome["waiting"] ?? 0, 0);
  });

  it("a case removed in November counts as closed by removal then, and as open at the end of October", async () => {
    ports.clock.set("2026-11-05T10:00:00Z");
    // On the meeting's day, signed in to it, as a coordinator records a decision.
    await signInToMeeting(ports, priya, PANEL, "2026-11-05");
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      "2026-11-05",
      child["Robin Invented-Hale"]?.subjectId ?? "",
      DecisionInput.parse({
        kind: "remove",
        rationale: "Safe at home; no contact with the adults since October.",
      }),
      "none",
    );
    ports.clock.set("2026-11-10T12:00:00Z");
    const november = await monthOf("2026-11");
    assert.deepEqual([november.cohort.closedByReason, november.cohort.openAtEnd], [{ remove: 1 }, 1]);
    const october = await monthOf("2026-10");
    assert.deepEqual([october.cohort.closedByReason, october.cohort.openAtEnd], [{}, 2]);
    assert.deepEqual(october.cohort.riskAtEnd, { moderate: 1, significant: 1 });
  });

  it("lists the locations and groups linked to most open cases, by reference only", async () => {
    const links = linkDesk(ports);
    const shop = await links.record(
      priya,
      "merton",
      { kind: "location-of-concern", label: "12 Invented Parade", postcode: "SM4 5ZZ", dateOfBirth: null },
      "test",
    );
    for (const name of ["Robin Invented-Hale", "Quinn Imaginary-Vale"])
      await links.add(
        priya,
        "merton",
        {
          kind: "frequents",
          from: child[name]?.subjectId ?? "",
          to: shop.id,
          note: "",
          panelId: PANEL,
          meetingId: null,
          referralId: child[name]?.referralId ?? null,
        },
        "test",
      );
    const november = await monthOf("2026-11");
    assert.deepEqual(november.linkedToOpenCases, [
      { reference: shop.reference, kind: "location-of-concern", openCases: 2 },
    ]);
    assert.ok(!JSON.stringify(november).includes("Invented Parade"), "no address in the figures");
    // The links were drawn in November: at the end of October there were none.
    assert.deepEqual((await monthOf("2026-10")).linkedToOpenCases, []);
  });

  it("a month worked out twice gives the same figures, stored once for each of the area's panels", async () => {
    const first = await figures.workOutMonth("merton", "2026-10");
    ports.clock.set("2026-11-10T12:05:00Z");
    const again = await figures.workOutMonth("merton", "2026-10");
    const without = (all: MonthFigures[]) => all.map(({ builtAt: _builtAt, ...rest }) => rest);
    assert.deepEqual(without(again), without(first));
    const stored = await ports.figures.monthsOf("merton", "2026-10", "2026-10");
    assert.deepEqual(
      stored.map((f) => [f.panelId, f.builtAt]),
      [
        ["merton-pre-mace", "2026-11-10T12:05:00.000Z"],
        ["merton-strategic-mace", "2026-11-10T12:05:00.000Z"],
      ],
    );
    assert.deepEqual(stored, again);
  });
});
