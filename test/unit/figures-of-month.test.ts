import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import type { Case } from "../../bot/src/domain/cohort/case.js";
import {
  monthEndsAt,
  monthStartsAt,
  addMonths,
  monthsFromTo,
} from "../../bot/src/domain/reports/calendar-months.js";
import { figuresOfMonth, stillChanging } from "../../bot/src/domain/reports/figures-of-month.js";
import type { MonthRecord } from "../../bot/src/domain/reports/month-record.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";

// A month's figures from hand-made records, for what the use-case tests do not reach: a group's
// members, age bands at their edges, Staffordshire's Risk Factor Matrix and thresholding
// categories, cases older than the record of their entry risk, and UK month boundaries.

const catalogue = loadCatalogue("bot/config/areas");
const areaOf = (id: string) => {
  const area = catalogue.areas.find((a) => a.id === id);
  assert.ok(area);
  return area;
};
const panelOf = (id: string) => {
  const panel = catalogue.panels.get(id);
  assert.ok(panel);
  return panel;
};

function record(panelId: string, more: Partial<MonthRecord> = {}): MonthRecord {
  const panel = panelOf(panelId);
  return {
    area: areaOf(panel.areaId),
    panel,
    agencies: new Map(),
    placesByCategory: false,
    month: "2026-10",
    today: "2026-11-10",
    builtAt: "2026-11-10T12:00:00.000Z",
    referrals: [],
    meetings: [],
    cases: [],
    decisionsOf: new Map(),
    linksOf: new Map(),
    linked: new Map(),
    ...more,
  };
}

let n = 0;
function referral(
  panelId: string,
  kind: Referral["kind"],
  values: Referral["values"],
  more: Partial<Referral> = {},
): Referral {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    reference: `MER-2026-${String(n).padStart(4, "0")}`,
    areaId: panelOf(panelId).areaId,
    panelId,
    kind,
    status: "new",
    submitted: { by: "grace", byName: "Grace Mensah", at: "2026-10-12T10:00:00.000Z" },
    referrer: { agencyId: "mer-csc", jobTitle: "Social worker", email: "grace@merton.example" },
    meetingDate: null,
    values,
    managerId: null,
    approval: null,
    triage: null,
    questions: [],
    possibleDuplicates: [],
    linkedSubjectId: null,
    subjectId: null,
    ...more,
  };
}

const openCase = (riskLevel: string | null, entry?: string | null): Case => ({
  panelId: "merton-pre-mace",
  subjectId: `subject-${riskLevel}-${entry}`,
  reference: "MER-2026-0001",
  placement: "victim",
  riskLevel,
  ...(entry !== undefined && { entryRiskLevel: entry }),
  status: "open",
  openedAt: "2026-09-01T10:00:00.000Z",
  nextMeetingDate: null,
  referralIds: [],
});

