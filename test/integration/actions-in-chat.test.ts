import assert from "node:assert/strict";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import {
  actionData,
  teamsChat,
  teamsUser,
  type Card,
  forgetPersonalChats,
  inputs,
  personalChat,
  texts,
  forgetPanelChannel,
} from "../support/teams-chat.js";

// Changing actions from Teams chat, and owners outside the panel, against Azurite: an owner
// extends her action from its reminder card, a coordinator passes one on from the card `action
// MER-A-…` brings, an action given through a member for a school's safeguarding lead reaches the
// member, and is closed as not possible; every card about each shows what happened.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const CHANNEL = "19:merton-strategic-changes@thread.tacv2";
const PRIYA = teamsUser(PEOPLE.mertonCoordinator);
const HANNAH = teamsUser(PEOPLE.mertonNurse);
const OWEN = teamsUser(PEOPLE.mertonEducationLead);
const TOM = teamsUser(PEOPLE.mertonChair);
const OUTSIDE = "Safeguarding lead, Oakfield Academy (through Owen Brathwaite, Education)";

interface ActionAnswer {
  id: string;
  reference: string;
  version: string;
  title: string;
  status: string;
  dueDate: string;
  owner: string;
  ownerName: string;
  outsideOwner?: { role: string; organisation: string };
  changes?: { kind: string; reason: string }[];
  closed?: { reason: string };
}

const buttons = (card: Card | undefined) =>
  ((card?.["actions"] ?? []) as { title: string }[]).map((a) => a.title);

/** The data a change button under a card's Extend, Reassign or Not possible sends. */
const changeData = (card: Card | undefined, title: string) =>
  (
    (card?.["actions"] ?? []) as { title: string; card?: { actions: { data: Record<string, unknown> }[] } }[]
  ).find((a) => a.title === title)?.card?.actions[0]?.data ?? {};

