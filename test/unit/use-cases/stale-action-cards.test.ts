import assert from "node:assert/strict";
import { actionChangeButtons } from "../../../bot/src/adapters/teams/action-change-buttons.js";
import type { BotDependencies } from "../../../bot/src/adapters/teams/bot-dependencies.js";
import type { CardPress } from "../../../bot/src/adapters/teams/card-actions.js";
import type { ActionView } from "../../../bot/src/application/actions/action-view.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { actionLog, fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { inputs, texts, type Card } from "../../support/teams-chat.js";

// Cards in Teams chat drawn before someone else changed the action, from the user's side on
// fakes: the action recorded at the Strategic MACE on 18 February 2027 is Hannah's, due 4 March.
// A change from an older card is refused, never saved over the change made since.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");
const hannah = demoActor("Hannah Reyes");
const owen = demoActor("Owen Brathwaite");

const refused = (code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  return true;
};

describe("An action changed from an older card in Teams chat", () => {
  let ports: FakePorts;
  let action: ActionView;
  const log = () => actionLog(ports);
  const ownerNow = async () => (await log().find(PANEL, action.id))?.ownerName;
  const dueNow = async () => (await log().find(PANEL, action.id))?.dueDate;
  // A press on the card's button as the bot receives it in personal chat.
  const press = async (verb: "action.extend" | "action.reassign", by: typeof priya, data: Card) => {
    const deps = {
      actionLog: log(),
      catalogue: ports.catalogue,
      now: () => ports.now(),
    } as unknown as BotDependencies;
    const pressed: CardPress = { context: undefined as never, deps, actor: by, data, place: "personal" };
    const reply = await actionChangeButtons[verb].handle(pressed);
    assert.ok("card" in reply, JSON.stringify(reply));
    return reply.card;
  };

  beforeEach(async () => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
    action = await log().create(
      priya,
      PANEL,
      MEETING,
      { subjectId: null, title: "Map the hotspot data", text: "Map it.", ownerId: hannah.id, dueDate: null },
      "test",
    );
  });

  it("Tom passes it to Owen; Priya's Extend from her older card is refused with Tom's name, redrawn as it is now", async () => {
    const seen = action.version;
    ports.clock.set("2027-02-22T10:42:00Z");
    await log().reassignFromChat(
      tom,
      PANEL,
      action.id,
      { ownerId: owen.id, reason: "Police hold the hotspot data now." },
      seen,
      "test",
    );
    ports.clock.set("2027-02-22T11:05:00Z");
    const typed = { extendDueDate: "2027-03-18", extendReason: "The school closed for half term." };
    const card = await press("action.extend", priya, {
      panelId: PANEL,
      actionId: action.id,
      version: seen,
      ...typed,
    });
    assert.ok(
      texts(card).includes(
        "• Tom Ashworth changed this action at 10:42: Owen Brathwaite owns it now, and it is due Thursday 4 March 2027. Check it, then try again.",
      ),
      texts(card).join("\n"),
    );
    assert.equal(texts(card)[0], `Extend ${action.reference}`);
    assert.ok(texts(card).includes("Owner: Owen Brathwaite (Education)"), texts(card).join("\n"));
    // What Priya typed is kept, and nothing was saved over Tom's change.
    assert.equal(inputs(card)["extendDueDate"]?.["value"], "2027-03-18");
    assert.equal(inputs(card)["extendReason"]?.["value"], typed.extendReason);
    assert.equal(await ownerNow(), "Owen Brathwaite");
    assert.equal(await dueNow(), "2027-03-04");

    // Pressed again from the redrawn card, on the version it now shows, the extension is saved.
    const current = (await log().find(PANEL, action.id))?.version;
    const submit = (card["actions"] as { data: Card }[])[0]?.data;
    assert.equal(submit?.["version"], current);
    const saved = await press("action.extend", priya, { ...submit, ...typed });
    assert.ok(
      texts(saved).includes("Extended to Thursday 18 March 2027. Its reminders follow the new date."),
    );
    assert.equal(await ownerNow(), "Owen Brathwaite");
    assert.equal(await dueNow(), "2027-03-18");
  });

  it("an extension from a card still showing 4 March does not move a date extended since to an earlier one", async () => {
    const seen = action.version;
    const later = await log().extendFromChat(
      hannah,
      PANEL,
      action.id,
      { dueDate: "2027-03-25", reason: "The school closed for half term." },
      seen,
      "test",
    );
    await assert.rejects(
      log().extendFromChat(
        priya,
        PANEL,
        action.id,
        { dueDate: "2027-03-11", reason: "One more week for the data." },
        seen,
        "test",
      ),
      refused("changed-by-someone-else"),
    );
    assert.equal(await dueNow(), "2027-03-25");
    // On the version it is now, an earlier date is refused beside the date, in words.
    const card = await press("action.extend", priya, {
      panelId: PANEL,
      actionId: action.id,
      version: later.version,
      extendDueDate: "2027-03-11",
      extendReason: "One more week for the data.",
    });
    const body = card["body"] as Card[];
    const at = body.findIndex((b) => b["id"] === "extendDueDate");
    assert.equal(
      body[at + 1]?.["text"],
      "The new due date must be later than the date it is due now, Thursday 25 March 2027.",
    );
    assert.equal(await dueNow(), "2027-03-25");
  });

  it("Priya's reassignment from her older card is refused once Tom has passed it on, naming Tom", async () => {
    const seen = action.version;
    await log().reassignFromChat(
      tom,
      PANEL,
      action.id,
      { ownerId: owen.id, reason: "Police hold the hotspot data now." },
      seen,
      "test",
    );
    // Two days later, the note gives the day as well as the time.
    ports.clock.set("2027-02-20T09:00:00Z");
    const card = await press("action.reassign", priya, {
      panelId: PANEL,
      actionId: action.id,
      version: seen,
      reassignOwnerId: priya.id,
      reassignReason: "I will chase the data myself.",
    });
    assert.ok(
      texts(card).some((t) =>
        t.startsWith(
          "• Tom Ashworth changed this action at 15:00 on Thursday 18 February: Owen Brathwaite owns it now",
        ),
      ),
      texts(card).join("\n"),
    );
    assert.equal(inputs(card)["reassignReason"]?.["value"], "I will chase the data myself.");
    assert.equal(await ownerNow(), "Owen Brathwaite");
  });
});
