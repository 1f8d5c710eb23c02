import assert from "node:assert/strict";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { actionLog, fakePorts, reminderSweep, type FakePorts } from "../../support/fakes/index.js";

// Extending, reassigning and closing an action as not possible, from the user's side on fakes: the
// action recorded at the Strategic MACE on 18 February 2027 is due on 4 March.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");
const owen = demoActor("Owen Brathwaite");
const personal = (p: { id: string }) => ({ scope: "personal" as const, personId: p.id });
const channel = { scope: "channel" as const, panelId: PANEL };

const refused = (code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  return true;
};

describe("Changing an action after the meeting", () => {
  let ports: FakePorts;
  const log = () => actionLog(ports);
  const roleOf = (p: { id: string }) => log().roleOn(PANEL, p.id);
  const recordForHannah = () =>
    log().create(
      priya,
      PANEL,
      MEETING,
      {
        subjectId: null,
        title: "Map the hotspot data",
        text: "Map it in full.",
        ownerId: hannah.id,
        dueDate: null,
      },
      "test",
    );

  beforeEach(() => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
    ports.reminders.reach(personal(hannah), personal(owen), channel);
  });

  it("an owner extends her action with a reason; its reminders move to the new date", async () => {
    const action = await recordForHannah();
    await reminderSweep(ports).sweep();
    ports.clock.set("2027-02-22T10:00:00Z");
    const reason = "The school closed for half term.";
    await assert.rejects(
      log().extend(
        hannah,
        await roleOf(hannah),
        PANEL,
        action.id,
        { dueDate: "2027-02-22", reason },
        action.version,
        "test",
      ),
      refused("due-not-after-today"),
    );
    await assert.rejects(
      log().extend(
        hannah,
        await roleOf(hannah),
        PANEL,
        action.id,
        { dueDate: "2027-03-18", reason: "half term" },
        action.version,
        "test",
      ),
      refused("reason-too-short"),
    );
    const extended = await log().extend(
      hannah,
      await roleOf(hannah),
      PANEL,
      action.id,
      { dueDate: "2027-03-18", reason },
      action.version,
      "test",
    );
    assert.equal(extended.dueDate, "2027-03-18");
    assert.deepEqual(
      extended.changes?.map((c) => (c.kind === "extended" ? [c.from, c.to, c.reason, c.byName] : [])),
      [["2027-03-04", "2027-03-18", reason, hannah.name]],
    );
    // A stale version is refused, naming who changed it.
    await assert.rejects(
      log().extend(
        priya,
        "coordinator",
        PANEL,
        action.id,
        { dueDate: "2027-03-25", reason },
        action.version,
        "test",
      ),
      refused("changed-by-someone-else"),
    );

    const sweep = reminderSweep(ports);
    ports.clock.set("2027-03-01T10:00:00Z");
    await sweep.sweep();
    ports.clock.set("2027-03-08T10:00:00Z");
    await sweep.sweep();
    assert.deepEqual(ports.reminders.deliveries(), [`assigned ${action.reference} to personal:${hannah.id}`]);
    ports.clock.set("2027-03-15T10:00:00Z");
    await sweep.sweep();
    assert.deepEqual(ports.reminders.deliveries().slice(1), [
      `reminder ${action.reference} to personal:${hannah.id}`,
      `reminder ${action.reference} to channel:${PANEL}`,
    ]);
  });

  it("a coordinator reassigns it; the new owner is sent it and the old owner's reminders stop", async () => {
    const action = await recordForHannah();
    const sweep = reminderSweep(ports);
    await sweep.sweep();
    const reason = "Owen now leads on the school.";
    await assert.rejects(
      log().reassign(
        hannah,
        await roleOf(hannah),
        PANEL,
        action.id,
        { ownerId: owen.id, reason },
        action.version,
        "test",
      ),
      refused("not-coordinator"),
    );
    await assert.rejects(
      log().reassign(
        priya,
        "coordinator",
        PANEL,
        action.id,
        { ownerId: "nobody", reason },
        action.version,
        "test",
      ),
      refused("unknown-owner"),
    );
    const passed = await log().reassign(
      priya,
      await roleOf(priya),
      PANEL,
      action.id,
      { ownerId: owen.id, reason },
      action.version,
      "test",
    );
    assert.equal(passed.ownerId, owen.id);
    assert.deepEqual(
      passed.changes?.map((c) => (c.kind === "reassigned" ? [c.fromName, c.toName, c.reason] : [])),
      [[hannah.name, owen.name, reason]],
    );
    await sweep.sweep();
    ports.clock.set("2027-03-01T10:00:00Z");
    await sweep.sweep();
    assert.deepEqual(ports.reminders.deliveries(), [
      `assigned ${action.reference} to personal:${hannah.id}`,
      `reassigned ${action.reference} to personal:${owen.id}`,
      `reminder ${action.reference} to personal:${owen.id}`,
      `reminder ${action.reference} to channel:${PANEL}`,
    ]);
    // Hannah's `done` no longer finds it: it is not hers.
    assert.deepEqual(
      (await ports.deliveries.remindedTo(hannah.id)).map((m) => m.actionId),
      [],
    );
  });

  it("closed as not possible, it is no longer overdue and the log says why", async () => {
    const action = await recordForHannah();
    ports.clock.set("2027-03-10T10:00:00Z");
    const overdue = async () =>
      (await log().list(priya, "coordinator", PANEL, { overdue: true }, "test")).actions.map(
        (a) => a.reference,
      );
    assert.deepEqual(await overdue(), [action.reference]);
    const reason = "The family moved out of the area.";
    const closed = await log().closeAsNotPossible(
      hannah,
      await roleOf(hannah),
      PANEL,
      action.id,
      reason,
      action.version,
      "test",
    );
    assert.equal(closed.status, "not-possible");
    assert.deepEqual(await overdue(), []);
    const listed = (await log().list(priya, "coordinator", PANEL, {}, "test")).actions;
    assert.deepEqual(
      listed.map((a) => [a.reference, a.status, a.closed?.reason, a.closed?.byName]),
      [[action.reference, "not-possible", reason, hannah.name]],
    );
    await assert.rejects(
      log().extend(
        priya,
        "coordinator",
        PANEL,
        action.id,
        { dueDate: "2027-04-01", reason },
        closed.version,
        "test",
      ),
      refused("not-open"),
    );
    // Nothing more is sent about it: no reminder, no escalation.
    await reminderSweep(ports).sweep();
    assert.deepEqual(ports.reminders.deliveries(), []);
  });
});
