import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { CatalogueError, panelsOfArea } from "../../bot/src/domain/catalogue/catalogue.js";

const DIR = "bot/config/areas";

describe("The panel catalogue", () => {
  const catalogue = loadCatalogue(DIR);

  it("has every area in the design: Wandsworth, Merton, Havering, Staffordshire and Lambeth", () => {
    assert.deepEqual(catalogue.areas.map((a) => a.name).sort(), [
      "Havering",
      "Lambeth",
      "Merton",
      "Staffordshire",
      "Wandsworth",
    ]);
  });

  it("has a district MACE panel for each of the eight Staffordshire districts, every two months", () => {
    const districts = panelsOfArea(catalogue, "staffordshire").filter((p) => p.tier === "operational");
    assert.deepEqual(districts.map((p) => p.name.replace(" District MACE panel", "")).sort(), [
      "Cannock",
      "East Staffordshire",
      "Lichfield",
      "Moorlands",
      "Newcastle-under-Lyme",
      "South Staffordshire",
      "Stafford",
      "Tamworth",
    ]);
    for (const p of districts) {
      assert.equal(p.schedule.cadence.kind, "monthly-nth-weekday");
      assert.equal(p.schedule.cadence.kind === "monthly-nth-weekday" && p.schedule.cadence.intervalMonths, 2);
    }
  });

  it("sits the Merton pre-MACE on the first Thursday, 09:30 to 13:30, quorate with Health, CSC, Police and Education", () => {
    const p = catalogue.panels.get("merton-pre-mace");
    assert.ok(p);
    assert.deepEqual(p.schedule.cadence, {
      kind: "monthly-nth-weekday",
      nth: 1,
      weekday: "thursday",
      intervalMonths: 1,
      firstMonth: "2026-01",
    });
    assert.equal(p.schedule.startTime, "09:30");
    assert.equal(p.schedule.durationMinutes, 240);
    assert.deepEqual([...p.quorumAgencyKinds].sort(), [
      "childrens-social-care",
      "education",
      "health",
      "police",
    ]);
    const screening = p.referralRules?.gates.find((g) => g.kind === "contextual-harm-screening");
    assert.equal(screening?.minimumTotal, 50);
    assert.equal(screening?.minimumInOneArea, 10);
    assert.ok(screening.areasOfHarm.some((a) => a.label === "Child criminal exploitation"));
    assert.equal(p.referralRules?.deadlineDaysBefore, 7);
  });

  it("sits Havering MACE on the second Monday for two hours and Lambeth MAVE every two weeks for three hours", () => {
    const havering = catalogue.panels.get("havering-mace");
    assert.equal(
      havering?.schedule.cadence.kind === "monthly-nth-weekday" && havering.schedule.cadence.nth,
      2,
    );
    assert.equal(havering?.schedule.durationMinutes, 120);
    const mave = catalogue.panels.get("lambeth-mave");
    assert.equal(mave?.schedule.cadence.kind === "every-n-weeks" && mave.schedule.cadence.weeks, 2);
    assert.equal(mave?.schedule.durationMinutes, 180);
    assert.equal(mave?.referralRules?.subjects.youngAdultsUpTo, 25);
    assert.ok(mave?.referralRules?.gates.some((g) => g.kind === "manager-approval"));
  });

  it("keeps each area's own risk scale: RAG in Wandsworth, low/medium/high in Staffordshire with medium and high to panel", () => {
    const wandsworth = catalogue.areas.find((a) => a.id === "wandsworth");
    assert.deepEqual(
      wandsworth?.riskScale.levels.map((l) => l.label),
      ["Emerging", "Moderate", "Significant"],
    );
    const staffs = catalogue.areas.find((a) => a.id === "staffordshire");
    assert.deepEqual(
      staffs?.riskScale.levels.map((l) => l.id),
      ["low", "medium", "high"],
    );
    assert.equal(staffs?.riskScale.panelThreshold, "medium");
  });

  it("takes Merton's screening areas of harm to the pre-MACE agenda's sections by presenting need (001 appendix 2)", () => {
    const gate = catalogue.panels
      .get("merton-pre-mace")
      ?.referralRules?.gates.find((g) => g.kind === "contextual-harm-screening");
    assert.ok(gate?.kind === "contextual-harm-screening");
    assert.deepEqual(
      gate.areasOfHarm.map((a) => [a.id, a.theme ?? null]),
      [
        ["criminal-exploitation", "coercion-control"],
        ["sexual-exploitation", "coercion-control"],
        ["serious-youth-violence", "serious-youth-violence"],
        ["missing", "missing"],
        ["harmful-sexual-behaviour", "sexual-health"],
        ["online-harm", null],
        ["trafficking", "coercion-control"],
        ["substance-misuse", null],
        ["education", null],
      ],
    );
  });

  it("marks values the source documents do not give as local defaults", () => {
    const marve = catalogue.panels.get("wandsworth-marve");
    assert.ok(marve?.localDefaults.includes("schedule.cadence"));
    for (const p of catalogue.panels.values()) assert.ok(Array.isArray(p.localDefaults), p.id);
  });

  describe("a wrong file stops start-up with a message naming the file, the panel and the field", () => {
    // The broken copy sits in a temporary folder; the agenda templates are read from the real one.
    const TEMPLATES = "bot/config/agenda-templates";
    function brokenCopy(edit: (area: Record<string, unknown>) => void): string {
      const dir = mkdtempSync(path.join(tmpdir(), "catalogue-"));
      for (const f of ["merton.json", "lambeth.json"]) copyFileSync(path.join(DIR, f), path.join(dir, f));
      const file = path.join(dir, "merton.json");
      const content = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      edit(content);
      writeFileSync(file, JSON.stringify(content));
      return dir;
    }

    it("names a wrong start time", () => {
      const dir = brokenCopy((c) => {
        (c["panels"] as Record<string, { startTime: string }>[])[0]!["schedule"]!.startTime = "9.30am";
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        (e: unknown) =>
          e instanceof CatalogueError &&
          /merton\.json: panel "merton-pre-mace", field "schedule\.startTime": use a 24-hour time as HH:MM/.test(
            e.message,
          ),
      );
    });

    it("names a core agency that the area does not have", () => {
      const dir = brokenCopy((c) => {
        (c["panels"] as { coreAgencyIds: string[] }[])[1]!.coreAgencyIds.push("mer-fire-service");
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        /merton\.json: panel "merton-strategic-mace", field "coreAgencyIds": "mer-fire-service" is not an agency of Merton/,
      );
    });

    it("names a field that is not known, so a typing slip is not ignored", () => {
      const dir = brokenCopy((c) => {
        (c["panels"] as Record<string, unknown>[])[0]!["quorum"] = ["police"];
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        /merton\.json: panel "merton-pre-mace", field "quorum": Unrecognized key/,
      );
    });

    it("names an area of harm whose theme no section of the panel's agenda takes", () => {
      const dir = brokenCopy((c) => {
        const [, screening] = (c["panels"] as { referralRules: { gates: Record<string, unknown>[] } }[])[0]!
          .referralRules.gates;
        (screening!["areasOfHarm"] as { theme?: string }[])[3]!.theme = "runaway";
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        /merton\.json: panel "merton-pre-mace", field "referralRules\.gates\.1\.areasOfHarm\.3\.theme": "runaway" is not a theme of agenda template "merton-pre-mace" \(its sections take coercion-control, missing, serious-youth-violence, sexual-health, out-of-borough\)/,
      );
    });

    it("names a risk level the manager attends at that is not on the area's scale", () => {
      const dir = brokenCopy((c) => {
        const [panel] = c["panels"] as { slotAttendance: { managerAtRisk: { levels: string[] } } }[];
        panel!.slotAttendance.managerAtRisk.levels = ["very-high"];
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        /merton\.json: panel "merton-pre-mace", field "slotAttendance\.managerAtRisk\.levels": "very-high" is not one of the area's risk levels/,
      );
    });

    it("names a panel that sends a kind of referral to a panel of another area, or to one not taking it", () => {
      const dir = brokenCopy((c) => {
        const rules = (c["panels"] as { referralRules: Record<string, unknown> }[])[0]!.referralRules;
        rules["kinds"] = ["group", "person-of-concern", "location-of-concern"];
        rules["referredElsewhere"] = [
          {
            kinds: ["individual"],
            panelId: "lambeth-mave",
            message: "Refer the child to Lambeth's MAVE panel.",
          },
          {
            kinds: ["group"],
            panelId: "merton-strategic-mace",
            message: "Refer the group to the strategic MACE.",
          },
        ];
      });
      assert.throws(
        () => loadCatalogue(dir, TEMPLATES),
        (e: unknown) =>
          e instanceof CatalogueError &&
          e.message.includes(
            'panel "merton-pre-mace", field "referralRules.referredElsewhere.0.panelId": "lambeth-mave" is not a panel of the area taking individual',
          ) &&
          e.message.includes('field "referralRules.referredElsewhere.1.panelId": "merton-strategic-mace"') &&
          e.message.includes(
            'field "referralRules.referredElsewhere.1.kinds": the panel takes these kinds itself',
          ),
      );
    });

    it("names a file that is not JSON", () => {
      const dir = brokenCopy(() => undefined);
      writeFileSync(path.join(dir, "havering.json"), "{ not json");
      assert.throws(() => loadCatalogue(dir, TEMPLATES), /havering\.json: not valid JSON/);
    });
  });
});
