import assert from "node:assert/strict";
import { reportDesk, type ReportDesk } from "../../../bot/src/application/reports/report-desk.js";
import type { Month } from "../../../bot/src/domain/reports/month-figures.js";
import type { PopulationBaseline } from "../../../bot/src/domain/reports/population-baseline.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { fakePopulationBaselines } from "../../support/fakes/population-baselines.js";
import { monthFigures } from "../../support/month-figures.js";
import { PEOPLE } from "../../support/people.js";

// Reports on the port fakes, on 1 December 2026: who reads a panel's and an area's report, who
// keeps its figures, what each view and export writes to the audit trail, the board's copy, and
// the population baseline replaced whole or not at all.

const as = (p: { id: string; displayName: string }) => ({ id: p.id, name: p.displayName });
const analyst = as(PEOPLE.mertonAnalyst);
const chair = as(PEOPLE.mertonChair);
const coordinator = as(PEOPLE.mertonCoordinator);
const member = as(PEOPLE.mertonPoliceOfficer);
const presenter = as(PEOPLE.mertonSocialWorker);
const administrator = as(PEOPLE.mertonAdministrator);
const lambethCoordinator = as(PEOPLE.lambethCoordinator);

const INVENTED: PopulationBaseline = {
  areaId: "merton",
  source: "Invented for these tests",
  invented: true,
  year: 2021,
  children: { "white-british": 20_000, "black-african": 3_000 },
};

const refused = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

