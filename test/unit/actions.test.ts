import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { defaultDueDate, mayComplete, type Action } from "../../bot/src/domain/actions/action.js";
import { DEFAULT_REMINDER_POLICY, reminderSteps } from "../../bot/src/domain/actions/reminder-policy.js";
import { occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";

const catalogue = loadCatalogue("bot/config/areas");
const trackingDates = (from: string, to: string) =>
  occurrencesBetween(catalogue, "wandsworth-marve-tracking", from, to).map((o) => o.date);
const steps = (s: { kind: string; on: string }[]) => s.map((x) => `${x.kind} ${x.on}`);

describe("Action due dates and reminders", () => {
  it("an action is due two weeks after its meeting, or the panel's configured days", () => {
    assert.equal(defaultDueDate("2026-12-08", 14), "2026-12-22");
    assert.equal(catalogue.panels.get("merton-pre-mace")?.actionDueDays, 14);
  });

  it("Wandsworth: in the week of the action tracking meeting, a reminder on Monday, updates by Wednesday, escalation after", () => {
    const policy = catalogue.panels.get("wandsworth-marve")?.reminderPolicy;
    assert.deepEqual(policy, { kind: "tracking-week", trackingPanelId: "wandsworth-marve-tracking" });
    // MARVE on Tuesday 8 December 2026; due 22 December; tracking on the fourth Thursday, 24 December.
    const dates = trackingDates("2026-12-01", "2027-02-28");
    assert.ok(dates.includes("2026-12-24"));
    assert.deepEqual(steps(reminderSteps("2026-12-22", policy!, dates)), [
      "reminder 2026-12-21",
      "updates-due 2026-12-23",
      "escalation 2026-12-24",
    ]);
  });

  it("Wandsworth: a bank holiday Monday moves the reminder to Tuesday", () => {
    const policy = catalogue.panels.get("wandsworth-marve")?.reminderPolicy;
    // Tracking on Thursday 28 May 2026; Monday 25 May is the spring bank holiday.
    const dates = trackingDates("2026-05-01", "2026-06-30");
    assert.ok(dates.includes("2026-05-28"));
    assert.deepEqual(steps(reminderSteps("2026-05-26", policy!, dates)), [
      "reminder 2026-05-26",
      "updates-due 2026-05-27",
      "escalation 2026-05-28",
    ]);
  });

  it("by default: a reminder three working days before, one on the due date, escalation two working days late", () => {
    assert.deepEqual(steps(reminderSteps("2027-01-15", DEFAULT_REMINDER_POLICY)), [
      "reminder 2027-01-12",
      "updates-due 2027-01-15",
      "escalation 2027-01-19",
    ]);
  });

  it("by default: working days skip Christmas, Boxing Day's substitute and weekends", () => {
    // Tuesday 29 December 2026: 25 and 28 December are bank holidays.
    assert.deepEqual(steps(reminderSteps("2026-12-29", DEFAULT_REMINDER_POLICY)), [
      "reminder 2026-12-22",
      "updates-due 2026-12-29",
      "escalation 2026-12-31",
    ]);
    // Due on a Saturday: the working day before it counts as the due date.
    assert.deepEqual(steps(reminderSteps("2027-01-16", DEFAULT_REMINDER_POLICY)).slice(1, 2), [
      "updates-due 2027-01-15",
    ]);
  });

  it("only the owner, a coordinator or a chair may complete an action", () => {
    const action = { ownerId: "owner" } as Action;
    assert.equal(mayComplete(action, "owner", "member"), true);
    assert.equal(mayComplete(action, "someone", "coordinator"), true);
    assert.equal(mayComplete(action, "someone", "chair"), true);
    assert.equal(mayComplete(action, "someone", "member"), false);
    assert.equal(mayComplete(action, "someone", undefined), false);
  });

  it("refuses a tracking-week policy whose tracking panel does not exist", async () => {
    const { buildCatalogue } = await import("../../bot/src/domain/catalogue/catalogue.js");
    const { readFileSync, readdirSync } = await import("node:fs");
    const areas = readdirSync("bot/config/areas").map((f) => {
      const content = JSON.parse(readFileSync(`bot/config/areas/${f}`, "utf8")) as {
        panels: { id: string; reminderPolicy?: unknown }[];
      };
      for (const p of content.panels)
        if (p.id === "wandsworth-marve")
          p.reminderPolicy = { kind: "tracking-week", trackingPanelId: "no-such-panel" };
      return { fileName: f, content };
    });
    const templates = readdirSync("bot/config/agenda-templates").map((f) => ({
      fileName: f,
      content: JSON.parse(readFileSync(`bot/config/agenda-templates/${f}`, "utf8")) as unknown,
    }));
    assert.throws(
      () => buildCatalogue(areas, templates),
      /reminderPolicy\.trackingPanelId": there is no panel "no-such-panel"/,
    );
  });
});
