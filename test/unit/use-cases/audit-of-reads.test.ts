import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import {
  actionLog,
  caseDecisions,
  fakePorts,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";

// Lists that show a subject's details are audited like single records: one entry per view,
// naming the references it showed, so the log grows with views, not with the size of the list.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

describe("Reading the panel's lists", () => {
  let ports: FakePorts;
  const auditOf = (action: string) => ports.casework.auditOf("merton").filter((a) => a.action === action);

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    const desk = referralDesk(ports);
    for (const name of ["Robin Invented-Hale", "Sasha Invented-Lowe", "Tegan Invented-Moss"]) {
      const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild(name));
      assert.ok(sent.ok);
    }
  });

  it("the referral list writes one entry per view, listing the references shown", async () => {
    const listed = (await referralDesk(ports).list(priya, PANEL, "tab: referrals list")).referrals;
    assert.equal(listed.length, 3);
    await referralDesk(ports).list(priya, PANEL, "tab: referrals list");
    const entries = auditOf("referrals.viewed");
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0]?.shown?.slice().sort(), listed.map((r) => r.value.reference).sort());
    assert.equal(auditOf("referral.viewed").length, 0);
  });

  it("the action log and its CSV are audited, with the actions they showed", async () => {
    ports.clock.set(`${MEETING}T12:00:00Z`);
    const log = actionLog(ports);
    const made = await log.create(
      priya,
      PANEL,
      MEETING,
      {
        subjectId: null,
        title: "Call the school",
        text: "Ask about attendance.",
        ownerId: PEOPLE.mertonNurse.id,
        dueDate: null,
      },
      "test",
    );
    await log.list(priya, "coordinator", PANEL, {}, "tab action log");
    await log.list(priya, "coordinator", PANEL, {}, "tab action log CSV");
    assert.deepEqual(
      auditOf("actions.viewed")
        .map((a) => [a.via, a.shown])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [
        ["tab action log", [made.reference]],
        ["tab action log CSV", [made.reference]],
      ],
    );
  });

  it("the decisions of a meeting are audited when their details are shown, not before sign-in", async () => {
    const desk = referralDesk(ports);
    const [first] = (await desk.list(priya, PANEL, "test")).referrals;
    assert.ok(first);
    const accepted = await desk.triage(
      priya,
      PANEL,
      first.value.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      first.etag,
      "test",
    );
    ports.clock.set(`${MEETING}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, MEETING);
    const decisions = caseDecisions(ports);
    await decisions.decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      accepted.subjectId ?? "",
      DecisionInput.parse({ kind: "continue", reviewDate: "2027-01-20" }),
      "none",
    );
    const hidden = await decisions.view(priya, PANEL, MEETING, true, "tab meeting");
    assert.equal(hidden[0]?.rationale, "");
    assert.equal(auditOf("decisions.viewed").length, 0);
    await decisions.view(priya, PANEL, MEETING, false, "tab meeting");
    assert.deepEqual(
      auditOf("decisions.viewed").map((a) => a.shown),
      [[accepted.reference]],
    );
  });
});