describe("Reports for a panel and an area", () => {
  let ports: FakePorts;
  let baselines: ReturnType<typeof fakePopulationBaselines>;
  let worked: [string, Month][];
  let desk: ReportDesk;

  beforeEach(async () => {
    ports = fakePorts("2026-12-01T12:00:00Z");
    baselines = fakePopulationBaselines([INVENTED]);
    worked = [];
    desk = reportDesk({
      ...ports,
      baselines,
      suppressBelow: 5,
      workOutMonth: (areaId, month) => {
        worked.push([areaId, month]);
        return Promise.resolve([
          monthFigures({ areaId, panelId: "merton-pre-mace", month, builtAt: "2026-12-01T12:00:00.000Z" }),
          monthFigures({
            areaId,
            panelId: "merton-strategic-mace",
            month,
            builtAt: "2026-12-01T12:00:01.000Z",
          }),
        ]);
      },
    });
    await ports.figures.save(
      monthFigures({
        areaId: "merton",
        panelId: "merton-pre-mace",
        month: "2026-11",
        referrals: { received: 8, byKind: { individual: 6, group: 2 } },
      }),
    );
    await ports.figures.save(
      monthFigures({
        areaId: "merton",
        panelId: "merton-strategic-mace",
        month: "2026-10",
        referrals: { received: 3, byKind: { "person-of-concern": 3 } },
      }),
    );
  });

  it("shows the analyst the area's section asked for, the sections to choose from, and audits the view", async () => {
    const view = await desk.view(
      analyst,
      "merton",
      { period: "quarter", section: "referrals" },
      "tab report",
    );
    assert.deepEqual(
      view.report.sections.map((s) => s.id),
      ["referrals"],
    );
    assert.equal(view.report.sections[0]?.summary[0], "11 referrals received.");
    assert.deepEqual(view.months, ["2026-10", "2026-11", "2026-12"]);
    assert.ok(view.sections.length > 1);
    assert.equal(view.canWorkOut, true);
    assert.deepEqual(view.baseline, { source: "Invented for these tests", invented: true, year: 2021 });
    const audit = ports.casework.auditOf("merton").filter((a) => a.action === "report.viewed");
    assert.deepEqual(
      audit.map((a) => [a.actorId, a.panelId, a.reference, a.via]),
      [[analyst.id, "", "2026-10..2026-12", "tab report: referrals"]],
    );
  });

  it("gives a panel's report that panel's figures only", async () => {
    const view = await desk.view(
      chair,
      "merton",
      { period: "quarter", section: "referrals", panelId: "merton-strategic-mace" },
      "tab report",
    );
    assert.equal(view.report.sections[0]?.summary[0], "3 referrals received.");
    assert.equal(view.canWorkOut, false);
    assert.equal(ports.casework.auditOf("merton")[0]?.panelId, "merton-strategic-mace");
  });

  it("refuses members, presenters and other areas' people the reports, and anyone a panel of another area", async () => {
    for (const person of [member, presenter, lambethCoordinator])
      await assert.rejects(
        desk.view(person, "merton", { period: "year", section: "cohort" }, "tab report"),
        refused("not-allowed", "report-readers-only"),
      );
    await assert.rejects(
      desk.view(
        member,
        "merton",
        { period: "year", section: "cohort", panelId: "merton-pre-mace" },
        "tab report",
      ),
      refused(
        "not-allowed",
        "report-readers-only",
        "Only Pre-MACE operational panel's coordinators, chairs and analysts, and Merton's administrators, can see its reports. Ask its coordinator if you need them.",
      ),
    );
    await assert.rejects(
      desk.view(
        coordinator,
        "merton",
        { period: "year", section: "cohort", panelId: "lambeth-mave" },
        "tab report",
      ),
      refused("not-found", "unknown-panel"),
    );
    assert.deepEqual(ports.casework.auditOf("merton"), []);
    const view = await desk.view(
      administrator,
      "merton",
      { period: "year", section: "cohort" },
      "tab report",
    );
    assert.equal(view.canWorkOut, true, "Merton's administrator, named in configuration, keeps its figures");
  });

  it("exports the whole report exactly for the panel, and with small counts suppressed for the board", async () => {
    const panel = await desk.export(
      coordinator,
      "merton",
      { period: "quarter", sharing: "panel" },
      "Word document",
    );
    const board = await desk.export(
      coordinator,
      "merton",
      { period: "quarter", sharing: "board" },
      "Word document",
    );
    const groups = (r: typeof panel) =>
      r.sections[0]?.tables
        .find((t) => t.id === "referrals-by-kind")
        ?.rows.find((row) => row["kind"] === "Group or cohort");
    assert.equal(panel.suppressedBelow, null);
    assert.equal(groups(panel)?.["referrals"], 2);
    assert.equal(board.suppressedBelow, 5);
    assert.equal(groups(board)?.["referrals"], "fewer than 5");
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .filter((a) => a.action === "report.exported")
        .map((a) => a.via)
        .sort(),
      ["Word document, for the panel", "Word document, for the partnership board"],
    );
  });

  it("exports one table, or says there is no such table", async () => {
    const { table } = await desk.exportTable(
      analyst,
      "merton",
      "referrals-by-kind",
      { period: "quarter", sharing: "panel" },
      "CSV",
    );
    assert.equal(table.caption, "Referrals received by kind");
    await assert.rejects(
      desk.exportTable(analyst, "merton", "names", { period: "quarter", sharing: "panel" }, "CSV"),
      refused("not-found", "unknown-table"),
    );
  });

  it("works a month out again for the area's coordinators, analysts and administrators only", async () => {
    const done = await desk.workOutAgain(analyst, "merton", "2026-11");
    assert.deepEqual(done, { month: "2026-11", panels: 2, builtAt: "2026-12-01T12:00:01.000Z" });
    assert.deepEqual(worked, [["merton", "2026-11"]]);
    await assert.rejects(
      desk.workOutAgain(chair, "merton", "2026-11"),
      refused("not-allowed", "report-keepers-only"),
    );
    await assert.rejects(
      desk.workOutAgain(analyst, "merton", "2027-01"),
      refused(
        "invalid",
        "future-month",
        "January 2027 has not started yet: choose this month or an earlier one.",
      ),
    );
    assert.equal(worked.length, 1);
  });

  it("replaces the area's baseline from a CSV, audited, and changes nothing for a file with a bad row", async () => {
    await assert.rejects(
      desk.replaceBaseline(
        analyst,
        "merton",
        {
          source: "ONS mid-year estimate",
          year: 2024,
          csv: "ethnicity,children\nwhite-british,100\nWhte British,5\nblack-african,lots\n",
        },
        "tab population baseline",
      ),
      (e: unknown) => {
        assert.ok(e instanceof Refusal);
        assert.equal(
          e.message,
          "Nothing was changed: 2 rows need correcting. Row 3: 'Whte British' is not one of the ethnic groups the form asks. Row 4: 'lots' is not a whole number of children.",
        );
        assert.equal(e.fields.length, 2);
        return true;
      },
    );
    assert.deepEqual(baselines.replaced, []);
    assert.deepEqual(ports.casework.auditOf("merton"), []);

    const replaced = await desk.replaceBaseline(
      analyst,
      "merton",
      {
        source: "ONS mid-year estimate",
        year: 2024,
        csv: "OFFICIAL-SENSITIVE\nEthnic group,Children\nWhite: Irish,400\nblack-african,3100\n",
      },
      "tab population baseline",
    );
    assert.deepEqual(replaced, {
      areaId: "merton",
      source: "ONS mid-year estimate",
      invented: false,
      year: 2024,
      children: { "white-irish": 400, "black-african": 3100 },
    });
    assert.equal((await desk.baseline(chair, "merton")).source, "ONS mid-year estimate");
    assert.deepEqual(
      ports.casework.auditOf("merton").map((a) => [a.action, a.actorId, a.reference]),
      [["population-baseline.replaced", analyst.id, "2024"]],
    );
    await assert.rejects(
      desk.replaceBaseline(chair, "merton", { source: "x", year: 2024, csv: "" }, "tab population baseline"),
      refused("not-allowed", "report-keepers-only"),
    );
  });
});
