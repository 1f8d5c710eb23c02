import assert from "node:assert/strict";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { actionLog, fakePorts, type FakePorts } from "../../support/fakes/index.js";

// Recording actions on fakes: names as long as Microsoft Entra ID allows are kept, and an action
// that is refused leaves nothing behind, not even its reminders in the index.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const priya = demoActor("Priya Okafor");
const hannah = PEOPLE.mertonNurse;

describe("Recording an action", () => {
  let ports: FakePorts;
  beforeEach(() => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
  });
  const record = (actor: { id: string; name: string }, title: string) =>
    actionLog(ports).create(
      actor,
      PANEL,
      MEETING,
      { subjectId: null, title, text: "Write to the school.", ownerId: hannah.id, dueDate: null },
      "test",
    );

  it("keeps a coordinator's name of 256 characters, as Entra ID allows", async () => {
    const longName = `Priya ${"Okafor-".repeat(35)}`.slice(0, 256);
    const action = await record({ id: priya.id, name: longName }, "Write to the school");
    assert.equal(action.created.byName, longName);
    assert.equal(action.reference, "MER-A-2027-0001");
  });

  it("refuses an action whose title is too long, with the field, and indexes no reminder for it", async () => {
    await assert.rejects(record(priya, "T".repeat(121)), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.equal(e.reason, "invalid");
      assert.deepEqual(
        e.fields.map((f) => f.field),
        ["title"],
      );
      return true;
    });
    assert.deepEqual((await ports.deliveries.dateOf(MEETING)).due, []);
    assert.deepEqual(ports.casework.actionsOf("merton", PANEL), []);
  });

  it("lets only the panel's coordinators record actions, whichever client asks", async () => {
    await assert.rejects(record(demoActor("Hannah Reyes"), "Write to the school"), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.equal(e.code, "not-coordinator");
      return true;
    });
    assert.deepEqual((await ports.deliveries.dateOf(MEETING)).due, []);
  });
});

describe("An owner marking her action done by its reference", () => {
  it("is done at once, before any reminder has been sent", async () => {
    const ports = fakePorts(`${MEETING}T15:00:00Z`);
    const log = actionLog(ports);
    const action = await log.create(
      priya,
      PANEL,
      MEETING,
      {
        subjectId: null,
        title: "Write to the school",
        text: "Write to the school.",
        ownerId: hannah.id,
        dueDate: null,
      },
      "test",
    );
    const owner = { id: hannah.id, name: hannah.displayName };
    const done = await log.doneFromTeams(owner, { reference: action.reference, note: "Sent today." }, "test");
    assert.equal(done.status, "done");
    assert.equal(done.completed?.note, "Sent today.");
    await assert.rejects(
      log.doneFromTeams(owner, { reference: "MER-A-2027-0999", note: "" }, "test"),
      /I could not find an open action MER-A-2027-0999 of yours/,
    );
  });
});
