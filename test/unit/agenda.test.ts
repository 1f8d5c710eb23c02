import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { buildAgenda, type AgendaCase } from "../../bot/src/domain/agenda/build.js";
import { AgendaTemplate } from "../../bot/src/domain/agenda/template.js";
import { placementFor } from "../../bot/src/domain/cohort/case.js";

const catalogue = loadCatalogue("bot/config/areas");
const template = (id: string): AgendaTemplate => {
  const t = catalogue.agendaTemplates.get(id);
  assert.ok(t, id);
  return t;
};

let serial = 0;
function child(overrides: Partial<AgendaCase> = {}): AgendaCase {
  serial += 1;
  return {
    subjectId: `subject-${serial}`,
    reference: `MER-2026-${String(serial).padStart(4, "0")}`,
    placement: "victim",
    stage: "return",
    theme: null,
    groupKey: null,
    category: null,
    presenterIds: [`presenter-${serial}`],
    presenterRoles: [{ personId: `presenter-${serial}`, role: "referrer" }],
    riskLevel: null,
    plansHaveImpact: null,
    workerMustAttend: false,
    sectionId: null,
    slotMinutes: null,
    order: null,
    rationale: null,
    ...overrides,
  };
}
const clock = (iso: string): string => iso.slice(11, 16);
const starts = (agenda: ReturnType<typeof buildAgenda>) =>
  Object.fromEntries(agenda.entries.filter((e) => e.id).map((e) => [e.id, clock(e.start)]));