describe("A month's figures from its records", () => {
  it("counts each named member of a group, and no child for a person or place of concern", () => {
    const group = referral("merton-pre-mace", "group", {
      groupName: "Peer group, north",
      "member1.name": "Ash Invented",
      "member1.dateOfBirth": "2012-01-01",
      "member1.gender": "male",
      "member1.ethnicity": "mixed-other",
      "member2.name": "Bo Invented",
      "member2.dateOfBirth": "2008-06-01",
      "member3.name": "",
      "member3.ethnicity": "white-british",
    });
    const concern = referral("merton-pre-mace", "person-of-concern", {
      subjectName: "Dale",
      ethnicity: "other",
    });
    const f = figuresOfMonth(record("merton-pre-mace", { referrals: [group, concern] }));
    assert.deepEqual(f.children.referred, {
      ageBand: { "14-15": 1, "18-25": 1 },
      gender: { male: 1, "not-known": 1 },
      ethnicity: { "mixed-other": 1, "not-known": 1 },
    });
    assert.deepEqual(f.referrals.byKind, { group: 1, "person-of-concern": 1 });
  });

  it("counts a group's members after the fourth", () => {
    const members = Object.fromEntries(
      [1, 2, 3, 4, 5, 6].flatMap((row) => [
        [`member${row}.name`, `Member ${row} Invented`],
        [`member${row}.dateOfBirth`, "2011-03-01"],
        [`member${row}.ethnicity`, row > 4 ? "white-roma" : "white-british"],
      ]),
    );
    const group = referral("merton-pre-mace", "group", { groupName: "Six of them", ...members });
    const f = figuresOfMonth(record("merton-pre-mace", { referrals: [group] }));
    assert.deepEqual(f.children.referred.ethnicity, { "white-british": 4, "white-roma": 2 });
    assert.deepEqual(f.children.referred.ageBand, { "14-15": 6 });
  });

  it("counts age as the referral's checks do: a child born on 29 February is 18 on 28 February, and 29 February 2010 is no date", () => {
    const born = (dateOfBirth: string) =>
      referral(
        "merton-pre-mace",
        "individual",
        { dateOfBirth },
        { submitted: { by: "grace", byName: "Grace Mensah", at: "2026-02-28T10:00:00.000Z" } },
      );
    const f = figuresOfMonth(
      record("merton-pre-mace", { month: "2026-02", referrals: [born("2008-02-29"), born("2010-02-29")] }),
    );
    assert.deepEqual(f.children.referred.ageBand, { "18-25": 1, "not-known": 1 });
  });

  it("gives a referral its referrer withdrew the outcome withdrawn", () => {
    // The status comes with another change; the figures count it by its name.
    const withdrawn = referral(
      "merton-pre-mace",
      "individual",
      {},
      { status: "withdrawn" as Referral["status"] },
    );
    const f = figuresOfMonth(record("merton-pre-mace", { referrals: [withdrawn] }));
    assert.equal(f.referrals.received, 1);
    assert.equal(f.referrals.byOutcome["withdrawn"], 1);
    assert.equal(f.referrals.byOutcome["waiting"], 0);
  });

  it("bands ages on the day of the referral, and a missing or impossible date of birth as not known", () => {
    const on = (dateOfBirth: string) =>
      referral("merton-pre-mace", "individual", { dateOfBirth, gender: "female", ethnicity: "asian-indian" });
    const births = [
      "2016-10-13",
      "2016-10-12",
      "2012-10-13",
      "2012-10-12",
      "2008-10-12",
      "2000-10-13",
      "2000-10-12",
      "",
      "2027-01-01",
    ];
    const f = figuresOfMonth(record("merton-pre-mace", { referrals: births.map(on) }));
    assert.deepEqual(f.children.referred.ageBand, {
      "under-10": 1,
      "10-13": 2,
      "14-15": 1,
      "18-25": 2,
      "not-known": 3,
    });
  });

  it("leaves out referrals still with the manager, which have not reached the coordinators", () => {
    const waiting = referral("lambeth-mave", "individual", {}, { status: "awaiting-approval" });
    const f = figuresOfMonth(record("lambeth-mave", { referrals: [waiting] }));
    assert.equal(f.referrals.received, 0);
  });

  it("gives Staffordshire's districts the Risk Factor Matrix and the thresholding categories, and other panels neither", () => {
    const rated = (riskLevel: string, kind: Referral["kind"] = "individual") =>
      referral("staffordshire-tamworth", kind, { rfmCompletedOn: "2026-10-02", riskLevel });
    const district = figuresOfMonth(
      record("staffordshire-tamworth", {
        placesByCategory: true,
        referrals: [rated("high"), rated("medium"), rated("high", "group"), rated("", "location-of-concern")],
        meetings: [
          {
            id: "2026-10-01",
            date: "2026-10-01",
            cancelled: false,
            decisions: [],
            actions: [],
            signIns: [],
            categories: [1, 2, 2],
          },
          {
            id: "2026-10-29",
            date: "2026-10-29",
            cancelled: true,
            decisions: [],
            actions: [],
            signIns: [],
            categories: [4],
          },
        ],
      }),
    );
    assert.deepEqual(district.riskFactorMatrix, { applies: 3, completed: 3, rating: { high: 2, medium: 1 } });
    assert.deepEqual(district.thresholding, { "1": 1, "2": 2 });
    assert.deepEqual(district.meetings.held, 1);
    const merton = figuresOfMonth(record("merton-pre-mace"));
    assert.deepEqual([merton.riskFactorMatrix, merton.thresholding], [null, null]);
  });

  it("counts the movement of a case from before entry risks were kept as not known", () => {
    const f = figuresOfMonth(
      record("merton-pre-mace", {
        cases: [openCase("significant"), openCase("significant", "emerging"), openCase(null, "moderate")],
      }),
    );
    assert.deepEqual(f.cohort.movement, { "not-known": 2, up: 1 });
    assert.deepEqual(f.cohort.riskAtEnd, { significant: 2, "not-recorded": 1 });
    assert.equal(f.cohort.opened, 0);
  });

  it("says a month can still change while a referral waits or an action is not done", () => {
    const settled = figuresOfMonth(record("merton-pre-mace"));
    assert.equal(stillChanging(settled), false);
    const waiting = figuresOfMonth(
      record("merton-pre-mace", { referrals: [referral("merton-pre-mace", "individual", {})] }),
    );
    assert.equal(stillChanging(waiting), true);
  });

  it("counts months in UK time: October begins at 23:00 UTC on 30 September, summer time", () => {
    assert.equal(monthStartsAt("2026-10"), "2026-09-30T23:00:00.000Z");
    assert.equal(monthEndsAt("2026-10"), "2026-11-01T00:00:00.000Z");
    assert.deepEqual(
      [addMonths("2026-01", -1), addMonths("2026-11", 2), monthsFromTo("2026-11", "2027-02")],
      ["2025-12", "2027-01", ["2026-11", "2026-12", "2027-01", "2027-02"]],
    );
  });
});
