import assert from "node:assert/strict";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import {
  actionData,
  inputs,
  personalChat,
  teamsChat,
  teamsUser,
  texts,
  type Card,
  forgetPanelChannel,
} from "../support/teams-chat.js";

// Reminders as their owners meet them in Teams: the sweep (run by hand, on a clock the test moves)
// sends each new action and each reminder once, Done updates every copy, `done` replies complete
// actions, escalations reach the chair, and what Teams would not take is shown to the coordinator.

const PANEL = "merton-strategic-mace";
const CHANNEL = "19:merton-strategic-reminders@thread.tacv2";
const PRIYA = teamsUser(PEOPLE.mertonCoordinator);
const TOM = teamsUser(PEOPLE.mertonChair);
const HANNAH = teamsUser(PEOPLE.mertonNurse);
const OWEN = teamsUser(PEOPLE.mertonEducationLead);
const DANIEL = teamsUser(PEOPLE.mertonPoliceOfficer);

interface ActionAnswer {
  id: string;
  reference: string;
  status: string;
  version: string;
  completed: { byName: string; note: string } | null;
}
interface Undelivered {
  reference: string | null;
  recipientName: string;
  place: string;
  reason: string;
}

describe("Action reminders in Teams", function () {
  this.timeout(60_000);
  let service: TestService;
  let connector: RecordingConnector;
  let now = new Date("2027-02-18T15:00:00Z");
  const chat = teamsChat(
    () => service.url,
    () => connector.url,
    CHANNEL,
  );
  const actions: Record<"forHannah" | "forOwen" | "alsoForHannah", ActionAnswer> = {} as never;

  const api = async (personId: string, path: string, body?: unknown) =>
    call(service, path, { token: await signInAs(service, personId), body });
  const actionNow = async (id: string): Promise<ActionAnswer> => {
    const listed = (await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/actions`)).body[
      "actions"
    ] as ActionAnswer[];
    const found = listed.find((a) => a.id === id);
    assert.ok(found);
    return found;
  };
  const cardsIn = (conversationId: string, from: number) =>
    connector.sent
      .slice(from)
      .filter((s) => s.conversationId === conversationId)
      .flatMap((s) => (s.activity["attachments"] as { content: Card }[] | undefined) ?? [])
      .map((a) => a.content);
  /** The id the connector gave the channel reminder about an action: the root of its thread. */
  const channelReminderId = (reference: string): string => {
    const index = connector.sent.findIndex(
      (s) =>
        s.conversationId === CHANNEL &&
        texts(s.activity["attachments"]).some((t) => t.startsWith(`Reminder: ${reference}`)),
    );
    assert.ok(index >= 0, `a channel reminder for ${reference}`);
    return `activity-${index + 1}`;
  };

  before(async () => {
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => now, reminderRetryBaseMs: 60_000 });
    // Hannah, Tom and Priya have the app in personal chat; Owen has not installed it.
    for (const person of [HANNAH, TOM, PRIYA]) await chat.say(chat.inPersonal(person), "help");
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
    if (process.env["SHOW_LOG"])
      console.log(service.logLines.filter((l) => /remind|bot turn/.test(l)).join("\n"));
    await service.close();
    await connector.close();
    await forgetPanelChannel("merton", PANEL);
  });

  it("sends each owner their new actions after the meeting: in personal chat, or in the channel when they have no chat with the app", async () => {
    const record = async (ownerId: string, title: string) => {
      const res = await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/meetings/2027-02-18/actions`, {
        title,
        text: `${title}: the full detail, for the owner only.`,
        ownerId,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body["action"] as ActionAnswer;
    };
    actions.forHannah = await record(HANNAH.aadObjectId, "Map the hotspot data");
    actions.forOwen = await record(OWEN.aadObjectId, "Brief the school leads");
    actions.alsoForHannah = await record(HANNAH.aadObjectId, "Update the health pathway");
    const from = connector.sent.length;

    const report = await service.sweepReminders();
    assert.deepEqual(report, { swept: true, sent: 3, retrying: 0, undeliverable: 0 });
    const hannahs = cardsIn(personalChat(HANNAH), from);
    assert.deepEqual(
      hannahs.map((c) => texts(c)[0]),
      [
        `New action for you: ${actions.forHannah.reference}`,
        `New action for you: ${actions.alsoForHannah.reference}`,
      ],
    );
    assert.ok(texts(hannahs[0]).includes("Map the hotspot data: the full detail, for the owner only."));
    const [owens] = cardsIn(CHANNEL, from);
    assert.ok(owens);
    assert.equal(texts(owens)[0], `New action for you: ${actions.forOwen.reference}`);
    assert.deepEqual((owens["msteams"] as { entities: unknown[] }).entities, [
      {
        type: "mention",
        text: "<at>Owen Brathwaite</at>",
        mentioned: { id: OWEN.aadObjectId, name: "Owen Brathwaite" },
      },
    ]);
    assert.ok(!JSON.stringify(owens).includes("the full detail"), "the channel never gets the action's text");

    assert.deepEqual(await service.sweepReminders(), { swept: true, sent: 0, retrying: 0, undeliverable: 0 });
  });

  it("reminds each owner three working days before the due date, in personal chat and in the channel, with Done and Add update", async () => {
    now = new Date("2027-03-01T10:00:00Z");
    const from = connector.sent.length;
    assert.deepEqual(await service.sweepReminders(), { swept: true, sent: 5, retrying: 0, undeliverable: 0 });
    const personal = cardsIn(personalChat(HANNAH), from);
    assert.equal(personal.length, 2);
    assert.equal(
      texts(personal[0])[0],
      `Reminder: ${actions.forHannah.reference} is due on Thursday 4 March 2027`,
    );
    const channel = cardsIn(CHANNEL, from);
    assert.equal(channel.length, 3);
    for (const card of channel) {
      assert.equal(card["version"], "1.5");
      assert.ok(!JSON.stringify(card).includes("the full detail"));
      const done = actionData(card, "action.done");
      assert.equal(done["panelId"], PANEL);
      const show = (card["actions"] as { type: string; title: string }[]).find(
        (a) => a.type === "Action.ShowCard",
      );
      assert.equal(show?.title, "Add update");
    }

    // Updates are due on the due date, but not before the working day starts.
    now = new Date("2027-03-04T08:30:00Z");
    assert.equal((await service.sweepReminders()).sent, 0);
  });

  it("when the owner presses Done, every card about the action shows it done, by whom and when", async () => {
    const reply = chat.cardOf(
      await chat.press(chat.inPersonal(HANNAH), "action.done", {
        panelId: PANEL,
        actionId: actions.alsoForHannah.id,
      }),
    );
    assert.equal(texts(reply)[0], `Done: ${actions.alsoForHannah.reference}`);
    assert.ok(texts(reply).includes("Marked done by Hannah Reyes on Thursday 4 March 2027 at 08:30."));
    assert.equal(reply["actions"], undefined);
    await service.noticesDelivered();
    const updated = connector.updated.filter(
      (u) => texts(u.activity["attachments"])[0] === `Done: ${actions.alsoForHannah.reference}`,
    );
    // Her new-action card and her reminder in personal chat, and the reminder in the channel.
    assert.deepEqual(
      updated.map((u) => u.conversationId).sort(),
      [CHANNEL, personalChat(HANNAH), personalChat(HANNAH)].sort(),
    );
    assert.equal((await actionNow(actions.alsoForHannah.id)).status, "done");
  });

  it("shows the coordinator a reminder Teams would not deliver, and retries one Teams was too busy to take", async () => {
    now = new Date("2027-03-04T09:30:00Z");
    // The app was removed from Hannah's chat: Teams answers 403.
    connector.fail(personalChat(HANNAH), 403);
    assert.deepEqual(await service.sweepReminders(), { swept: true, sent: 2, retrying: 0, undeliverable: 1 });
    const listed = await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/actions`);
    const undelivered = listed.body["undelivered"] as Undelivered[];
    const problem = undelivered.find((u) => u.reference === actions.forHannah.reference);
    assert.ok(problem, JSON.stringify(undelivered));
    assert.equal(problem.recipientName, "Hannah Reyes");
    assert.match(problem.reason, /MACE panels has been removed from the person's chat/);
    const member = await api(HANNAH.aadObjectId, `/api/panels/${PANEL}/actions`);
    assert.deepEqual(member.body["undelivered"], []);

    // Two working days overdue: the chair is told, but Teams is down for a while.
    now = new Date("2027-03-08T10:00:00Z");
    connector.fail(personalChat(TOM), 503, 20);
    assert.deepEqual(await service.sweepReminders(), { swept: true, sent: 0, retrying: 1, undeliverable: 0 });
    connector.fail(personalChat(TOM), 503, 0);
    now = new Date("2027-03-08T10:00:30Z");
    assert.equal((await service.sweepReminders()).sent, 0, "not retried before its back-off");
    const from = connector.sent.length;
    now = new Date("2027-03-08T10:01:01Z");
    assert.equal((await service.sweepReminders()).sent, 1);
    const [escalation] = cardsIn(personalChat(TOM), from);
    assert.ok(escalation);
    const shown = texts(escalation);
    assert.equal(shown[0], "Strategic MACE: 2 actions still outstanding");
    assert.ok(shown.includes(`Action: ${actions.forHannah.reference}: Map the hotspot data`));
    assert.ok(shown.includes("Owner: Hannah Reyes (Health)"));
    assert.ok(shown.includes(`Action: ${actions.forOwen.reference}: Brief the school leads`));
    assert.ok(shown.includes("Owner: Owen Brathwaite (Education)"));
    assert.ok(
      !shown.some((t) => t.includes(actions.alsoForHannah.reference)),
      "done actions are not escalated",
    );
  });

  it("completes an action when its owner or a coordinator replies `done` in its thread; anyone else is told politely", async () => {
    const thread = channelReminderId(actions.forOwen.reference);
    let from = connector.sent.length;
    await chat.say(chat.inChannel(DANIEL, thread), "done");
    const refused = connector.sent.slice(from).map((s) => String(s.activity["text"]));
    assert.deepEqual(refused, [
      "Sorry: Only Owen Brathwaite, who owns this action, or the panel's coordinators and chairs can mark it done.",
    ]);
    assert.equal((await actionNow(actions.forOwen.id)).status, "open");

    from = connector.sent.length;
    await chat.say(chat.inChannel(PRIYA, thread), "done Owen confirmed at the briefing");
    assert.deepEqual(
      connector.sent.slice(from).map((s) => String(s.activity["text"])),
      [`Thank you: ${actions.forOwen.reference} is marked done.`],
    );
    const done = await actionNow(actions.forOwen.id);
    assert.equal(done.status, "done");
    assert.deepEqual(done.completed && [done.completed.byName, done.completed.note], [
      "Priya Okafor",
      "Owen confirmed at the briefing",
    ]);

    from = connector.sent.length;
    await chat.say(chat.inChannel(HANNAH), "done");
    assert.match(
      String(connector.sent[from]?.activity["text"]),
      /reply \*\*done\*\* in the thread of its reminder/,
    );
  });

  it("completes the only open action reminded in personal chat when its owner types `done` with a note", async () => {
    let from = connector.sent.length;
    await chat.say(chat.inPersonal(HANNAH), "done: sent the data to the analyst");
    assert.equal(
      String(connector.sent[from]?.activity["text"]),
      `Thank you: ${actions.forHannah.reference} is marked done.`,
    );
    const done = await actionNow(actions.forHannah.id);
    assert.equal(done.completed?.note, "sent the data to the analyst");
    await service.noticesDelivered();

    from = connector.sent.length;
    await chat.say(chat.inPersonal(HANNAH), "done");
    assert.match(String(connector.sent[from]?.activity["text"]), /could not find an open action of yours/);
  });

  it("lets a coordinator record an action from personal chat with `action`", async () => {
    const from = connector.sent.length;
    await chat.say(chat.inPersonal(PRIYA), "action");
    const [chooser] = cardsIn(personalChat(PRIYA), from);
    assert.ok(chooser);
    assert.deepEqual(actionData(chooser, "action.form"), { panelId: "merton-pre-mace" });
    const form = chat.cardOf(await chat.press(chat.inPersonal(PRIYA), "action.form", { panelId: PANEL }));
    const choices = (id: string) =>
      (form["body"] as { id?: string; choices?: { title: string; value: string }[] }[]).find(
        (b) => b.id === id,
      )?.choices ?? [];
    assert.deepEqual(
      choices("meetingId").map((c) => c.value),
      ["2027-02-18", "2027-01-21"],
    );
    assert.ok(
      choices("ownerId").some((c) => c.value === OWEN.aadObjectId && c.title.startsWith("Owen Brathwaite (")),
    );

    const typed = {
      ...actionData(form, "action.record"),
      meetingId: "2027-02-18",
      ownerId: OWEN.aadObjectId,
      title: "No",
      text: "Share the disruption plan with the community safety team.",
    };
    // Refused, the form comes back with everything typed, the problem beside the field and by the button.
    const tooShort = chat.cardOf(await chat.press(chat.inPersonal(PRIYA), "action.record", typed));
    const kept = inputs(tooShort);
    assert.equal(kept["title"]?.["value"], "No");
    assert.equal(kept["text"]?.["value"], "Share the disruption plan with the community safety team.");
    assert.equal(kept["ownerId"]?.["value"], OWEN.aadObjectId);
    assert.equal(kept["meetingId"]?.["value"], "2027-02-18");
    const body = tooShort["body"] as Card[];
    const titleAt = body.findIndex((b) => b["id"] === "title");
    assert.equal(body[titleAt + 1]?.["text"], "Give the action a short title of 3 to 120 characters.");
    assert.equal(body.at(-1)?.["id"], "problems", "the summary sits next to the button");
    assert.ok(
      texts(body.at(-1)).includes("There is one thing to put right before the action can be recorded:"),
    );
    // The same form id, so the corrected press still records one action.
    assert.deepEqual(actionData(tooShort, "action.record"), actionData(form, "action.record"));

    const dueTooEarly = chat.cardOf(
      await chat.press(chat.inPersonal(PRIYA), "action.record", {
        ...typed,
        title: "Share the disruption plan",
        dueDate: "2027-02-01",
      }),
    );
    const earlyBody = dueTooEarly["body"] as Card[];
    const dueAt = earlyBody.findIndex((b) => b["id"] === "dueDate");
    assert.equal(earlyBody[dueAt]?.["value"], "2027-02-01");
    assert.equal(earlyBody[dueAt + 1]?.["text"], "The due date cannot be before the meeting.");
    assert.equal(inputs(dueTooEarly)["title"]?.["value"], "Share the disruption plan");

    const press = (confirm?: "true") =>
      chat.press(chat.inPersonal(PRIYA), "action.record", {
        ...actionData(form, "action.record"),
        meetingId: "2027-02-18",
        ownerId: OWEN.aadObjectId,
        subjectId: "",
        title: "Share the disruption plan",
        text: "Share the disruption plan with the community safety team.",
        dueDate: "",
        ...(confirm ? { confirmOverdue: confirm } : {}),
      });
    // It is 8 March: two weeks after the meeting has passed, so the form says so and asks first.
    const pastDue = chat.cardOf(await press());
    assert.ok(
      texts(pastDue).includes(
        "The due date, 4 March 2027 (14 days after the meeting), has already passed, so the action would be overdue as soon as it is recorded and its owner chased at once. Choose a later due date, or confirm that it is recorded as already overdue.",
      ),
    );
    assert.equal(inputs(pastDue)["confirmOverdue"]?.["type"], "Input.Toggle");
    assert.equal(inputs(pastDue)["title"]?.["value"], "Share the disruption plan");
    const recorded = chat.cardOf(await press("true"));
    assert.match(texts(recorded)[0] ?? "", /^Recorded MER-A-2027-\d{4}$/);
    // The same form pressed again (or delivered twice by Teams) records nothing more.
    assert.equal(texts(chat.cardOf(await press("true")))[0], texts(recorded)[0]);
    assert.ok(
      texts(recorded).includes(
        "Owen Brathwaite will be sent it now, recorded as overdue since Thursday 4 March 2027, and reminded at once.",
      ),
    );
    const listed = (await api(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/actions`)).body[
      "actions"
    ] as (ActionAnswer & { title: string })[];
    assert.equal(
      listed.filter((a) => a.title === "Share the disruption plan" && a.status === "open").length,
      1,
    );

    const refused = await chat.press(chat.inPersonal(HANNAH), "action.form", { panelId: PANEL });
    assert.equal(refused.value, "Only the panel's coordinators record actions.");
  });
});
