import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { quorumOf, type SignIn } from "../../bot/src/domain/attendance/sign-in.js";
import {
  decisionProblems,
  DecisionInput,
  effectOf,
  firstMeetingOnOrAfter,
} from "../../bot/src/domain/decisions/decision.js";
import { occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";

const catalogue = loadCatalogue("bot/config/areas");
const merton = catalogue.panels.get("merton-pre-mace");
const mertonArea = catalogue.areas.find((a) => a.id === "merton");
assert.ok(merton && mertonArea);

const signIn = (agencyId: string, personId = agencyId): SignIn => ({
  panelId: "merton-pre-mace",
  meetingId: "2026-12-03",
  personId,
  name: `Person ${personId}`,
  agencyId,
  capacity: "member",
  agreedTo: mertonArea.confidentialityStatement,
  at: "2026-12-03T09:35:00.000Z",
});

describe("Quorum", () => {
  it("Merton is quorate only with Health, Children's Social Care, Police and Education signed in", () => {
    const three = [signIn("mer-health"), signIn("mer-csc"), signIn("mer-police")];
    const notYet = quorumOf(merton, catalogue.agencies, three);
    assert.equal(notYet.quorate, false);
    assert.deepEqual(notYet.missing, ["Education"]);
    const all = quorumOf(merton, catalogue.agencies, [...three, signIn("mer-education")]);
    assert.equal(all.quorate, true);
    assert.deepEqual(all.missing, []);
  });

  it("a deputy counts for the agency they represent; other agencies do not count", () => {
    const q = quorumOf(merton, catalogue.agencies, [
      signIn("mer-health"),
      signIn("mer-csc"),
      signIn("mer-youth-justice"),
      signIn("mer-voluntary"),
      { ...signIn("mer-police", "deputy"), capacity: "deputy" },
    ]);
    assert.deepEqual(q.missing, ["Education"]);
  });

  it("a guest or a presenter from an agency does not make it quorate", () => {
    const base = [signIn("mer-health"), signIn("mer-csc"), signIn("mer-police")];
    for (const capacity of ["guest", "presenter"] as const) {
      const q = quorumOf(merton, catalogue.agencies, [
        ...base,
        { ...signIn("mer-education", "x"), capacity },
      ]);
      assert.deepEqual(q.missing, ["Education"]);
    }
  });
});

describe("Decisions and their effect on the case", () => {
  const meetings = occurrencesBetween(catalogue, "merton-pre-mace", "2026-12-04", "2027-12-31").map((o) => ({
    id: o.date,
    heldOn: o.date,
  }));
  const ctx = {
    meetingId: "2026-12-03",
    riskScale: mertonArea.riskScale,
    laterMeetings: meetings,
    transferPanels: [...catalogue.panels.values()].filter((p) => p.areaId !== "merton"),
    hasStrategicPanel: true,
  };
  const problems = (input: Partial<DecisionInput>) =>
    decisionProblems(DecisionInput.parse(input), ctx).map((p) => p.field);

  it("a removal needs a rationale, as does remaining considered without full discussion", () => {
    assert.deepEqual(problems({ kind: "remove" }), ["rationale"]);
    assert.deepEqual(problems({ kind: "remove", rationale: "Risk reduced: settled in education." }), []);
    assert.deepEqual(problems({ kind: "remain-considered" }), ["rationale"]);
  });

  it("a review needs a date after the meeting; a return needs one of the panel's later meetings", () => {
    assert.deepEqual(problems({ kind: "continue" }), ["reviewDate"]);
    assert.deepEqual(problems({ kind: "continue", reviewDate: "2026-12-01" }), ["reviewDate"]);
    assert.deepEqual(problems({ kind: "return", returnTo: "2027-01-08" }), ["returnTo"]);
    assert.deepEqual(problems({ kind: "return", returnTo: "2027-01-07" }), []);
    assert.deepEqual(problems({ kind: "continue", reviewDate: "2027-02-01", riskLevel: "catastrophic" }), [
      "riskLevel",
    ]);
  });

  it("a review date schedules the case onto the first meeting on or after it", () => {
    assert.equal(firstMeetingOnOrAfter("2027-01-20", meetings), "2027-02-04");
    assert.equal(firstMeetingOnOrAfter("2027-02-04", meetings), "2027-02-04");
    const effect = effectOf(
      DecisionInput.parse({ kind: "continue", reviewDate: "2027-01-20", riskLevel: null }),
      { riskLevel: "significant" },
      meetings,
      "2026-12-03",
    );
    assert.deepEqual(effect, { status: "open", nextMeetingDate: "2027-02-04", riskLevel: "significant" });
  });

  it("a meeting moved later is chosen by the day it is held, and the case goes to it by its id", () => {
    // The 7 January meeting is held on 12 January.
    const moved = meetings.map((m) => (m.id === "2027-01-07" ? { ...m, heldOn: "2027-01-12" } : m));
    assert.equal(firstMeetingOnOrAfter("2027-01-08", moved), "2027-01-07");
    assert.equal(firstMeetingOnOrAfter("2027-01-13", moved), "2027-02-04");
  });

  it("a removal or a transfer closes the case here; remaining considered brings it to the next meeting", () => {
    const input = (kind: string) => DecisionInput.parse({ kind, rationale: "Recorded rationale here." });
    assert.equal(effectOf(input("remove"), { riskLevel: null }, meetings, "2026-12-03").status, "closed");
    assert.equal(effectOf(input("transfer"), { riskLevel: null }, meetings, "2026-12-03").status, "closed");
    assert.deepEqual(effectOf(input("remain-considered"), { riskLevel: null }, meetings, "2026-12-03"), {
      status: "open",
      nextMeetingDate: "2027-01-07",
      riskLevel: null,
    });
  });
});
