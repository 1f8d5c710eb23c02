import assert from "node:assert/strict";
import { buildMinutes } from "../../../bot/src/domain/minutes/minutes.js";
import { minutesStatus } from "../../../bot/src/domain/minutes/record.js";
import { anonymisedAction } from "../../../bot/src/domain/retention/anonymise.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { actionLog, fakePorts, reminderSweep, type FakePorts } from "../../support/fakes/index.js";

// Recording actions late, owners outside the panel, and an action's card in chat, from the user's
// side on fakes. The Strategic MACE met on 18 February 2027; its actions are due two weeks later.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");
const owen = demoActor("Owen Brathwaite");
const tom = demoActor("Tom Ashworth");
const personal = (p: { id: string }) => ({ scope: "personal" as const, personId: p.id });
const LEAD = { role: "Safeguarding lead", organisation: "Oakfield Academy" };

const refused = (code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  return true;
};

describe("Recording an action after its meeting", () => {
  let ports: FakePorts;
  const log = () => actionLog(ports);
  const record = (extra: { dueDate?: string | null; confirmOverdue?: boolean } = {}) =>
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
        ...extra,
      },
      "test",
    );

  it("recorded on the meeting's day, it is due two weeks later and not overdue", async () => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
    const action = await record();
    assert.equal(action.dueDate, "2027-03-04");
    assert.equal(action.overdue, false);
  });

  it("recorded three weeks late, it is refused in words saying the date has passed, and kept only once confirmed", async () => {
    ports = fakePorts("2027-03-11T10:00:00Z");
    ports.reminders.reach(personal(hannah));
    await assert.rejects(record(), (e: unknown) => {
      refused("due-date-passed")(e);
      assert.equal(
        (e as Error).message,
        "The due date, 4 March 2027 (14 days after the meeting), has already passed, so the action would be overdue as soon as it is recorded and its owner chased at once. Choose a later due date, or confirm that it is recorded as already overdue.",
      );
      return true;
    });
    await assert.rejects(record({ dueDate: "2027-03-10" }), refused("due-date-passed"));
    // Nothing was kept, not even its reminders.
    assert.deepEqual(ports.casework.actionsOf("merton", PANEL), []);
    assert.deepEqual((await ports.deliveries.dateOf("2027-03-11")).due, []);

    // A later date needs no confirming; a past one, confirmed, is recorded overdue, and its owner
    // is sent it once today rather than every reminder she missed.
    assert.equal((await record({ dueDate: "2027-03-25" })).overdue, false);
    const late = await record({ confirmOverdue: true });
    assert.equal(late.overdue, true);
    await reminderSweep(ports).sweep();
    assert.deepEqual(
      ports.reminders.deliveries().filter((d) => d.includes(late.reference)),
      [`assigned ${late.reference} to personal:${hannah.id}`],
    );
  });

  it("the chat form offers today's meeting first, and a panel meeting every two months the one just held", async () => {
    ports = fakePorts(`${MEETING}T11:00:00Z`);
    assert.deepEqual((await log().formChoices(PANEL)).meetings, ["2027-02-18", "2027-01-21"]);
    assert.equal((await log().formChoices(PANEL)).actionDueDays, 14);
    // Tamworth's district panel met on 5 November 2026 and next meets in January: 59 days on,
    // that meeting is still offered.
    ports = fakePorts("2027-01-03T10:00:00Z");
    assert.deepEqual((await log().formChoices("staffordshire-tamworth")).meetings, ["2026-11-05"]);
  });
});

