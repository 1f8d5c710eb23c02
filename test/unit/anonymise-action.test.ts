import assert from "node:assert/strict";
import { Action } from "../../bot/src/domain/actions/action.js";
import { anonymisedAction } from "../../bot/src/domain/retention/anonymise.js";

// When retention anonymises a closed case, an action's free text goes with the rest of it: why it
// was extended, passed on or could not be done can name the child as well as its text can.

const coordinator = {
  by: "00000000-0000-4000-8000-0000000000c1",
  byName: "Pat Invented",
  at: "2027-02-01T10:00:00.000Z",
};

const closedAction = Action.parse({
  id: "00000000-0000-4000-8000-00000000a0a1",
  reference: "MER-A-2027-0042",
  areaId: "merton",
  panelId: "merton-pre-mace",
  meetingId: "2027-01-07",
  subjectId: "subject-1",
  caseReference: "MER-2027-0009",
  title: "Speak to the school",
  text: "Speak to the school about Robin's attendance.",
  ownerId: "00000000-0000-4000-8000-0000000000c2",
  ownerName: "Sam Invented",
  ownerAgencyId: "mer-education",
  dueDate: "2027-02-18",
  status: "not-possible",
  created: coordinator,
  completed: null,
  updates: [],
  changes: [
    {
      ...coordinator,
      kind: "extended",
      from: "2027-01-21",
      to: "2027-02-18",
      reason: "Robin was away at his aunt's in Kent.",
    },
    {
      ...coordinator,
      kind: "reassigned",
      fromId: "00000000-0000-4000-8000-0000000000c3",
      fromName: "Lee Invented",
      toId: "00000000-0000-4000-8000-0000000000c2",
      toName: "Sam Invented",
      reason: "Robin moved to Oakfield Academy in January.",
    },
  ],
  closed: { ...coordinator, reason: "Robin's family moved out of the area." },
});

describe("An anonymised action", () => {
  it("loses the reasons it was extended, passed on and closed for, and still reads back as an action", () => {
    const anonymised = anonymisedAction(closedAction);
    assert.deepEqual(
      [...(anonymised.changes ?? []).map((c) => c.reason), anonymised.closed?.reason],
      ["Anonymised: reason removed", "Anonymised: reason removed", "Anonymised: reason removed"],
    );
    assert.doesNotMatch(JSON.stringify(anonymised), /Robin|Oakfield|Kent/);
    assert.deepEqual(Action.parse(anonymised), anonymised);
    // Who changed it, when and to what date are kept for the figures.
    assert.deepEqual(
      anonymised.changes?.map((c) => [c.kind, c.at]),
      [
        ["extended", coordinator.at],
        ["reassigned", coordinator.at],
      ],
    );
  });
});
