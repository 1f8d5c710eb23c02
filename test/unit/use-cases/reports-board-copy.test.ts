import assert from "node:assert/strict";
import { reportDesk, type ReportDesk } from "../../../bot/src/application/reports/report-desk.js";
import type { MonthFigures } from "../../../bot/src/domain/reports/month-figures.js";
import type { Report, ReportTable } from "../../../bot/src/domain/reports/report.js";
import { fakePorts } from "../../support/fakes/index.js";
import { fakePopulationBaselines } from "../../support/fakes/population-baselines.js";
import { monthFigures } from "../../support/month-figures.js";
import { PEOPLE } from "../../support/people.js";
import { giveaways } from "../reports/board-attack.js";

// The partnership board's copy of Merton's quarter, for the area and for each of its panels, read
// by someone trying to work its hidden counts out (board-attack.ts): small counts spread over every
// table, an agency whose late actions are its agreed less those on time, a month with few cases
// opened, a panel with one referral discussed, and a baseline that leaves groups out.

const analyst = { id: PEOPLE.mertonAnalyst.id, name: PEOPLE.mertonAnalyst.displayName };
const P = { areaId: "merton", panelId: "merton-pre-mace" };
const S = { areaId: "merton", panelId: "merton-strategic-mace" };

const months: MonthFigures[] = [
  monthFigures({
    ...P,
    month: "2026-10",
    referrals: {
      received: 14,
      byKind: { individual: 11, group: 2, "location-of-concern": 1 },
      byAgency: { "mer-police": 7, "mer-csc": 4, "mer-health": 2, "mer-education": 1 },
      byOutcome: { accepted: 9, declined: 2, "more-information": 1, waiting: 2 },
      daysToFirstDiscussion: { "3": 2, "7": 3, "12": 1, "30": 1 },
      notYetDiscussed: 2,
    },
    children: {
      referred: {
        ageBand: { "10-13": 2, "14-15": 6, "16-17": 5, "not-known": 1 },
        gender: { male: 9, female: 4, "not-known": 1 },
        ethnicity: {
          "white-british": 6,
          "black-caribbean": 3,
          "black-african": 2,
          "asian-indian": 1,
          "not-known": 2,
        },
      },
      accepted: {
        ageBand: { "14-15": 5, "16-17": 4 },
        gender: { male: 6, female: 3 },
        ethnicity: { "white-british": 4, "black-caribbean": 3, "black-african": 1, "not-known": 1 },
      },
    },
    cohort: {
      opened: 9,
      closedByReason: { remove: 3, transfer: 1 },
      riskAtEntry: { emerging: 3, moderate: 4, significant: 2 },
      openAtEnd: 20,
      riskAtEnd: { emerging: 6, moderate: 9, significant: 5 },
      movement: { up: 4, same: 12, down: 3, "not-known": 1 },
    },
    disruption: {
      byType: { "Closure order": 2, "Arrest or charge": 6 },
      decisionsWithDisruption: 3,
      personsOfConcernDiscussed: 6,
      locationsDiscussed: 2,
      groupsDiscussed: 1,
    },
    actions: {
      byAgency: {
        "mer-police": { agreed: 12, doneOnTime: 10, doneLate: 2, overdue: 0, open: 0 },
        "mer-csc": { agreed: 6, doneOnTime: 3, doneLate: 1, overdue: 1, open: 1 },
        "mer-health": { agreed: 5, doneOnTime: 5, doneLate: 0, overdue: 0, open: 0 },
      },
    },
    meetings: {
      held: 2,
      quorate: 2,
      attendedByAgency: { "mer-police": 2, "mer-csc": 2, "mer-health": 1, "mer-education": 2 },
    },
    riskFactorMatrix: { applies: 13, completed: 10, rating: { emerging: 3, moderate: 6, significant: 1 } },
    thresholding: { "1": 8, "2": 1, "3": 3, "4": 2 },
    themes: { missing: 6, "serious-youth-violence": 3, "not-recorded": 1 },
    linkedToOpenCases: [
      { reference: "MER-L-0001", kind: "location-of-concern", openCases: 7 },
      { reference: "MER-G-0002", kind: "group", openCases: 2 },
    ],
  }),
  monthFigures({
    ...P,
    month: "2026-11",
    referrals: {
      received: 9,
      byKind: { individual: 8, "person-of-concern": 1 },
      byAgency: { "mer-police": 5, "mer-csc": 3, "mer-voluntary": 1 },
      byOutcome: { accepted: 6, declined: 1, waiting: 2 },
      daysToFirstDiscussion: { "5": 2, "9": 1 },
      notYetDiscussed: 3,
    },
    children: {
      referred: {
        ageBand: { "14-15": 4, "16-17": 3, "18-25": 1 },
        gender: { male: 5, female: 3 },
        ethnicity: { "white-british": 5, "black-caribbean": 1, "white-other": 2 },
      },
      accepted: {
        ageBand: { "14-15": 3, "16-17": 3 },
        gender: { male: 4, female: 2 },
        ethnicity: { "white-british": 4, "white-other": 2 },
      },
    },
    cohort: {
      opened: 3,
      closedByReason: { remove: 2 },
      riskAtEntry: { emerging: 1, moderate: 2 },
      openAtEnd: 24,
      riskAtEnd: { emerging: 7, moderate: 11, significant: 6 },
      movement: { up: 6, same: 14, down: 3, "not-known": 1 },
    },
    actions: {
      byAgency: {
        "mer-police": { agreed: 3, doneOnTime: 2, doneLate: 0, overdue: 1, open: 0 },
        "mer-education": { agreed: 6, doneOnTime: 0, doneLate: 0, overdue: 0, open: 6 },
      },
    },
    meetings: {
      held: 2,
      quorate: 1,
      attendedByAgency: { "mer-police": 2, "mer-csc": 1, "mer-voluntary": 2 },
    },
    riskFactorMatrix: { applies: 8, completed: 8, rating: { moderate: 5, significant: 3 } },
    thresholding: { "1": 6, "3": 1 },
    themes: { missing: 2, "not-recorded": 5 },
  }),
  monthFigures({
    ...S,
    month: "2026-10",
    referrals: {
      received: 3,
      byKind: { "person-of-concern": 3 },
      byAgency: { "mer-police": 3 },
      byOutcome: { accepted: 3 },
      daysToFirstDiscussion: { "14": 1 },
      notYetDiscussed: 2,
    },
    cohort: {
      opened: 3,
      riskAtEntry: { significant: 3 },
      openAtEnd: 3,
      riskAtEnd: { significant: 3 },
      movement: { same: 3 },
    },
    actions: { byAgency: { "mer-police": { agreed: 4, doneOnTime: 4, doneLate: 0, overdue: 0, open: 0 } } },
    meetings: {
      held: 1,
      quorate: 1,
      attendedByAgency: { "mer-police": 1, "mer-csc": 1, "mer-community-safety": 1 },
    },
  }),
];

