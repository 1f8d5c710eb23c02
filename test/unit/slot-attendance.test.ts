import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { expectedAtSlot, invitedTo, type SlotCase } from "../../bot/src/domain/agenda/slot-attendance.js";
import { presenterPlacesOf } from "../../bot/src/domain/cohort/case.js";

// Who is expected at a case's slot and why, by each panel's terms of reference.

const catalogue = loadCatalogue("bot/config/areas");
const rulesOf = (panelId: string) => catalogue.panels.get(panelId)?.slotAttendance;

const caseWith = (overrides: Partial<SlotCase> = {}): SlotCase => ({
  presenterRoles: [
    { personId: "referrer-1", role: "referrer" },
    { personId: "worker-1", role: "worker" },
    { personId: "manager-1", role: "manager" },
  ],
  riskLevel: "moderate",
  workerMustAttend: false,
  plansHaveImpact: null,
  ...overrides,
});
const summary = (people: ReturnType<typeof expectedAtSlot>) =>
  people.map((p) => [p.personId ?? p.who, p.attends, p.reasons.join("; ")]);

describe("Who is expected at a case's slot", () => {
  it("in Wandsworth the allocated social worker and their manager attend with the referrer (000 §2)", () => {
    assert.deepEqual(summary(expectedAtSlot(rulesOf("wandsworth-marve"), [caseWith()])), [
      ["referrer-1", "expected", "referred the case"],
      ["worker-1", "expected", "allocated social worker (000 §2)"],
      ["manager-1", "expected", "their manager, who attends with the social worker (000 §2)"],
    ]);
  });

  it("for MARVE Plus it is the young adult's personal adviser and their team manager (000 §5)", () => {
    const people = expectedAtSlot(rulesOf("wandsworth-marve-plus"), [caseWith()]);
    assert.deepEqual(
      people.map((p) => p.reasons[0]),
      [
        "referred the case",
        "allocated personal adviser (000 §5)",
        "their team manager, who attends with the personal adviser (000 §5)",
      ],
    );
  });

  it("in Merton the team manager attends at significant risk, and otherwise only if the worker is not available (001)", () => {
    const rules = rulesOf("merton-pre-mace");
    const manager = (riskLevel: string) =>
      expectedAtSlot(rules, [caseWith({ riskLevel })]).find((p) => p.personId === "manager-1");
    assert.deepEqual(
      [manager("significant")?.attends, manager("significant")?.reasons],
      ["expected", ["their team manager: the risk is significant (001 case presentation)"]],
    );
    assert.deepEqual(
      [manager("moderate")?.attends, manager("moderate")?.reasons],
      ["if-needed", ["their team manager, if the worker is not available (001 case presentation)"]],
    );
  });

  it("a worker who also referred the case is listed once, with both reasons", () => {
    const people = expectedAtSlot(rulesOf("wandsworth-marve"), [
      caseWith({
        presenterRoles: [
          { personId: "worker-1", role: "referrer" },
          { personId: "worker-1", role: "worker" },
        ],
      }),
    ]);
    assert.deepEqual(summary(people), [
      ["worker-1", "expected", "referred the case; allocated social worker (000 §2)"],
    ]);
  });

  it("where plans are having impact the social worker and manager need not attend and are not invited; the referrer still is (000 §4)", () => {
    const people = expectedAtSlot(rulesOf("wandsworth-marve"), [
      caseWith({ plansHaveImpact: "Missing episodes stopped; back in school full time." }),
    ]);
    assert.deepEqual(summary(people), [
      ["referrer-1", "expected", "referred the case"],
      ["worker-1", "need-not", "allocated social worker (000 §2); plans are having impact (000 §4)"],
      [
        "manager-1",
        "need-not",
        "their manager, who attends with the social worker (000 §2); plans are having impact (000 §4)",
      ],
    ]);
    assert.deepEqual(invitedTo(people), ["referrer-1"]);
  });

  it("only Wandsworth's operational panel has the rule: elsewhere a note of impact excuses nobody", () => {
    for (const panelId of [
      "wandsworth-marve-plus",
      "merton-pre-mace",
      "staffordshire-tamworth",
      "lambeth-mave",
    ]) {
      const people = expectedAtSlot(rulesOf(panelId), [caseWith({ plansHaveImpact: "Plan working." })]);
      assert.ok(
        people.every((p) => p.attends !== "need-not"),
        `${panelId}: ${JSON.stringify(summary(people))}`,
      );
    }
    assert.deepEqual(
      [...catalogue.panels.values()].filter((p) => p.slotAttendance?.plansHavingImpact).map((p) => p.id),
      ["wandsworth-marve"],
    );
  });

  it("drifting actions bring the worker back even where plans were said to have impact (000 §4)", () => {
    const people = expectedAtSlot(rulesOf("merton-pre-mace"), [
      caseWith({ plansHaveImpact: "Plan working.", workerMustAttend: true }),
    ]);
    assert.deepEqual(
      people.map((p) => p.attends),
      ["expected", "expected", "expected"],
    );
    assert.ok(
      people.every((p) => p.reasons.includes("actions have drifted: attendance is required (000 §4)")),
    );
    assert.deepEqual(invitedTo(people), ["referrer-1", "worker-1", "manager-1"]);
  });

  it("Staffordshire's and Lambeth's terms of reference add the lead professional, who is not invited by name", () => {
    const people = expectedAtSlot(rulesOf("staffordshire-tamworth"), [
      caseWith({ presenterRoles: [{ personId: "referrer-1", role: "referrer" }] }),
    ]);
    assert.deepEqual(summary(people), [
      ["referrer-1", "expected", "referred the case"],
      [
        "The child's lead professional",
        "expected",
        "gives the overview of the child exploitation concerns (003)",
      ],
    ]);
    assert.deepEqual(invitedTo(people), ["referrer-1"]);
    assert.equal(
      expectedAtSlot(rulesOf("lambeth-mave"), [caseWith()]).find((p) => p.personId === null)?.who,
      "The lead professional",
    );
  });

  it("a mapped group's slot lists each child's people once, the strongest reason to attend winning", () => {
    const people = expectedAtSlot(rulesOf("merton-pre-mace"), [
      caseWith({ riskLevel: "moderate" }),
      caseWith({
        riskLevel: "significant",
        presenterRoles: [{ personId: "manager-1", role: "manager" }],
      }),
    ]);
    assert.equal(people.length, 3);
    assert.equal(people.find((p) => p.personId === "manager-1")?.attends, "expected");
  });

  it("a case stored before roles were kept lists its referrer as such and the others as named on the referral", () => {
    const places = presenterPlacesOf({ presenterId: "referrer-1", presenterIds: ["referrer-1", "worker-1"] });
    assert.deepEqual(summary(expectedAtSlot(undefined, [caseWith({ presenterRoles: places })])), [
      ["referrer-1", "expected", "referred the case"],
      ["worker-1", "expected", "named on the referral"],
    ]);
  });
});
