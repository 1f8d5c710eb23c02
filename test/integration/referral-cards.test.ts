import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { viaOfReferral } from "../support/audit.js";
import { channelActivities } from "../support/channel-watch.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";
import {
  actionData,
  forgetPersonalChats,
  inputs,
  personalChat,
  teamsChat,
  teamsUser,
  texts,
  type Card,
} from "../support/teams-chat.js";

// The bot's referral cards, driven as Teams drives them: messages and Action.Execute invokes
// posted to /api/messages, replies and proactive cards caught by a connector on loopback.

const GRACE = teamsUser(PEOPLE.mertonSocialWorker);
const PRIYA = teamsUser(PEOPLE.mertonCoordinator);
const NADIA = teamsUser(PEOPLE.lambethPractitioner);
const COLM = teamsUser(PEOPLE.lambethManager);
const HANNAH = teamsUser(PEOPLE.mertonNurse);
const LEILA = teamsUser(PEOPLE.lambethCoordinator);
const CHANNEL = "19:merton-mace@thread.tacv2";
describe("Referrals through the bot's Adaptive Cards", function () {
  this.timeout(30_000);
  let service: TestService;
  let connector: RecordingConnector;

  before(async () => {
    await forgetPersonalChats([GRACE, PRIYA, NADIA, COLM, HANNAH, LEILA]);
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
  });
  after(async () => {
    await service.close();
    await connector.close();
  });

  const { inPersonal, inChannel, say, press, cardOf } = teamsChat(
    () => service.url,
    () => connector.url,
    CHANNEL,
  );

  /** Sends an individual referral form as the person would, with `typed` plus the changes given. */
  const submit = (who: typeof GRACE, panelId: string, formId: unknown, changes: Record<string, string>) =>
    press(inPersonal(who), "referral.submit", { panelId, kind: "individual", formId, ...typed, ...changes });

  /**
   * Opens a form and goes through its steps pressing Next, sending `answers` on each as a person
   * filling it in would: every card on the way, the last one showing Send referral.
   */
  const throughSteps = async (who: typeof GRACE, panelId: string, answers: Record<string, string>) => {
    const cards = [cardOf(await press(inPersonal(who), "referral.open", { panelId, kind: "individual" }))];
    for (let card = cards[0]; card && !actionData(card, "referral.submit")["formId"]; card = cards.at(-1)) {
      const next = actionData(card, "referral.step");
      assert.equal(next["to"], "next", texts(card).join("\n"));
      cards.push(cardOf(await press(inPersonal(who), "referral.step", { ...next, ...answers })));
      assert.ok(cards.length < 8, `the form ends: ${texts(cards.at(-1)).join(" | ")}`);
    }
    return { cards, formId: actionData(cards.at(-1) ?? {}, "referral.submit")["formId"] };
  };

  const typed = {
    subjectName: "Tamsin Invented",
    dateOfBirth: "2010-09-30",
    gender: "female",
    ethnicity: "white-other",
    language: "English and Polish",
    address: "3 Fictional Mews, Mitcham",
    postcode: "CR4 7ZZ",
    safeguardingStatus: "child-in-need",
    alsoPersonOfConcern: "false",
    consent: "yes",
    "screening.criminal-exploitation": "6",
    "screening.missing": "9",
    request: "A safety plan agreed across schools for the journey home.",
    howSafer: "She would not be alone at the bus station.",
    riskLevel: "moderate",
  };
  /** Merton's form filled in so that every step can be gone on from. */
  const complete = { ...typed, strategyMeetingDate: "2026-11-19", "screening.missing": "11" };
  let receiptReference = "";

  it("a practitioner types `refer`, picks the panel and kind, and gets the Merton form", async () => {
    await say(inPersonal(GRACE), "refer");
    // Notices about earlier referrals may arrive too, once the chat is known: find the reply.
    const start = connector.cardsIn(personalChat(GRACE)).find((c) => texts(c).includes("Make a referral"));
    assert.ok(start);
    assert.match(texts(start).join("\n"), /Make a referral/);
    const panels = (inputs(start)["panelId"]?.["choices"] as { title: string; value: string }[]).map(
      (c) => c.value,
    );
    assert.deepEqual(panels, ["merton-pre-mace"]);

    const { cards } = await throughSteps(GRACE, "merton-pre-mace", complete);
    const first = cards[0] ?? {};
    assert.equal(first["version"], "1.5");
    assert.deepEqual(
      cards.map((c) => texts(c)[1]),
      [
        "Individual child or young adult: step 1 of 4, Who it is about",
        "Individual child or young adult: step 2 of 4, Safeguarding and consent",
        "Individual child or young adult: step 3 of 4, The panel's checklist and scores",
        "Individual child or young adult: step 4 of 4, Your request of the panel",
      ],
    );
    const fields = inputs(first);
    for (const id of ["subjectName", "dateOfBirth", "ethnicity", "language"]) assert.ok(fields[id], id);
    assert.equal(fields["consent"], undefined, "consent is asked in its own step");
    assert.ok(inputs(cards[1])["consent"]);
    assert.ok(inputs(cards[2])["strategyMeetingDate"]);
    assert.ok(inputs(cards[3])["riskLevel"]);
    assert.equal(fields["postcode"]?.["regex"], "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$");
    assert.equal(fields["subjectName"]?.["isRequired"], true);
  });

  it("a step with mistakes comes back with its values kept and each problem beside its field; so does a send", async () => {
    const opened = cardOf(
      await press(inPersonal(GRACE), "referral.open", { panelId: "merton-pre-mace", kind: "individual" }),
    );
    const step = (card: Card, changes: Record<string, string>) =>
      press(inPersonal(GRACE), "referral.step", {
        ...actionData(card, "referral.step"),
        ...typed,
        ...changes,
      });
    const safeguarding = cardOf(await step(opened, {}));
    const checklist = cardOf(await step(safeguarding, {}));
    const refusedStep = cardOf(
      await step(checklist, { strategyMeetingDate: "2026-12-02", "screening.missing": "11" }),
    );
    const stepBody = refusedStep["body"] as Card[];
    const dateAt = stepBody.findIndex((e) => e["id"] === "strategyMeetingDate");
    assert.equal(stepBody[dateAt + 1]?.["text"], "The meeting date cannot be in the future.");
    assert.equal(inputs(refusedStep)["strategyMeetingDate"]?.["value"], "2026-12-02");
    assert.equal(stepBody.at(-1)?.["id"], "problems", "the summary is next to the buttons");

    // Back to the first step: what was typed there is kept.
    const back = cardOf(
      await press(inPersonal(GRACE), "referral.step", actionData(refusedStep, "referral.step", "back")),
    );
    const firstAgain = cardOf(
      await press(inPersonal(GRACE), "referral.step", actionData(back, "referral.step", "back")),
    );
    assert.equal(inputs(firstAgain)["subjectName"]?.["value"], "Tamsin Invented");

    // Sent whole with a mistake, the form comes back at the step holding it.
    const { formId } = await throughSteps(GRACE, "merton-pre-mace", complete);
    const reply = cardOf(
      await submit(GRACE, "merton-pre-mace", formId, {
        strategyMeetingDate: "2026-12-02",
      }),
    );
    const shown = texts(reply);
    assert.ok(shown.includes("There are 2 things to put right before the referral can be sent:"));
    assert.ok(shown.includes("• The meeting date cannot be in the future."));
    // Beside the field: the problem follows its input.
    const body = reply["body"] as Card[];
    const at = body.findIndex((e) => e["id"] === "strategyMeetingDate");
    assert.equal(body[at + 1]?.["text"], "The meeting date cannot be in the future.");
    assert.equal(body[at + 1]?.["color"], "Attention");
    const values = inputs(reply);
    assert.equal(values["strategyMeetingDate"]?.["value"], "2026-12-02");
    assert.equal(values["screening.missing"]?.["value"], 9);
    assert.equal(actionData(reply, "referral.step")["formId"], formId);

    // Corrected: the receipt replaces the form.
    const receipt = cardOf(
      await submit(GRACE, "merton-pre-mace", formId, {
        strategyMeetingDate: "2026-11-19",
        "screening.missing": "11",
      }),
    );
    const lines = texts(receipt).join("\n");
    const reference = /Referral (MER-2026-\d{4}) sent/.exec(lines)?.[1];
    assert.ok(reference, lines);
    receiptReference = reference;
    assert.match(lines, /Status: With the panel coordinator/);
    assert.match(lines, /meeting on Thursday 3 December 2026, 09:30 to 13:30/);

    // The same press delivered again: the same receipt, no second referral.
    const again = cardOf(
      await submit(GRACE, "merton-pre-mace", formId, {
        strategyMeetingDate: "2026-11-19",
        "screening.missing": "11",
      }),
    );
    assert.match(texts(again).join("\n"), new RegExp(`Referral ${reference} sent`));
    // The audit log says it was sent from the bot's card.
    assert.deepEqual(await viaOfReferral("merton", formId, "referral.created"), ["bot: referral form"]);
  });

  it("the coordinator gets the new referral in personal chat and accepts it; the referrer is told", async () => {
    await say(inPersonal(PRIYA), "hello");
    await service.noticesDelivered();
    const cards = connector.cardsIn(personalChat(PRIYA));
    const card = cards.find((c) => texts(c).includes(`New referral ${receiptReference}`));
    assert.ok(card, "the coordinator received the referral");
    assert.ok(texts(card).includes("Subject: Tamsin Invented"));
    const accepted = cardOf(
      await press(inPersonal(PRIYA), "referral.accept", { ...actionData(card, "referral.accept"), note: "" }),
    );
    assert.match(texts(accepted)[0] ?? "", new RegExp(`${receiptReference}: Accepted by the panel`));
    await service.noticesDelivered();
    const told = connector.cardsIn(personalChat(GRACE)).map((c) => texts(c).join(" "));
    assert.ok(
      told.some((t) => t.includes(`${receiptReference} accepted`)),
      told.join("\n"),
    );
  });

  it("the practitioner sees a likely duplicate on the receipt and links the referral to it", async () => {
    const { formId } = await throughSteps(GRACE, "merton-pre-mace", complete);
    // The demo cohort has Jayden Okoro-Hart, born 14 March 2010.
    const receipt = cardOf(
      await submit(GRACE, "merton-pre-mace", formId, {
        subjectName: "Jayden Okoro Hart",
        dateOfBirth: "2010-03-14",
        address: "9 Other Street",
        strategyMeetingDate: "2026-11-19",
        "screening.missing": "11",
      }),
    );
    const lines = texts(receipt).join("\n");
    assert.match(lines, /This may be someone or somewhere the panel already knows/);
    const known = /• (MER-2026-\d{4}), same name and date of birth/.exec(lines)?.[1];
    assert.ok(known, lines);
    const link = (
      receipt["actions"] as { title: string; verb: string; data: Record<string, unknown> }[]
    ).find((a) => a.verb === "referral.link");
    assert.equal(link?.title, `Same as ${known}`);
    const linked = cardOf(await press(inPersonal(GRACE), "referral.link", link?.data ?? {}));
    assert.match(texts(linked).join("\n"), new RegExp(`Linked to ${known}: the panel will keep one record`));
  });

  it("a Lambeth referral goes to the named manager to approve, then to the coordinator, who asks a question the referrer answers", async () => {
    for (const who of [NADIA, COLM, LEILA]) await say(inPersonal(who), "hello");
    await service.noticesDelivered();
    const lambeth = { ...typed, strategyMeetingDate: "2026-11-19", blockers: "no-services" };
    const { cards, formId } = await throughSteps(NADIA, "lambeth-mave", lambeth);
    const managers = (
      inputs(cards.at(-1))["managerId"]?.["choices"] as { title: string; value: string }[]
    ).map((c) => c.title);
    assert.deepEqual(managers, ["Colm Ferreira, Service Manager, Adolescent Safeguarding"]);
    // A refused send keeps the whole list of managers to choose from.
    const refused = cardOf(
      await submit(NADIA, "lambeth-mave", formId, {
        ...lambeth,
        request: "",
        managerId: COLM.aadObjectId,
      }),
    );
    const kept = inputs(refused)["managerId"];
    assert.deepEqual(
      (kept?.["choices"] as { title: string }[]).map((c) => c.title),
      ["Colm Ferreira, Service Manager, Adolescent Safeguarding"],
    );
    assert.equal(kept?.["value"], COLM.aadObjectId);
    const receipt = cardOf(
      await submit(NADIA, "lambeth-mave", formId, {
        subjectName: "Ulla Invented",
        strategyMeetingDate: "2026-11-19",
        blockers: "no-services,remit-unclear",
        managerId: COLM.aadObjectId,
      }),
    );
    const lines = texts(receipt).join("\n");
    const reference = /Referral (LAM-2026-\d{4}) sent/.exec(lines)?.[1] ?? "";
    assert.ok(reference, lines);
    assert.match(lines, /Status: Waiting for manager approval/);
    await service.noticesDelivered();
    assert.ok(
      !connector.cardsIn(personalChat(LEILA)).some((c) => texts(c).includes(`New referral ${reference}`)),
      "the coordinator does not see it before approval",
    );

    const request = connector
      .cardsIn(personalChat(COLM))
      .find((c) => texts(c).includes(`Approve referral ${reference}?`));
    assert.ok(request, "the manager was asked");
    // `approvals` shows the same request again, for a manager who lost the card.
    const asked = connector.cardsIn(personalChat(COLM)).length;
    await say(inPersonal(COLM), "approvals");
    const again = connector.cardsIn(personalChat(COLM)).slice(asked);
    assert.ok(again.some((c) => texts(c).includes(`Approve referral ${reference}?`)));
    assert.ok(inputs(request)["comment"]);
    const approved = cardOf(
      await press(inPersonal(COLM), "referral.approve", {
        ...actionData(request, "referral.approve"),
        comment: "Agreed.",
      }),
    );
    assert.match(texts(approved)[0] ?? "", new RegExp(`You approved ${reference}`));
    await service.noticesDelivered();
    assert.ok(connector.cardsIn(personalChat(NADIA)).some((c) => texts(c).includes(`${reference} approved`)));

    const arrived = connector
      .cardsIn(personalChat(LEILA))
      .find((c) => texts(c).includes(`New referral ${reference}`));
    assert.ok(arrived, "the coordinator got it after approval");
    await press(inPersonal(LEILA), "referral.ask", {
      ...actionData(arrived, "referral.ask"),
      note: "Which school does she attend?",
    });
    await service.noticesDelivered();
    const question = connector
      .cardsIn(personalChat(NADIA))
      .find((c) => texts(c).includes(`A question about referral ${reference}`));
    assert.ok(question);
    assert.ok(texts(question).includes("Which school does she attend?"));
    const answered = cardOf(
      await press(inPersonal(NADIA), "referral.answer", {
        ...actionData(question, "referral.answer"),
        answer: "Invented Academy.",
      }),
    );
    assert.match(texts(answered)[0] ?? "", new RegExp(`Answer sent for ${reference}`));
    await service.noticesDelivered();
    const back = connector
      .cardsIn(personalChat(LEILA))
      .filter((c) => texts(c).includes(`Referral ${reference}: the referrer answered`))
      .at(-1);
    assert.ok(
      back && texts(back).some((t) => t.includes("Invented Academy.")),
      "the answer reached the coordinator",
    );
  });

  it("`referrals` shows the coordinator each new referral as a card to triage, only in personal chat", async () => {
    const before = connector.cardsIn(personalChat(PRIYA)).length;
    await say(inPersonal(PRIYA), "referrals");
    const shown = connector.cardsIn(personalChat(PRIYA)).slice(before);
    assert.ok(shown.length >= 1);
    assert.ok(shown.every((c) => texts(c)[0]?.startsWith("New referral MER-2026-")));
    assert.ok(
      shown.some((c) => texts(c).includes("Subject: Amara Lindqvist")),
      "the demo referral waiting for triage",
    );
    assert.ok(
      !shown.some((c) => texts(c).includes("Subject: Tamsin Invented")),
      "accepted referrals are not shown",
    );

    const inTeam = connector.sent.length;
    await say(inChannel(PRIYA), "referrals");
    const reply = connector.sent.slice(inTeam).map((s) => JSON.stringify(s.activity));
    assert.equal(reply.length, 1);
    assert.match(reply[0] ?? "", /only in your personal chat/);
  });

  it("in a channel, `refer` posts only a button, and the form opens in the practitioner's personal chat", async () => {
    const before = channelActivities().length;
    await say({ ...inChannel(GRACE), entities: [] }, "refer");
    const posted = connector.sent.filter((s) => s.conversationId === CHANNEL).at(-1);
    assert.ok(posted);
    assert.ok(channelActivities().length > before, "channel posts are watched");
    const channelCard = connector.cardsIn(CHANNEL).at(-1) ?? {};
    assert.deepEqual(Object.keys(inputs(channelCard)), []);
    const buttons = channelCard["actions"] as { type: string; verb?: string; url?: string }[];
    assert.deepEqual(
      buttons.filter((a) => a.type === "Action.Execute").map((a) => a.verb),
      ["referral.private"],
    );
    // On a phone, where the button does nothing, the referral form in the tab instead.
    assert.deepEqual(
      buttons.filter((a) => a.type === "Action.OpenUrl").map((a) => a.url?.replace(/^.*\/tab\//, "/tab/")),
      ["/tab/?page=refer"],
    );

    const sentToGrace = connector.cardsIn(personalChat(GRACE)).length;
    const reply = await press(inChannel(GRACE), "referral.private", {});
    assert.equal(reply.type, "application/vnd.microsoft.activity.message");
    assert.match(String(reply.value), /personal chat/);
    const privately = connector.cardsIn(personalChat(GRACE));
    assert.equal(privately.length, sentToGrace + 1);
    assert.match(texts(privately.at(-1)).join(" "), /Make a referral/);

    // Someone who has never chatted with the bot: a personal chat is started for them.
    const firstTime = await press(inChannel(HANNAH), "referral.private", {});
    assert.match(String(firstTime.value), /personal chat/);
    const started = connector.sent.filter((x) => x.conversationId.startsWith("a:created-"));
    assert.ok(
      started.some((x) => JSON.stringify(x.activity).includes("Who or what are you referring?")),
      "the form's first card went to the new chat",
    );

    // A form pressed in a channel is refused, so no details can be shown there.
    const refused = await press(inChannel(GRACE), "referral.open", {
      panelId: "merton-pre-mace",
      kind: "individual",
    });
    assert.equal(refused.type, "application/vnd.microsoft.activity.message");
    assert.match(String(refused.value), /never in a channel/);
  });

  it("unknown verbs, forged panels and forged referrals get a plain message and change nothing", async () => {
    const unknown = await press(inPersonal(GRACE), "referral.delete-everything", {});
    assert.match(String(unknown.value), /not one I know/);
    const forgedPanel = await press(inPersonal(GRACE), "referral.open", {
      panelId: "../../etc",
      kind: "individual",
    });
    assert.match(String(forgedPanel.value), /There is no such panel/);
    const forgedForm = await press(inPersonal(GRACE), "referral.submit", {
      panelId: "merton-pre-mace",
      kind: "individual",
      formId: "x",
      ...typed,
    });
    assert.match(String(forgedForm.value), /not one we issued/);
    const forgedReferral = await press(inPersonal(PRIYA), "referral.accept", {
      panelId: "merton-pre-mace",
      version: "v1",
      referralId: randomUUID(),
    });
    assert.match(String(forgedReferral.value), /no such referral/);
    const notCoordinator = await press(inPersonal(GRACE), "referral.accept", {
      panelId: "merton-pre-mace",
      referralId: randomUUID(),
      version: "v1",
    });
    assert.match(String(notCoordinator.value), /Only Pre-MACE operational panel's coordinators/);
    const tooLong = await press(inPersonal(PRIYA), "referral.decline", {
      panelId: "merton-pre-mace",
      referralId: randomUUID(),
      note: "x".repeat(1001),
    });
    assert.match(String(tooLong.value), /too long/);
    const noVersion = await press(inPersonal(PRIYA), "referral.decline", {
      panelId: "merton-pre-mace",
      referralId: randomUUID(),
      note: "x",
    });
    assert.match(String(noVersion.value), /This card is out of date/);
  });
});
