import assert from "node:assert/strict";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Extending, reassigning and closing an action as not possible through the tab's API, on Azurite:
// the action's history, its place in the log, and its reminders by date in ActionsDue.

interface ActionAnswer {
  id: string;
  ownerName: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  version: string;
  changes?: { kind: string; reason: string; byName: string }[];
  closed?: { byName: string; reason: string };
}

const BASE = "/api/panels/merton-pre-mace";

describe("Extending, reassigning and closing an action in the tab's API", () => {
  let service: TestService;
  const now = new Date("2026-11-24T12:00:00Z");
  before(async () => {
    service = await startTestService({}, { now: () => now });
  });
  after(() => service.close());

  const send = (token: string, path: string, request: Request = {}) =>
    call(service, path, { ...request, token });
  const remindersOf = async (actionId: string, dates: string[]) => {
    const { connectionString } = await azurite();
    const due = tableFactory({ kind: "connection-string", connectionString })(TABLES.actionsDue);
    const kinds: string[] = [];
    for (const date of dates) {
      for await (const e of due.listEntities({ queryOptions: { filter: `PartitionKey eq '${date}'` } })) {
        if (e["actionId"] === actionId) kinds.push(`${String(e["kind"])} ${date}`);
      }
    }
    return kinds;
  };

  it("extends, reassigns and closes an action, each with a reason, moving its reminders", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const officer = await signInAs(service, PEOPLE.mertonPoliceOfficer.id);
    const created = await send(priya, `${BASE}/meetings/2026-12-03/actions`, {
      body: {
        title: "Visit the school",
        text: "Visit the school about attendance.",
        ownerId: PEOPLE.mertonNurse.id,
      },
    });
    assert.equal(created.status, 201, created.text);
    let action = created.body["action"] as ActionAnswer;
    const path = (what: string) => `${BASE}/actions/${action.id}/${what}`;

    const noVersion = await send(nurse, path("extend"), {
      body: { dueDate: "2027-01-07", reason: "The school is closed until January." },
    });
    assert.equal(noVersion.status, 428);
    const byOfficer = await send(officer, path("extend"), {
      body: { dueDate: "2027-01-07", reason: "The school is closed until January." },
      ifMatch: action.version,
    });
    assert.equal(byOfficer.status, 403);
    assert.match(byOfficer.text, /Only Hannah Reyes, who owns this action/);
    const tooShort = await send(nurse, path("extend"), {
      body: { dueDate: "2027-01-07", reason: "closed" },
      ifMatch: action.version,
    });
    assert.equal(tooShort.status, 400);
    assert.match(tooShort.text, /Give the reason in a few words/);

    const extended = await send(nurse, path("extend"), {
      body: { dueDate: "2027-01-07", reason: "The school is closed until January." },
      ifMatch: action.version,
    });
    assert.equal(extended.status, 200, extended.text);
    action = extended.body["action"] as ActionAnswer;
    assert.equal(action.dueDate, "2027-01-07");
    assert.deepEqual(await remindersOf(action.id, ["2026-12-14", "2026-12-17", "2026-12-21"]), []);
    assert.deepEqual(await remindersOf(action.id, ["2027-01-04", "2027-01-07", "2027-01-11"]), [
      "reminder 2027-01-04",
      "updates-due 2027-01-07",
      "escalation 2027-01-11",
    ]);

    const byNurse = await send(nurse, path("reassign"), {
      body: { ownerId: PEOPLE.mertonPoliceOfficer.id, reason: "Police lead on the school now." },
      ifMatch: action.version,
    });
    assert.equal(byNurse.status, 403);
    const stale = await send(priya, path("reassign"), {
      body: { ownerId: PEOPLE.mertonPoliceOfficer.id, reason: "Police lead on the school now." },
      ifMatch: (created.body["action"] as ActionAnswer).version,
    });
    assert.equal(stale.status, 409);
    const passed = await send(priya, path("reassign"), {
      body: { ownerId: PEOPLE.mertonPoliceOfficer.id, reason: "Police lead on the school now." },
      ifMatch: action.version,
    });
    assert.equal(passed.status, 200, passed.text);
    action = passed.body["action"] as ActionAnswer;
    assert.notEqual(action.ownerName, "Hannah Reyes");
    assert.deepEqual(await remindersOf(action.id, ["2026-11-24"]), [
      "assigned 2026-11-24",
      "reassigned 2026-11-24",
    ]);

    const closed = await send(officer, path("not-possible"), {
      body: { reason: "The family has moved to Scotland." },
      ifMatch: action.version,
    });
    assert.equal(closed.status, 200, closed.text);
    action = closed.body["action"] as ActionAnswer;
    assert.deepEqual(
      [action.status, action.overdue, action.closed?.reason],
      ["not-possible", false, "The family has moved to Scotland."],
    );
    assert.deepEqual(
      action.changes?.map((c) => [c.kind, c.reason]),
      [
        ["extended", "The school is closed until January."],
        ["reassigned", "Police lead on the school now."],
      ],
    );
    assert.deepEqual(await remindersOf(action.id, ["2027-01-04", "2027-01-07", "2027-01-11"]), []);

    const open = (await send(priya, `${BASE}/actions?status=open`)).body["actions"] as ActionAnswer[];
    assert.ok(!open.some((a) => a.id === action.id));
    const notPossible = (await send(priya, `${BASE}/actions?status=not-possible`)).body[
      "actions"
    ] as ActionAnswer[];
    assert.deepEqual(
      notPossible.map((a) => a.id),
      [action.id],
    );
  });
});
