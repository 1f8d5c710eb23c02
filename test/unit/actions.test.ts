import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { defaultDueDate, mayComplete, type Action } from "../../bot/src/domain/actions/action.js";
import {
  DEFAULT_REMINDER_POLICY,
  reminderSteps,
  stepsFrom,
  sweepWindow,
} from "../../bot/src/domain/actions/reminder-policy.js";
import { parseDone } from "../../bot/src/adapters/teams/action-commands.js";
import {
  actionDoneCard,
  actionUpdatedCard,
  actionReminderCard,
  escalationCard,
  type CardAction,
} from "../../bot/src/adapters/teams/cards/action-cards.js";
import { occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";
import { PEOPLE } from "../support/people.js";
import { tabLinks } from "../../bot/src/adapters/teams/tab-links.js";

const catalogue = loadCatalogue("bot/config/areas");
const links = tabLinks("https://mace.example");
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

describe("When reminders go", () => {
  it("an action recorded after its reminder date gets one reminder today, not every missed one", () => {
    const all = reminderSteps("2026-12-17", DEFAULT_REMINDER_POLICY);
    assert.deepEqual(steps(stepsFrom(all, "2026-12-15")), [
      "reminder 2026-12-15",
      "updates-due 2026-12-17",
      "escalation 2026-12-21",
    ]);
    // Recorded after its due date: straight to escalation, once.
    assert.deepEqual(steps(stepsFrom(all, "2026-12-18")), [
      "updates-due 2026-12-18",
      "escalation 2026-12-21",
    ]);
    assert.deepEqual(steps(stepsFrom(all, "2026-12-22")), ["escalation 2026-12-22"]);
    assert.deepEqual(steps(stepsFrom(all, "2026-12-01")), steps(all));
  });

  it("the sweep sends a day's reminders from 9am UK time, and catches up on the five days before", () => {
    // 08:30 in winter (GMT) is before nine: today waits.
    assert.deepEqual(sweepWindow(new Date("2027-03-04T08:30:00Z"), 5, 9), [
      "2027-02-27",
      "2027-02-28",
      "2027-03-01",
      "2027-03-02",
      "2027-03-03",
    ]);
    // 08:30 UTC in summer is 09:30 BST: today's reminders go.
    assert.deepEqual(sweepWindow(new Date("2027-06-17T08:30:00Z"), 1, 9), ["2027-06-16", "2027-06-17"]);
    // Just after midnight UK time on a summer night is still the previous day in UTC.
    assert.deepEqual(sweepWindow(new Date("2027-06-16T23:30:00Z"), 0, 0), ["2027-06-17"]);
  });
});

describe("`done` typed in Teams", () => {
  it("reads an optional reference and note", () => {
    assert.deepEqual(parseDone("done"), { note: "" });
    assert.deepEqual(parseDone("Done: sent the chronology"), { note: "sent the chronology" });
    assert.deepEqual(parseDone("done mer-a-2026-0004 - booked for Tuesday"), {
      reference: "MER-A-2026-0004",
      note: "booked for Tuesday",
    });
    assert.equal(parseDone("doneness is not a command"), undefined);
    assert.equal(parseDone("not done yet"), undefined);
  });
});

describe("Action cards", () => {
  const action: CardAction = {
    id: "6b0f2a4e-2f55-4c43-9a52-8f4c1f7c8a11",
    reference: "MER-A-2026-0004",
    version: "v1",
    areaId: "merton",
    panelId: "merton-pre-mace",
    meetingId: "2026-12-03",
    subjectId: "subject-1",
    caseReference: "MER-2026-0002",
    title: "Share the chronology",
    text: "Send Casey Invented's chronology to the allocated worker.",
    ownerId: PEOPLE.mertonNurse.id,
    ownerName: "Hannah Reyes",
    ownerAgencyId: "mer-health",
    ownerAgency: "Health",
    dueDate: "2026-12-17",
    status: "open",
    created: { by: "p", byName: "Priya Okafor", at: "2026-12-03T12:00:00.000Z" },
    completed: null,
    updates: [],
  };
  const json = (c: unknown) => JSON.stringify(c);

  it("in a channel: reference, title, due date, panel and the owner's mention, never the text or the case", () => {
    const card = actionReminderCard(action, "Pre-MACE operational panel", "reminder", "channel", links);
    assert.equal(card["version"], "1.5");
    assert.ok(json(card).includes("Reminder: MER-A-2026-0004 is due on Thursday 17 December 2026"));
    assert.ok(json(card).includes("<at>Hannah Reyes</at>"));
    assert.ok(!json(card).includes("Casey"));
    assert.ok(!json(card).includes("MER-2026-0002"));
    assert.deepEqual(
      (card["msteams"] as { entities: { mentioned: { id: string } }[] }).entities[0]?.mentioned.id,
      action.ownerId,
    );
    const verbs = json(card).match(/"verb":"[a-z.]+"/g);
    assert.deepEqual(verbs, ['"verb":"action.done"', '"verb":"action.update"']);
  });

  it("in personal chat: the full text and the case reference", () => {
    const card = actionReminderCard(action, "Pre-MACE operational panel", "assigned", "personal", links);
    assert.ok(json(card).includes("New action for you: MER-A-2026-0004"));
    assert.ok(json(card).includes("Casey Invented"));
    assert.ok(json(card).includes("MER-2026-0002"));
    assert.equal(card["msteams"], undefined);
  });

  it("once done: who and when in UK time, no buttons, and the note only in personal chat", () => {
    const done: CardAction = {
      ...action,
      status: "done",
      completed: {
        by: "x",
        byName: "Hannah Reyes",
        at: "2026-12-10T16:05:00.000Z",
        note: "Sent to Casey's worker",
      },
    };
    const channel = actionDoneCard(done, "Pre-MACE operational panel", "channel");
    assert.ok(json(channel).includes("Marked done by Hannah Reyes on Thursday 10 December 2026 at 16:05."));
    assert.equal(channel["actions"], undefined);
    assert.ok(!json(channel).includes("Sent to Casey"));
    assert.ok(
      json(actionDoneCard(done, "Pre-MACE operational panel", "personal")).includes(
        "Note: Sent to Casey's worker",
      ),
    );
  });

  it("an update is noted as saved only when it is what changed last, not after a later extension", () => {
    const update = { by: "h", byName: "Hannah Reyes", at: "2026-12-08T10:00:00.000Z", text: "Half sent." };
    const extension = {
      kind: "extended" as const,
      by: "h",
      byName: "Hannah Reyes",
      at: "2026-12-09T11:00:00.000Z",
      from: "2026-12-17",
      to: "2026-12-24",
      reason: "The school closed early.",
    };
    const saved = "Update from Hannah Reyes on Tuesday 8 December 2026 at 10:00 saved.";
    const updated = actionUpdatedCard({ ...action, updates: [update] }, "Pre-MACE", "personal", links);
    assert.ok(json(updated).includes(saved));
    const extended = actionUpdatedCard(
      { ...action, updates: [update], changes: [extension], dueDate: "2026-12-24" },
      "Pre-MACE",
      "personal",
      links,
    );
    assert.ok(!json(extended).includes("saved."), json(extended));
    assert.ok(
      json(extended).includes("Extended from Thursday 17 December 2026 to Thursday 24 December 2026"),
    );
  });

  it("the chairs' escalation lists each outstanding action with its owner and agency", () => {
    const card = escalationCard("Pre-MACE operational panel", [action], "https://example.test/tab/");
    assert.ok(json(card).includes("Pre-MACE operational panel: 1 action still outstanding"));
    assert.ok(json(card).includes("MER-A-2026-0004: Share the chronology"));
    assert.ok(json(card).includes("Hannah Reyes (Health)"));
  });
});