describe("An action given through a panel member who answers for it", () => {
  let ports: FakePorts;
  const log = () => actionLog(ports);
  beforeEach(() => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
    ports.reminders.reach(personal(owen), personal(tom), { scope: "channel", panelId: PANEL });
  });
  const recordForTheLead = () =>
    log().create(
      priya,
      PANEL,
      MEETING,
      {
        subjectId: null,
        title: "Share the attendance record",
        text: "Share the term's attendance record.",
        ownerId: owen.id,
        outsideOwner: LEAD,
        dueDate: null,
      },
      "test",
    );

  it("names the outside owner through the member, who is chased and marks it done", async () => {
    const action = await recordForTheLead();
    assert.equal(action.owner, "Safeguarding lead, Oakfield Academy (through Owen Brathwaite, Education)");
    assert.deepEqual(action.outsideOwner, LEAD);
    const sweep = reminderSweep(ports);
    await sweep.sweep();
    ports.clock.set("2027-03-01T10:00:00Z");
    await sweep.sweep();
    assert.deepEqual(ports.reminders.deliveries(), [
      `assigned ${action.reference} to personal:${owen.id}`,
      `reminder ${action.reference} to personal:${owen.id}`,
      `reminder ${action.reference} to channel:${PANEL}`,
    ]);
    const done = await log().completeNow(owen, PANEL, action.id, "Sent on Friday", "test");
    assert.equal(done.status, "done");
    assert.equal(done.completed?.byName, owen.name);
  });

  it("anonymised with its case, it keeps the outside owner's role and loses the organisation", async () => {
    const action = await recordForTheLead();
    const stored = ports.casework.actionsOf("merton", PANEL).find((a) => a.value.id === action.id)?.value;
    assert.ok(stored);
    assert.deepEqual(anonymisedAction(stored).outsideOwner, {
      role: "Safeguarding lead",
      organisation: "Anonymised",
    });
  });

  it("passed to another member, the outside owner stays and the new member answers for it", async () => {
    const action = await recordForTheLead();
    const passed = await log().reassignFromChat(
      priya,
      PANEL,
      action.id,
      { ownerId: tom.id, reason: "Police now hold the school's contact." },
      action.version,
      "test",
    );
    assert.equal(passed.owner, "Safeguarding lead, Oakfield Academy (through Tom Ashworth, Police)");
  });

  it("the minutes show the outside owner through the member", () => {
    const minutes = buildMinutes({
      panelName: "Strategic MACE",
      areaName: "Merton",
      meetingId: MEETING,
      meetingDescription: "Thursday 18 February 2027",
      confidentialityStatement: "Shared in confidence.",
      signIns: [],
      apologies: [],
      quorum: { quorate: false, needed: [], missing: [] },
      agendaItems: [{ subjectId: "s1", reference: "MER-2027-0001", label: null, section: "Cases" }],
      fixedItems: [],
      notes: new Map(),
      status: minutesStatus(undefined, "on-agreement", null),
      agreementVersion: null,
      decisions: [],
      actions: [
        {
          id: "00000000-0000-4000-8000-00000000a001",
          reference: "MER-A-2027-0001",
          areaId: "merton",
          panelId: PANEL,
          meetingId: MEETING,
          subjectId: "s1",
          caseReference: "MER-2027-0001",
          title: "Share the attendance record",
          text: "Share the term's attendance record.",
          ownerId: owen.id,
          ownerName: owen.name,
          ownerAgencyId: "mer-education",
          ownerAgency: "Education",
          outsideOwner: LEAD,
          dueDate: "2027-03-04",
          status: "open",
          created: { by: priya.id, byName: priya.name, at: `${MEETING}T15:00:00.000Z` },
          completed: null,
          updates: [],
        },
      ],
      agencyName: (id) => id,
      panelNameOf: (id) => id,
      riskLabel: (id) => id,
      now: `${MEETING}T16:00:00.000Z`,
    });
    const [shown] = minutes.items[0]?.actions ?? [];
    // The Word minutes write it as owner (agency), the tab as owner, agency.
    assert.equal(
      `${shown?.owner} (${shown?.agency})`,
      "Safeguarding lead, Oakfield Academy (through Owen Brathwaite, Education)",
    );
  });
});

describe("An action's card in personal chat", () => {
  let ports: FakePorts;
  const log = () => actionLog(ports);
  let reference: string;
  let id: string;
  let version: string;
  beforeEach(async () => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
    const action = await log().create(
      priya,
      PANEL,
      MEETING,
      { subjectId: null, title: "Map the hotspot data", text: "Map it.", ownerId: hannah.id, dueDate: null },
      "test",
    );
    reference = action.reference;
    id = action.id;
    version = action.version;
  });

  it("shows the owner her action, and the coordinator it with whom it can pass to; the view is audited", async () => {
    const hers = await log().openInChat(hannah, reference, "test");
    assert.equal(hers.action.id, id);
    assert.equal(hers.owners, undefined, "an owner does not pass her action on");
    const priyas = await log().openInChat(priya, reference, "test");
    assert.ok(priyas.owners?.some((o) => o.id === owen.id));
    const viewed = ports.casework.auditOf("merton").filter((a) => a.action === "actions.viewed");
    assert.equal(viewed.length, 2);
  });

  it("tells another member nothing of it, and refuses them a change from its card", async () => {
    await assert.rejects(log().openInChat(owen, reference, "test"), refused("unknown-action"));
    await assert.rejects(log().toChange(owen, PANEL, id), refused("not-the-owner"));
    await assert.rejects(
      log().extendFromChat(
        owen,
        PANEL,
        id,
        { dueDate: "2027-03-18", reason: "The school closed for half term." },
        version,
        "test",
      ),
      refused("not-the-owner"),
    );
    await assert.rejects(
      log().reassignFromChat(
        hannah,
        PANEL,
        id,
        { ownerId: owen.id, reason: "He leads on schools now." },
        version,
        "test",
      ),
      refused("not-coordinator"),
    );
  });

  it("the owner extends it and closes another as not possible from chat, as in the tab", async () => {
    const extended = await log().extendFromChat(
      hannah,
      PANEL,
      id,
      { dueDate: "2027-03-18", reason: "The school closed for half term." },
      version,
      "test",
    );
    assert.equal(extended.dueDate, "2027-03-18");
    const closed = await log().closeFromChat(
      hannah,
      PANEL,
      id,
      "The family moved out of the area.",
      extended.version,
      "test",
    );
    assert.equal(closed.status, "not-possible");
    assert.equal(closed.overdue, false);
    await assert.rejects(log().openInChat(hannah, reference, "test"), refused("unknown-action"));
  });
});
