import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { recordVerdict } from "../../bot/src/domain/retention/record-due.js";
import {
  describePolicy,
  dueFrom,
  lastClosingDayDue,
  type RetentionPolicy,
} from "../../bot/src/domain/retention/retention-policy.js";

// When a closed case's record has passed its area's period, and how each area is configured.

const sixYears: RetentionPolicy = { closedCasesKeptFor: { years: 6 }, then: "delete" };
const closed = (panelId: string, closedAt: string) => ({
  panelId,
  status: "closed" as const,
  closedAt,
  openedAt: "2020-01-02T10:00:00.000Z",
});

describe("A retention period", () => {
  it("runs whole years from the day the case closed, a 29 February closing being due on 1 March", () => {
    assert.equal(lastClosingDayDue(sixYears, "2033-01-07"), "2027-01-07");
    assert.equal(dueFrom(sixYears, "2027-01-07"), "2033-01-07");
    assert.equal(dueFrom(sixYears, "2028-02-29"), "2034-03-01");
    assert.equal(lastClosingDayDue(sixYears, "2034-02-28"), "2028-02-28");
    assert.equal(lastClosingDayDue(sixYears, "2034-03-01"), "2028-03-01");
  });

  it("never runs when the area keeps records indefinitely", () => {
    const forever: RetentionPolicy = { closedCasesKeptFor: "indefinitely", then: "anonymise" };
    assert.equal(lastClosingDayDue(forever, "2099-12-31"), undefined);
    assert.deepEqual(recordVerdict([closed("p", "2000-01-01T00:00:00.000Z")], forever, "2099-12-31"), {
      due: false,
      why: "kept-indefinitely",
    });
    assert.equal(describePolicy(forever), "kept indefinitely");
    assert.equal(describePolicy(sixYears), "kept 6 years after closing, then deleted");
  });

  it("makes a record due only when every case of the subject has closed and passed it", () => {
    const old = closed("merton-pre-mace", "2027-01-07T10:00:00.000Z");
    assert.deepEqual(recordVerdict([old], sixYears, "2033-01-07"), {
      due: true,
      lastClosed: { panelId: "merton-pre-mace", on: "2027-01-07" },
      dueFrom: "2033-01-07",
    });
    assert.equal(recordVerdict([old], sixYears, "2033-01-06").due, false);
    const later = closed("merton-strategic-mace", "2029-03-01T10:00:00.000Z");
    assert.deepEqual(recordVerdict([old, later], sixYears, "2034-01-10"), {
      due: false,
      why: "not-yet-due",
      panelId: "merton-strategic-mace",
      closedOn: "2029-03-01",
      dueFrom: "2035-03-01",
    });
    const open = { ...later, status: "open" as const, closedAt: null };
    assert.deepEqual(recordVerdict([old, open], sixYears, "2040-01-01"), {
      due: false,
      why: "open",
      panelId: "merton-strategic-mace",
    });
  });

  it("runs, for a case closed before its closing moment was kept, from its last decision", () => {
    const legacy = {
      panelId: "p",
      status: "closed" as const,
      decidedOn: "2027-02-04",
      openedAt: "2026-12-20T12:00:00.000Z",
    };
    assert.equal(recordVerdict([legacy], sixYears, "2033-02-03").due, false);
    assert.equal(recordVerdict([legacy], sixYears, "2033-02-04").due, true);
  });

  it("is set in each area's file as a local default, for its data protection officer to confirm", () => {
    const catalogue = loadCatalogue("bot/config/areas");
    for (const area of catalogue.areas) {
      assert.ok(area.localDefaults.includes("retention"), area.id);
      assert.ok(describePolicy(area.retention).startsWith("kept"), area.id);
    }
  });
});