const tableOf = (report: Report, id: string): ReportTable => {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  assert.ok(table, `the report has ${id}`);
  return table;
};

describe("The partnership board's copy gives no hidden count away", () => {
  let desk: ReportDesk;

  beforeEach(async () => {
    const ports = fakePorts("2026-12-01T12:00:00Z");
    const baselines = fakePopulationBaselines([
      {
        areaId: "merton",
        source: "Invented for these tests",
        invented: true,
        year: 2021,
        children: {
          "white-british": 20_000,
          "black-caribbean": 2_000,
          "black-african": 3_000,
          "asian-indian": 1_500,
        },
      },
    ]);
    desk = reportDesk({ ...ports, baselines, suppressBelow: 5, workOutMonth: () => Promise.resolve([]) });
    for (const f of months) await ports.figures.save(f);
  });

  const copies = async (panelId?: string) => {
    const request = { period: "quarter" as const, ...(panelId ? { panelId } : {}) };
    const [exact, board] = await Promise.all(
      (["panel", "board"] as const).map((sharing) =>
        desk.export(analyst, "merton", { ...request, sharing }, "Word document"),
      ),
    );
    assert.ok(exact && board);
    return { exact, board };
  };

  for (const panelId of [undefined, P.panelId, S.panelId])
    it(`in ${panelId ?? "the area's"} report, by subtraction, narrowing, totals, shares, days, notes or summaries`, async () => {
      const { exact, board } = await copies(panelId);
      assert.deepEqual(giveaways(board, exact, 5), []);
      const hidden = board.sections
        .flatMap((s) => s.tables)
        .flatMap((t) => t.rows.flatMap((r) => Object.values(r)))
        .filter((c) => c === "fewer than 5");
      assert.ok(hidden.length > 0, "the copy hides some counts");
    });

  it("treats an agency's actions agreed as the total of its row", async () => {
    const { board } = await copies();
    const police = tableOf(board, "agencies-actions").rows.find((r) => r["agency"] === "Police");
    // 19 agreed, 16 on time, 2 late, 1 overdue: the late and overdue ones are small, and add up to 3.
    assert.equal(police?.["agreed"], 19);
    assert.equal(police?.["doneLate"], "fewer than 5");
    assert.equal(police?.["doneOnTime"], "suppressed");
    assert.equal(police?.["onTimeShare"], "suppressed");
  });

  it("hides a month's few cases opened along with another month, as the period's total is shown", async () => {
    const { board } = await copies(P.panelId);
    // October 9, November 3, December not worked out; 12 opened in the quarter.
    assert.deepEqual(
      tableOf(board, "cohort-by-month").rows.map((r) => r["opened"]),
      ["suppressed", "fewer than 5", null],
    );
    assert.equal(tableOf(board, "cohort-risk").rows.at(-1)?.["atEntry"], 12);
  });

  it("hides the days to first discussion of fewer than 5 referrals discussed", async () => {
    const { board } = await copies(S.panelId);
    assert.deepEqual(tableOf(board, "referrals-time-to-discussion").rows, [
      {
        discussed: "fewer than 5",
        median: "suppressed",
        ninetieth: "suppressed",
        notYetDiscussed: "fewer than 5",
      },
    ]);
    assert.deepEqual(board.sections.find((s) => s.id === "referrals")?.summary, []);
  });

  it("states no count of children whose ethnicity is not known in the disproportionality notes", async () => {
    const { board } = await copies();
    const notes = tableOf(board, "disproportionality-by-ethnicity").notes.join(" ");
    assert.doesNotMatch(notes, /\d+ of \d+/);
  });
});
