import assert from "node:assert/strict";
import { cohortDesk, type CohortPage } from "../../../bot/src/application/cohort/cohort-desk.js";
import { meetingRoom } from "../../../bot/src/application/meeting-room/meeting-room.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  actionLog,
  caseDecisions,
  fakePorts,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { demoActor } from "../../support/people.js";
import { referredAndAccepted } from "../../support/referrals.js";

// The Cohort page of Merton's pre-MACE on fakes: each open case with its kind, risk, next meeting,
// action counts and last decision; closed cases on their own list; a presenter sees only her own;
// on the day the panel meets, names wait for sign-in; each page is audited with what it showed.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const daniel = demoActor("Daniel Kowalski");
const hannah = demoActor("Hannah Reyes");

const refusedWith = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("The panel's cohort", () => {
  let ports: FakePorts;
  let cohort: ReturnType<typeof cohortDesk>;
  const children: Record<string, { subjectId: string; reference: string }> = {};
  const viewed = () => ports.casework.auditOf("merton").filter((a) => a.action === "cohort.viewed");
  const rowOf = (page: CohortPage, name: string) =>
    page.cases.find((c) => c.reference === children[name]?.reference);

  before(async () => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    cohort = cohortDesk(ports);
    const desk = referralDesk(ports);
    // Two children Grace referred and one Daniel, from the police, referred.
    for (const [name, referrer] of [
      ["Robin Invented-Hale", grace],
      ["Skye Madeup-Frost", grace],
      ["Quinn Imaginary-Vale", daniel],
    ] as const) {
      const { subjectId, reference } = await referredAndAccepted(desk, referrer, name);
      children[name] = { subjectId, reference };
    }
    // Robin has an action agreed in November, now overdue, one due after the next meeting, and
    // one done, which no longer counts.
    const log = actionLog(ports);
    const robin = children["Robin Invented-Hale"]?.subjectId ?? null;
    const record = (meetingId: string, title: string, dueDate: string | null) =>
      log.create(
        priya,
        PANEL,
        meetingId,
        // Recorded late on purpose: the coordinator confirms an action already overdue.
        { subjectId: robin, title, text: `${title}.`, ownerId: hannah.id, dueDate, confirmOverdue: true },
        "test",
      );
    await record("2026-11-05", "Book the return interview", null);
    await record("2026-11-05", "Share the school's chronology", "2027-01-15");
    const done = await record("2026-11-05", "Call the school", null);
    await log.complete(priya, "coordinator", PANEL, done.id, "Called.", done.version, "test");
  });

  it("shows a member every open case with its name, kind, risk on the area's scale, next meeting, action counts and last decision", async () => {
    const page = await cohort.view(priya, PANEL, { list: "open" }, "tab cohort");
    assert.equal(page.namesHidden, false);
    assert.equal(page.next, null);
    assert.deepEqual(page.cases.map((c) => c.name).sort(), [
      "Quinn Imaginary-Vale",
      "Robin Invented-Hale",
      "Skye Madeup-Frost",
    ]);
    const robin = rowOf(page, "Robin Invented-Hale");
    assert.deepEqual(
      [robin?.kind, robin?.risk, robin?.nextMeetingDate, robin?.openActions, robin?.overdueActions],
      ["Child or young adult", "Significant", "2026-12-03", 2, 1],
    );
    assert.deepEqual([robin?.lastDecision, robin?.closedOn], [null, null]);
    const skye = rowOf(page, "Skye Madeup-Frost");
    assert.deepEqual([skye?.openActions, skye?.overdueActions], [0, 0]);
    assert.deepEqual(
      page.riskLevels.map((l) => l.label),
      ["Emerging", "Moderate", "Significant"],
    );
    assert.deepEqual(
      page.kinds.map((k) => k.label),
      ["Child or young adult", "Group", "Person of concern", "Location"],
    );

    // One entry for the view, listing the references it showed.
    const [entry] = viewed().filter((a) => a.actorId === priya.id);
    assert.deepEqual(entry?.shown?.slice().sort(), page.cases.map((c) => c.reference).sort());
    assert.equal(entry?.via, "tab cohort");
  });

  it("shows a presenter only the cases she presents, and refuses her the CSV", async () => {
    const page = await cohort.view(grace, PANEL, { list: "open" }, "tab cohort");
    assert.deepEqual(page.cases.map((c) => c.name).sort(), ["Robin Invented-Hale", "Skye Madeup-Frost"]);
    const [entry] = viewed().filter((a) => a.actorId === grace.id);
    assert.deepEqual(entry?.shown?.slice().sort(), page.cases.map((c) => c.reference).sort());
    await assert.rejects(
      cohort.view(grace, PANEL, { list: "open" }, "tab cohort CSV", true),
      refusedWith(
        "not-allowed",
        "members-only",
        "The cohort's CSV is for the panel's members. The Cohort page shows the cases you present.",
      ),
    );
  });

  it("refuses someone on another area's panel, and a panel that does not exist, and audits nothing for them", async () => {
    const before = viewed().length;
    await assert.rejects(
      cohort.view(demoActor("Leila Haddad"), PANEL, { list: "open" }, "tab cohort"),
      refusedWith("not-allowed", "not-a-member"),
    );
    await assert.rejects(
      cohort.view(priya, "merton-nowhere", { list: "open" }, "tab cohort"),
      refusedWith("not-found", "unknown-panel"),
    );
    assert.equal(viewed().length, before);
  });

  it("on the day the panel meets, holds back names until the person signs in to the meeting", async () => {
    ports.clock.set("2026-12-03T10:00:00Z");
    const before = await cohort.view(priya, PANEL, { list: "open" }, "tab cohort");
    assert.equal(before.namesHidden, true);
    assert.ok(before.cases.length === 3 && before.cases.every((c) => c.name === null));
    assert.equal(rowOf(before, "Robin Invented-Hale")?.risk, "Significant");

    await meetingRoom(ports).signIn(priya, PANEL, "2026-12-03", {
      agencyId: "mer-csc",
      capacity: "member",
      agreed: true,
    });
    const after = await cohort.view(priya, PANEL, { list: "open" }, "tab cohort");
    assert.equal(after.namesHidden, false);
    assert.equal(rowOf(after, "Quinn Imaginary-Vale")?.name, "Quinn Imaginary-Vale");
    // Hannah has not signed in.
    const hers = await cohort.view(hannah, PANEL, { list: "open" }, "tab cohort");
    assert.ok(hers.cases.every((c) => c.name === null));
  });

  it("moves a removed case to the closed list, with the day it closed and its last decision", async () => {
    const skye = children["Skye Madeup-Frost"];
    assert.ok(skye);
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      "2026-12-03",
      skye.subjectId,
      DecisionInput.parse({
        kind: "remove",
        rationale: "Safe at home; no contact with the adults since October.",
      }),
      "none",
    );
    const open = await cohort.view(priya, PANEL, { list: "open" }, "tab cohort");
    assert.equal(rowOf(open, "Skye Madeup-Frost"), undefined);
    const closed = await cohort.view(priya, PANEL, { list: "closed" }, "tab cohort");
    assert.deepEqual(
      closed.cases.map((c) => [c.reference, c.name, c.closedOn, c.lastDecision, c.nextMeetingDate]),
      [
        [
          skye.reference,
          "Skye Madeup-Frost",
          "2026-12-03",
          { kind: "remove", label: "Remove from the cohort", on: "2026-12-03" },
          null,
        ],
      ],
    );
  });
});