describe("Actions changed from Teams chat", function () {
  this.timeout(60_000);
  let service: TestService;
  let connector: RecordingConnector;
  let now = new Date(`${MEETING}T15:00:00Z`);
  const chat = teamsChat(
    () => service.url,
    () => connector.url,
    CHANNEL,
  );
  const api = async (personId: string, path: string, body?: unknown) =>
    call(service, path, { token: await signInAs(service, personId), body });
  const logNow = async (): Promise<ActionAnswer[]> =>
    (await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/actions`)).body[
      "actions"
    ] as ActionAnswer[];
  const cardsIn = (conversationId: string, from: number) =>
    connector.sent
      .slice(from)
      .filter((s) => s.conversationId === conversationId)
      .flatMap((s) => (s.activity["attachments"] as { content: Card }[] | undefined) ?? [])
      .map((a) => a.content);
  const updatedIn = (conversationId: string) =>
    connector.updated
      .filter((u) => u.conversationId === conversationId)
      .flatMap((u) => (u.activity["attachments"] as { content: Card }[] | undefined) ?? [])
      .map((a) => texts(a.content)[0]);
  let forHannah: ActionAnswer;
  let outside: ActionAnswer;

  before(async () => {
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => now });
    for (const person of [HANNAH, PRIYA, OWEN, TOM]) await chat.say(chat.inPersonal(person), "help");
    await chat.say(chat.inChannel(PRIYA), "help");
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const panel = await call(service, `/api/panels/${PANEL}`, { token });
    const linked = await call(service, `/api/panels/${PANEL}/channel`, {
      method: "PUT",
      token,
      ifMatch: panel.etag,
      body: { conversationId: CHANNEL },
    });
    assert.equal(linked.status, 200);
  });
  after(async () => {
    await service.close();
    await connector.close();
    await forgetPanelChannel("merton", PANEL);
    // Their chats pointed at this suite's connector, now closed: later suites start them afresh.
    await forgetPersonalChats([HANNAH, PRIYA, OWEN, TOM]);
  });

  it("the chooser's Open the form pressed with no panel chosen asks for the panel", async () => {
    const refused = await chat.press(chat.inPersonal(PRIYA), "action.form", { panelId: "" });
    assert.equal(refused.value, "Choose the panel, then press Open the form.");
  });

  it("a coordinator records from chat an action given through Owen for a school's safeguarding lead", async () => {
    const form = chat.cardOf(await chat.press(chat.inPersonal(PRIYA), "action.form", { panelId: PANEL }));
    const typed = {
      ...actionData(form, "action.record"),
      meetingId: MEETING,
      ownerId: OWEN.aadObjectId,
      outsideRole: "Safeguarding lead",
      outsideOrganisation: "",
      title: "Share the attendance record",
      text: "Share the term's attendance record with the panel.",
    };
    // A role without its organisation is refused beside the field, with everything typed kept.
    const half = chat.cardOf(await chat.press(chat.inPersonal(PRIYA), "action.record", typed));
    const body = half["body"] as Card[];
    const at = body.findIndex((b) => b["id"] === "outsideOrganisation");
    assert.equal(body[at + 1]?.["text"], "Give the outside owner's organisation, such as the school's name.");
    assert.equal(inputs(half)["outsideRole"]?.["value"], "Safeguarding lead");
    assert.equal(inputs(half)["title"]?.["value"], "Share the attendance record");

    const recorded = chat.cardOf(
      await chat.press(chat.inPersonal(PRIYA), "action.record", {
        ...typed,
        outsideOrganisation: "Oakfield Academy",
      }),
    );
    assert.ok(
      texts(recorded).includes(
        "Owen Brathwaite, who answers for Safeguarding lead, Oakfield Academy, will be sent it, and reminded before it is due on Thursday 4 March 2027.",
      ),
      texts(recorded).join("\n"),
    );
    const found = (await logNow()).find((a) => a.title === "Share the attendance record");
    assert.ok(found);
    outside = found;
    assert.equal(outside.owner, OUTSIDE);
    assert.equal(outside.ownerName, "Owen Brathwaite");
    assert.deepEqual(outside.outsideOwner, { role: "Safeguarding lead", organisation: "Oakfield Academy" });
    // No email or account for the outside owner: only a role and an organisation are kept.
    assert.ok(!JSON.stringify(outside).includes("@"));
  });

  it("the member who answers for it is sent it, the CSV names the outside owner through him", async () => {
    const res = await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/meetings/${MEETING}/actions`, {
      title: "Map the hotspot data",
      text: "Map the hotspot data for the problem profile.",
      ownerId: HANNAH.aadObjectId,
    });
    assert.equal(res.status, 201);
    forHannah = res.body["action"] as ActionAnswer;
    const from = connector.sent.length;
    assert.equal((await service.sweepReminders()).sent, 2);

    const [owens] = cardsIn(personalChat(OWEN), from);
    assert.equal(texts(owens)[0], `New action for you: ${outside.reference}`);
    assert.ok(texts(owens).includes(`Owner: ${OUTSIDE}`));
    assert.ok(
      texts(owens).includes(
        "Owen Brathwaite answers for it for Safeguarding lead, Oakfield Academy, who is outside the panel: they are reminded, and mark it done when it is.",
      ),
    );
    // In personal chat the owner can extend it or close it as not possible; only leads pass it on.
    const [hannahs] = cardsIn(personalChat(HANNAH), from);
    assert.deepEqual(buttons(hannahs), ["Done", "Add update", "Extend", "Not possible"]);

    const csv = await call(service, `/api/panels/${PANEL}/actions.csv`, {
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
    });
    const line = csv.text.split("\n").find((l) => l.includes(outside.reference)) ?? "";
    assert.match(
      line,
      /"?Safeguarding lead, Oakfield Academy \(through Owen Brathwaite, Education\)"?,Education,/,
    );
  });

  it("the owner extends her action from its card; a reason too short comes back with what she typed", async () => {
    const short = chat.cardOf(
      await chat.press(chat.inPersonal(HANNAH), "action.extend", {
        panelId: PANEL,
        actionId: forHannah.id,
        version: forHannah.version,
        extendDueDate: "2027-03-18",
        extendReason: "half term",
      }),
    );
    assert.equal(texts(short)[0], `Extend ${forHannah.reference}`);
    assert.equal(inputs(short)["extendDueDate"]?.["value"], "2027-03-18");
    assert.equal(inputs(short)["extendReason"]?.["value"], "half term");
    const body = short["body"] as Card[];
    const at = body.findIndex((b) => b["id"] === "extendReason");
    assert.equal(body[at + 1]?.["text"], "Give the reason in a few words, so the panel can follow it later.");
    assert.equal((await logNow()).find((a) => a.id === forHannah.id)?.dueDate, "2027-03-04");

    // Someone else on the panel is refused in words, and shown nothing of the action.
    const owens = await chat.press(chat.inPersonal(OWEN), "action.extend", {
      panelId: PANEL,
      actionId: forHannah.id,
      version: forHannah.version,
      extendDueDate: "2027-03-18",
      extendReason: "The school closed for half term.",
    });
    assert.equal(
      owens.value,
      "Sorry: Only Hannah Reyes, who owns this action, or the panel's coordinators and chairs can change it.",
    );
    const inChannel = await chat.press(chat.inChannel(HANNAH), "action.extend", {
      panelId: PANEL,
      actionId: forHannah.id,
    });
    assert.match(String(inChannel.value), /in your personal chat with MACE panels/);

    const extended = chat.cardOf(
      await chat.press(chat.inPersonal(HANNAH), "action.extend", {
        panelId: PANEL,
        actionId: forHannah.id,
        version: forHannah.version,
        extendDueDate: "2027-03-18",
        extendReason: "The school closed for half term.",
      }),
    );
    assert.ok(
      texts(extended).includes("Extended to Thursday 18 March 2027. Its reminders follow the new date."),
    );
    const after = (await logNow()).find((a) => a.id === forHannah.id);
    assert.equal(after?.dueDate, "2027-03-18");
    assert.deepEqual(
      after?.changes?.map((c) => [c.kind, c.reason]),
      [["extended", "The school closed for half term."]],
    );
    // Three working days before the old date, only the action still due then is reminded.
    now = new Date("2027-03-01T10:00:00Z");
    const from = connector.sent.length;
    await service.sweepReminders();
    assert.deepEqual(cardsIn(personalChat(HANNAH), from), []);
    assert.deepEqual(
      cardsIn(personalChat(OWEN), from).map((c) => texts(c)[0]),
      [`Reminder: ${outside.reference} is due on Thursday 4 March 2027`],
    );
  });

  it("a coordinator types `action` and the reference, and passes it to Tom, a chair; Hannah's card says whose it is now, and Tom's older card cannot undo it", async () => {
    const from = connector.sent.length;
    await chat.say(chat.inPersonal(PRIYA), `action ${forHannah.reference}`);
    const [shown] = cardsIn(personalChat(PRIYA), from);
    assert.equal(texts(shown)[0], `${forHannah.reference}: due Thursday 18 March 2027`);
    assert.deepEqual(buttons(shown), ["Done", "Add update", "Extend", "Reassign", "Not possible"]);
    assert.ok(
      ((inputs(shown)["reassignOwnerId"]?.["choices"] ?? []) as { value: string }[]).some(
        (c) => c.value === TOM.aadObjectId,
      ),
    );
    // Tom, a chair, has the same card open.
    await chat.say(chat.inPersonal(TOM), `action ${forHannah.reference}`);
    const [toms] = cardsIn(personalChat(TOM), from);
    assert.equal(texts(toms)[0], `${forHannah.reference}: due Thursday 18 March 2027`);
    const passed = chat.cardOf(
      await chat.press(chat.inPersonal(PRIYA), "action.reassign", {
        ...changeData(shown, "Reassign"),
        reassignOwnerId: TOM.aadObjectId,
        reassignReason: "Police hold the hotspot data now.",
      }),
    );
    assert.ok(
      texts(passed).includes("Passed to Tom Ashworth, who is sent it now and reminded from now on."),
      texts(passed).join("\n"),
    );
    await service.noticesDelivered();
    assert.ok(updatedIn(personalChat(HANNAH)).includes(`Passed on: ${forHannah.reference}`));

    // Tom's card was drawn before Priya passed it on: his extension from it is refused, naming her,
    // and the form comes back as the action is now, with what he typed, and nothing is saved.
    const stale = chat.cardOf(
      await chat.press(chat.inPersonal(TOM), "action.extend", {
        ...changeData(toms, "Extend"),
        extendDueDate: "2027-03-25",
        extendReason: "Police need a week more for the data.",
      }),
    );
    assert.equal(texts(stale)[0], `Extend ${forHannah.reference}`);
    // Storage stamps the change with its own clock, so the time and day are any.
    assert.ok(
      texts(stale).some((t) =>
        /^• Priya Okafor changed this action at \d\d:\d\d( on \w+ \d+ \w+)?: Tom Ashworth owns it now, and it is due Thursday 18 March 2027\. Check it, then try again\.$/.test(
          t,
        ),
      ),
      texts(stale).join("\n"),
    );
    assert.ok(texts(stale).includes("Owner: Tom Ashworth (Police)"), texts(stale).join("\n"));
    assert.equal(inputs(stale)["extendDueDate"]?.["value"], "2027-03-25");
    assert.equal(inputs(stale)["extendReason"]?.["value"], "Police need a week more for the data.");
    const current = (await logNow()).find((a) => a.id === forHannah.id);
    assert.equal(current?.dueDate, "2027-03-18");
    assert.equal(current?.ownerName, "Tom Ashworth");
    assert.equal(actionData(stale, "action.extend")["version"], current?.version);
    const sent = connector.sent.length;
    await service.sweepReminders();
    assert.deepEqual(
      cardsIn(personalChat(TOM), sent).map((c) => texts(c)[0]),
      [`Action passed to you: ${forHannah.reference}, due Thursday 18 March 2027`],
    );
    // A member who neither owns it nor leads the panel is told nothing of it.
    const before = connector.sent.length;
    await chat.say(chat.inPersonal(HANNAH), `action ${forHannah.reference}`);
    const replies = connector.sent.slice(before).map((s) => String(s.activity["text"] ?? ""));
    assert.deepEqual(replies, [
      `Sorry: I could not find an open action ${forHannah.reference} that you own or whose panel you coordinate or chair. Check the reference on the action's card or in the tab's action log.`,
    ]);
  });

  it("Owen closes the outside owner's action as not possible; its cards show it and it is chased no more", async () => {
    const closed = chat.cardOf(
      await chat.press(chat.inPersonal(OWEN), "action.not-possible", {
        panelId: PANEL,
        actionId: outside.id,
        version: outside.version,
        notPossibleReason: "The pupil left the academy before term ended.",
      }),
    );
    assert.equal(texts(closed)[0], `Not possible: ${outside.reference}`);
    assert.ok(texts(closed).includes("Reason: The pupil left the academy before term ended."));
    await service.noticesDelivered();
    assert.ok(updatedIn(personalChat(OWEN)).includes(`Not possible: ${outside.reference}`));
    const listed = (
      await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/actions?status=not-possible`)
    ).body["actions"] as ActionAnswer[];
    assert.equal(
      listed.find((a) => a.id === outside.id)?.closed?.reason,
      "The pupil left the academy before term ended.",
    );
    // Pressed again on an older card, it is refused in words, whatever was typed.
    const again = await chat.press(chat.inPersonal(OWEN), "action.extend", {
      panelId: PANEL,
      actionId: outside.id,
      version: outside.version,
    });
    assert.equal(again.value, "Sorry: This action is closed as not possible, so it cannot be changed.");
    now = new Date("2027-03-04T10:00:00Z");
    const from = connector.sent.length;
    await service.sweepReminders();
    assert.deepEqual(cardsIn(personalChat(OWEN), from), []);
  });
});