describe("Agendas built from a panel's template", () => {
  it("every panel has an agenda template, and each opens with the confidentiality statement", () => {
    for (const panel of catalogue.panels.values()) {
      const t = template(panel.agendaTemplateId);
      const first = t.items[0];
      assert.ok(first?.kind === "item" && first.statements?.includes("confidentiality"), panel.id);
    }
  });

  it("refuses a template that leaves out the confidentiality statement", () => {
    const parsed = AgendaTemplate.safeParse({
      id: "no-statement",
      name: "No statement",
      source: "test",
      items: [{ kind: "item", id: "introductions", title: "Introductions", minutes: 5 }],
    });
    assert.equal(parsed.success, false);
    assert.match(JSON.stringify(parsed.error?.issues), /opens with the confidentiality statement/);
  });

  it("a Merton pre-MACE with ten cases has the sections and times of 001 appendix 2", () => {
    const cases = [
      child({ stage: "new" }),
      child({ stage: "new" }),
      child({ stage: "new" }),
      child({ theme: "coercion-control" }),
      child({ theme: "coercion-control" }),
      child({ theme: "missing" }),
      child({ theme: "serious-youth-violence" }),
      child({ theme: "serious-youth-violence" }),
      child({ theme: "sexual-health" }),
      child({ theme: "out-of-borough" }),
    ];
    const agenda = buildAgenda(template("merton-pre-mace"), "2027-01-07T09:30:00+00:00", cases, 10);
    assert.deepEqual(starts(agenda), {
      statements: "10:00",
      introductions: "10:05",
      "minutes-and-actions": "10:10",
      "multi-agency-discussion": "10:15",
      "new-cases": "10:20",
      "coercion-control": "10:50",
      missing: "11:30",
      "serious-youth-violence": "12:00",
      "sexual-health": "12:40",
      "out-of-borough": "12:50",
      themes: "13:00",
      "any-other-business": "13:05",
      "persons-of-concern": "13:05",
      "school-exclusions": "13:20",
      "youth-justice": "13:25",
    });
    const breakEntry = agenda.entries.find((e) => e.kind === "break");
    assert.equal(clock(breakEntry?.start ?? ""), "11:50");
    assert.equal(clock(agenda.end), "13:30");
    const newCases = agenda.entries.find((e) => e.id === "new-cases");
    assert.deepEqual(
      newCases?.slots.map((s) => [clock(s.start), clock(s.end), s.references.length]),
      [
        ["10:20", "10:30", 1],
        ["10:30", "10:40", 1],
        ["10:40", "10:50", 1],
      ],
    );
    assert.equal(agenda.unplaced.length, 0);
  });

  it("a child who is also a person of concern is discussed once, as a victim", () => {
    const both = child({ stage: "new", placement: placementFor("person-of-concern", "victim") });
    const exploiter = child({ placement: placementFor("person-of-concern") });
    const agenda = buildAgenda(
      template("merton-pre-mace"),
      "2027-01-07T09:30:00+00:00",
      [both, exploiter],
      10,
    );
    const section = (id: string) =>
      agenda.entries.find((e) => e.id === id)?.slots.flatMap((s) => s.references);
    assert.deepEqual(section("new-cases"), [both.reference]);
    assert.deepEqual(section("persons-of-concern"), [exploiter.reference]);
  });

  it("children mapped as one group share one slot, and a location is on the agenda with no child", () => {
    const group = [1, 2, 3].map(() => child({ category: 1, groupKey: "estate-group" }));
    const place = child({ placement: "location", category: 1, presenterIds: [] });
    const agenda = buildAgenda(
      template("staffordshire-district"),
      "2027-01-12T10:00:00+00:00",
      [...group, place],
      10,
    );
    const discussed = agenda.entries.find((e) => e.id === "discussed");
    assert.equal(discussed?.slots.length, 2);
    assert.deepEqual(
      discussed?.slots[0]?.references,
      group.map((c) => c.reference),
    );
    assert.deepEqual(discussed?.slots[1]?.references, [place.reference]);
  });

  it("lists Staffordshire's categories 3 and 4 with their rationale and no slot", () => {
    const stays = child({ category: 3, rationale: "Safety plan in place; no further disruption available" });
    const removed = child({ category: 4, rationale: "Moved out of area; transfer requested" });
    const agenda = buildAgenda(
      template("staffordshire-district"),
      "2027-01-12T10:00:00+00:00",
      [stays, removed],
      10,
    );
    const remain = agenda.entries.find((e) => e.id === "remain-considered");
    assert.deepEqual(remain?.slots, []);
    assert.deepEqual(remain?.listed, [
      { reference: stays.reference, subjectId: stays.subjectId, rationale: stays.rationale },
    ]);
    assert.equal(agenda.entries.find((e) => e.id === "removed")?.listed[0]?.rationale, removed.rationale);
  });

  it("more cases than a section's time make it longer, and every later time follows", () => {
    const six = Array.from({ length: 6 }, () => child());
    const agenda = buildAgenda(template("lambeth-mave"), "2027-01-05T13:00:00+00:00", six, 10);
    const individuals = agenda.entries.find((e) => e.id === "individuals");
    assert.equal(clock(individuals?.start ?? ""), "13:20");
    assert.equal(individuals?.minutes, 60);
    assert.equal(clock(agenda.entries.find((e) => e.id === "groups")?.start ?? ""), "14:20");
  });

  it("follows the coordinator's order, section and slot length", () => {
    const [a, b, c] = [child({ stage: "new" }), child({ stage: "new" }), child({ stage: "new" })];
    const agenda = buildAgenda(
      template("merton-pre-mace"),
      "2027-01-07T09:30:00+00:00",
      [
        { ...a!, order: 2 },
        { ...b!, order: 1, slotMinutes: 20 },
        { ...c!, sectionId: "missing" },
      ],
      10,
    );
    const newCases = agenda.entries.find((e) => e.id === "new-cases");
    assert.deepEqual(
      newCases?.slots.map((s) => [s.references[0], clock(s.start), s.minutes]),
      [
        [b!.reference, "10:20", 20],
        [a!.reference, "10:40", 10],
      ],
    );
    assert.deepEqual(agenda.entries.find((e) => e.id === "missing")?.slots[0]?.references, [c!.reference]);
  });

  it("keeps aside a case no section takes, for the coordinator to place", () => {
    const noTheme = child({ stage: "return", theme: null });
    const agenda = buildAgenda(template("merton-pre-mace"), "2027-01-07T09:30:00+00:00", [noTheme], 10);
    assert.deepEqual(
      agenda.unplaced.map((c) => c.reference),
      [noTheme.reference],
    );
  });

  it("gives times in British Summer Time in the summer", () => {
    const agenda = buildAgenda(template("merton-pre-mace"), "2027-07-01T09:30:00+01:00", [], 10);
    assert.equal(agenda.start, "2027-07-01T10:00:00+01:00");
    assert.equal(agenda.end.slice(11), "13:30:00+01:00");
  });

  it("every template builds an agenda whose items run in order from its start, opening with the statements", () => {
    for (const t of catalogue.agendaTemplates.values()) {
      const cases = (["victim", "group", "person-of-concern", "location"] as const).map((placement) =>
        child({ placement, stage: "new", category: 1 }),
      );
      const agenda = buildAgenda(t, "2027-03-04T10:00:00+00:00", cases, 10);
      assert.equal(agenda.entries[0]?.start, agenda.start, t.id);
      assert.deepEqual(agenda.entries[0]?.statements, ["confidentiality", "anti-discriminatory"], t.id);
      const starts = agenda.entries.map((e) => e.start);
      assert.deepEqual(starts, [...starts].sort(), t.id);
      for (const e of agenda.entries) assert.ok(e.end >= e.start, `${t.id} ${e.id}`);
    }
  });

  it("Havering: agency updates, then children, persons of concern, locations and cross-border issues (002)", () => {
    const agenda = buildAgenda(
      template("havering-mace"),
      "2027-01-11T14:00:00+00:00",
      [child({ placement: "location" }), child({ placement: "person-of-concern" }), child()],
      10,
    );
    const ids = agenda.entries.map((e) => e.id).filter((id): id is string => id !== null);
    assert.deepEqual(ids.slice(-4), ["children", "persons-of-concern", "locations", "cross-border"]);
    assert.ok(ids.indexOf("police") < ids.indexOf("children"));
    assert.equal(clock(agenda.end), "15:50");
  });

  it("a case with drifting actions comes back with its worker, in Wandsworth's section for them", async () => {
    const { casesDueAt } = await import("../../bot/src/domain/agenda/due-cases.js");
    const base = {
      panelId: "wandsworth-marve",
      placement: "victim" as const,
      riskLevel: null,
      status: "open" as const,
      openedAt: "2026-09-01T10:00:00Z",
      referralIds: [],
      presenterId: "worker-1",
    };
    const drifting = {
      ...base,
      subjectId: "s-drift",
      reference: "WAN-2026-0001",
      nextMeetingDate: "2027-03-09",
      lastDiscussedOn: "2026-12-08",
    };
    const notDue = {
      ...base,
      subjectId: "s-later",
      reference: "WAN-2026-0002",
      nextMeetingDate: "2027-03-09",
      lastDiscussedOn: "2026-12-08",
    };
    const due = casesDueAt("2027-01-12", [drifting, notDue], {}, new Set(["s-drift"]));
    assert.deepEqual(
      due.map((c) => [c.reference, c.stage, c.workerMustAttend]),
      [["WAN-2026-0001", "review", true]],
    );
    const agenda = buildAgenda(template("wandsworth-marve"), "2027-01-12T10:00:00+00:00", due, 10);
    const section = agenda.entries.find((e) => e.id === "must-attend");
    assert.deepEqual(
      section?.slots.map((s) => [s.references[0], s.workerMustAttend]),
      [["WAN-2026-0001", true]],
    );
  });

  it("puts victims first in a section that mixes children, groups, persons and places", () => {
    const place = child({ placement: "location", reference: "LAM-2026-0001" });
    const victim = child({ placement: "victim", reference: "LAM-2026-0009" });
    const agenda = buildAgenda(template("lambeth-mace"), "2027-01-20T10:00:00+00:00", [place, victim], 10);
    const escalated = agenda.entries.find((e) => e.id === "escalated");
    assert.deepEqual(
      escalated?.slots.map((s) => s.references[0]),
      ["LAM-2026-0009", "LAM-2026-0001"],
    );
  });
});
