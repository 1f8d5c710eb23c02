import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { newMertonPractitioner } from "../support/new-practitioner.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";
import {
  forgetPersonalChats,
  personalChat,
  teamsChat,
  teamsUser,
  texts,
  type Card,
  type TeamsUser,
} from "../support/teams-chat.js";

// The referrer's side of the bot, driven as Teams drives it: `referrals` typed in personal chat,
// the list card's Withdraw pressed with a reason, the coordinator's notice caught by a connector.

const PRIYA = teamsUser(PEOPLE.mertonCoordinator);
const PANEL = "merton-pre-mace";

/** Every Action.Execute a card holds, those inside a ShowCard too. */
function executes(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Card;
      if (o["type"] === "Action.Execute") found.push(o as (typeof found)[number]);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe("A practitioner's referrals through the bot's cards", function () {
  this.timeout(30_000);
  let service: TestService;
  let connector: RecordingConnector;
  const made: { id: string; reference: string }[] = [];

  // A referrer of the suite's own: a demo practitioner's list holds other suites' referrals too.
  let VERA: TeamsUser;

  before(async () => {
    await forgetPersonalChats([PRIYA]);
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    VERA = teamsUser(await newMertonPractitioner("Vera Cardlist"));
    for (const [who, name] of [
      [VERA, "Dot Cardlist"],
      [PRIYA, "Eli Cardlist"],
      [VERA, "Fay Cardlist"],
    ] as const) {
      const sent = await service.desk.submit(
        { id: who.aadObjectId, name: who.name },
        PANEL,
        "individual",
        randomUUID(),
        mertonChild(name),
      );
      assert.ok(sent.ok);
      made.push(sent.referral);
    }
    const accepted = made[2]?.id ?? "";
    const priya = { id: PRIYA.aadObjectId, name: PRIYA.name };
    const read = await service.desk.view(priya, PANEL, accepted, "test");
    await service.desk.triage(
      priya,
      PANEL,
      accepted,
      { decision: "accept", note: "For the December panel.", linkToSubjectId: null },
      read.etag,
      "test",
    );
  });
  after(async () => {
    await service.close();
    await connector.close();
    await forgetMertonReferrals(made.map((r) => r.id));
    await forgetPerson(VERA.aadObjectId, "merton", PANEL);
    await forgetPersonalChats([VERA]);
  });

  const { inPersonal, inChannel, say, press, cardOf } = teamsChat(
    () => service.url,
    () => connector.url,
    "19:merton-mace@thread.tacv2",
  );
  const newIn = async (who: typeof VERA, text: string) => {
    const before = connector.sent.length;
    await say(inPersonal(who), text);
    return connector.sent.slice(before).filter((s) => s.conversationId === personalChat(who));
  };
  const cardsOf = (sent: Awaited<ReturnType<typeof newIn>>) =>
    sent.flatMap((s) => ((s.activity["attachments"] ?? []) as { content: Card }[]).map((a) => a.content));
  const listCard = (sent: Awaited<ReturnType<typeof newIn>>) =>
    cardsOf(sent).find((c) => texts(c)[0] === "Your referrals");

  it("`referrals` shows her own referrals with kind, status, meeting and the note on each outcome", async () => {
    const [mine] = made as [{ id: string; reference: string }];
    const card = listCard(await newIn(VERA, "referrals"));
    assert.ok(card, "the list card came");
    const shown = texts(card);
    const at = shown.findIndex((t) => t.startsWith(`**${mine.reference}**`));
    assert.ok(at >= 0, shown.join(" | "));
    assert.deepEqual(shown.slice(at, at + 5), [
      `**${mine.reference}**: Dot Cardlist`,
      "Kind: Individual child or young adult",
      "Panel: Pre-MACE operational panel",
      "Status: With the panel coordinator",
      "Meeting: Thursday 3 December 2026",
    ]);
    // The one Priya accepted carries her note.
    assert.ok(shown.includes("Coordinator's note: For the December panel."), shown.join(" | "));
    assert.ok(!shown.some((t) => t.includes("Eli Cardlist")), "only her own");
    const withdrawals = executes(card).filter((a) => a.verb === "referral.withdraw");
    assert.ok(withdrawals.some((a) => a.data["referralId"] === mine.id));
    assert.ok(
      withdrawals.every((a) => a.data["referralId"] !== undefined),
      "each waiting one has its own button",
    );
  });

  it("she withdraws one waiting for the coordinator with a reason, and the coordinator is told", async () => {
    const [mine] = made as [{ id: string; reference: string }];
    await say(inPersonal(PRIYA), "hello");
    const card = listCard(await newIn(VERA, "referrals"));
    const button = executes(card).find(
      (a) => a.verb === "referral.withdraw" && a.data["referralId"] === mine.id,
    );
    assert.ok(button);
    const reasonBox = `withdrawReason-${mine.id}`;
    const empty = await press(inPersonal(VERA), "referral.withdraw", { ...button.data, [reasonBox]: " " });
    assert.equal(
      String(empty.value),
      `Say why you are withdrawing ${mine.reference}: the panel coordinator sees it.`,
    );

    const done = cardOf(
      await press(inPersonal(VERA), "referral.withdraw", {
        ...button.data,
        [reasonBox]: "The family moved out of the borough.",
      }),
    );
    assert.equal(texts(done)[0], `${mine.reference} withdrawn`);
    await service.noticesDelivered();
    const told = connector
      .cardsIn(personalChat(PRIYA))
      .find((c) => texts(c)[0] === `${mine.reference} withdrawn`);
    assert.ok(told, "the coordinator was told");
    assert.ok(
      texts(told).includes(
        "Vera Cardlist withdrew their referral to Pre-MACE operational panel: The family moved out of the borough.",
      ),
    );
    // The same press again, from the card still on screen, is refused in words.
    const again = await press(inPersonal(VERA), "referral.withdraw", {
      ...button.data,
      [reasonBox]: "Again",
    });
    assert.equal(String(again.value), `You have already withdrawn ${mine.reference}.`);
    const shown = texts(listCard(await newIn(VERA, "referrals")));
    assert.ok(shown.includes("Reason for withdrawing: The family moved out of the borough."));
  });

  it("an accepted referral cannot be withdrawn, and says so plainly", async () => {
    const accepted = (
      await service.desk.own({ id: VERA.aadObjectId, name: VERA.name }, "test")
    ).referrals.find((r) => r.value.status === "accepted");
    assert.ok(accepted);
    const refused = await press(inPersonal(VERA), "referral.withdraw", {
      panelId: PANEL,
      referralId: accepted.value.id,
      version: accepted.etag,
      [`withdrawReason-${accepted.value.id}`]: "No longer needed",
    });
    assert.equal(
      String(refused.value),
      `${accepted.value.reference} has already been accepted by the panel, so it can no longer be withdrawn. If the case should come off the panel, ask the panel coordinator.`,
    );
  });

  it("a coordinator who also refers gets both lists, each headed; in a channel, only a pointer", async () => {
    const sent = await newIn(PRIYA, "referrals");
    const first = sent[0]?.activity["text"];
    assert.match(String(first), /^\*\*Waiting for your triage\.\*\* /);
    const cards = cardsOf(sent);
    assert.ok(cards.some((c) => texts(c)[0]?.startsWith("New referral ")));
    const own = cards.at(-1);
    assert.equal(texts(own)[0], "Your referrals", "her own come last, under their heading");
    assert.ok(texts(own).includes(`**${made[1]?.reference}**: Eli Cardlist`));

    const before = connector.sent.length;
    await say(inChannel(VERA), "referrals");
    const reply = connector.sent.slice(before).map((s) => JSON.stringify(s.activity));
    assert.equal(reply.length, 1);
    assert.match(reply[0] ?? "", /only in your personal chat/);
  });
});
