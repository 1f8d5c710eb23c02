import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import {
  chooseActionPanelCard,
  MAX_CARD_BUTTONS,
  recordActionCard,
} from "../../bot/src/adapters/teams/action-commands.js";
import {
  askForAccessCard,
  decideAccessCard,
  notOnPanelCard,
} from "../../bot/src/adapters/teams/cards/access-cards.js";
import {
  actionReminderCard,
  actionUpdatedCard,
  type CardAction,
} from "../../bot/src/adapters/teams/cards/action-cards.js";
import { changeFormCard } from "../../bot/src/adapters/teams/cards/action-change-cards.js";
import { signInCard } from "../../bot/src/adapters/teams/cards/meeting-cards.js";
import { ownReferralsCard } from "../../bot/src/adapters/teams/cards/own-referral-cards.js";
import {
  makeReferralChannelCard,
  questionCard,
  referralReceiptCard,
  referralStartCard,
  thresholdingAnswerCard,
} from "../../bot/src/adapters/teams/cards/referral-cards.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
} from "../../bot/src/adapters/teams/cards/referral-review-cards.js";
import { referralFormCard } from "../../bot/src/adapters/teams/cards/referral-form-card.js";
import { formOfReferral } from "../../bot/src/adapters/teams/cards/answers.js";
import { renderCard } from "../../bot/src/adapters/teams/cards/render.js";
import { welcomeCard } from "../../bot/src/adapters/teams/cards/templates.js";
import { tabLinks, tabPageOf, type TabTask } from "../../bot/src/adapters/teams/tab-links.js";
import { referralForm } from "../../bot/src/domain/referrals/form.js";
import { stepsOf } from "../../bot/src/domain/referrals/form-steps.js";
import type { AccessRequest } from "../../bot/src/domain/people/access-request.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";

// Teams on a phone does not run a card's Action.Execute buttons: every card that asks for input
// also opens the same task in the tab, by a Teams deep link that names ids only.

const APP_ID = "11111111-2222-4333-8444-555555555555";
const links = tabLinks("https://mace.example", APP_ID);
const catalogue = loadCatalogue("bot/config/areas");

type Card = Record<string, unknown>;

// adaptivecards' lib/ entry does not load under Node; its bundle does.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

function problemsParsing(content: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  return [...problems, ...card.validateProperties().validationEvents.map((e) => e.message)];
}

/** Every element and action of a card, however deeply nested (show-cards, action sets). */
function everything(node: unknown): Card[] {
  if (Array.isArray(node)) return node.flatMap(everything);
  if (!node || typeof node !== "object") return [];
  const card = node as Card;
  return [card, ...Object.values(card).flatMap(everything)];
}

const takesInput = (card: Card) =>
  everything(card).some(
    (e) => typeof e["type"] === "string" && /^(Input\.|Action\.Execute$)/.test(e["type"]),
  );

/** The task each "Open in the tab" link of the card opens, read back from the Teams deep link. */
function tasksOpened(card: Card): URLSearchParams[] {
  return everything(card)
    .filter((e) => e["type"] === "Action.OpenUrl" && String(e["title"]).endsWith("in the tab"))
    .map((e) => {
      const url = new URL(String(e["url"]));
      assert.equal(url.origin + url.pathname, `https://teams.microsoft.com/l/entity/${APP_ID}/mace-panels`);
      const context = JSON.parse(url.searchParams.get("context") ?? "{}") as { subEntityId?: string };
      const subPage = context.subEntityId ?? "";
      // Opened outside Teams, the same page at the tab's own address.
      assert.equal(url.searchParams.get("webUrl"), `https://mace.example/tab/?${subPage}`);
      return new URLSearchParams(subPage);
    });
}

const asTask = (q: URLSearchParams) => Object.fromEntries(q.entries());

const referral: Referral = {
  id: "3f1f6c2e-5b7a-4c1e-9f00-000000000001",
  reference: "MER-2026-0042",
  areaId: "merton",
  panelId: "merton-pre-mace",
  kind: "individual",
  status: "more-information-requested",
  submitted: { by: "r", byName: "Invented Referrer", at: "2026-11-24T10:00:00.000Z" },
  referrer: { agencyId: "mer-csc", jobTitle: "Social worker", email: "r@example.org" },
  meetingDate: "2026-12-03",
  values: {
    subjectName: "Invented Child",
    dateOfBirth: "2011-01-01",
    request: "Help",
    riskLevel: "moderate",
  },
  managerId: "m",
  approval: null,
  triage: null,
  questions: [
    {
      by: "c",
      byName: "Coordinator",
      at: "2026-11-24T10:00:00.000Z",
      question: "Which school?",
      answer: null,
      answeredAt: null,
    },
  ],
  possibleDuplicates: [{ subjectId: "s-1", reference: "MER-2026-0001", matchedOn: "name-and-date-of-birth" }],
  linkedSubjectId: null,
  subjectId: null,
};

const action: CardAction = {
  id: "6b0f2a4e-2f55-4c43-9a52-8f4c1f7c8a12",
  reference: "MER-A-2026-0005",
  version: "v1",
  areaId: "merton",
  panelId: "merton-pre-mace",
  meetingId: "2026-12-03",
  subjectId: null,
  caseReference: null,
  title: "Share the attendance record",
  text: "Share the term's attendance record with the panel.",
  ownerId: "00000000-0000-4000-8000-000000000901",
  ownerName: "Invented Owner",
  ownerAgencyId: "mer-education",
  ownerAgency: "Education",
  dueDate: "2026-12-17",
  status: "open",
  created: { by: "p", byName: "Invented Coordinator", at: "2026-12-03T12:00:00.000Z" },
  completed: null,
  updates: [],
};
const members = [{ id: "00000000-0000-4000-8000-000000000902", name: "Invented Member", agency: "Health" }];

const request: AccessRequest = {
  areaId: "merton",
  panelId: "merton-pre-mace",
  agencyId: "mer-health",
  personId: "00000000-0000-4000-8000-000000000903",
  displayName: "Invented Requester",
  email: "requester@example.org",
  jobTitle: "School nurse",
  reason: "I attend for the health service.",
  at: "2026-11-30T09:00:00.000Z",
  status: "open",
  decided: null,
};

const whoToAsk = {
  hasAccess: false,
  areaKnown: true,
  areas: [
    {
      id: "merton",
      name: "Merton",
      panels: [{ id: "merton-pre-mace", name: "Pre-MACE", coordinators: ["Invented Coordinator"] }],
      agencies: [{ id: "mer-health", name: "Health" }],
    },
  ],
  asked: [],
};

const signIn = {
  panelId: "merton-pre-mace",
  meetingId: "2026-12-03",
  panelName: "Pre-MACE",
  meetingDescription: "Thursday 3 December 2026, 09:30 to 13:30",
  statement: "What is shared here stays here.",
  agencies: [{ id: "mer-health", name: "Health" }],
};

const form = formOfReferral(catalogue, referral);
const choices = {
  formChoices: () =>
    Promise.resolve({
      meetings: ["2026-12-03", "2026-11-05"],
      members,
      cases: [{ subjectId: "s-1", reference: "MER-2026-0001" }],
      actionDueDays: 14,
    }),
} as unknown as Parameters<typeof recordActionCard>[0];

const actionTask: TabTask = { page: "actions", panelId: "merton-pre-mace", actionId: action.id };

async function cardsWithInput(): Promise<[string, Card, TabTask][]> {
  const cards: [string, Card, TabTask][] = [
    [
      "the start of a referral",
      referralStartCard([{ id: "merton-pre-mace", name: "Pre-MACE", area: "Merton" }], links),
      { page: "refer", panelId: "merton-pre-mace" },
    ],
    ["the channel's Make a referral", makeReferralChannelCard(links), { page: "refer" }],
    [
      "the channel's welcome, with its Make a referral",
      renderCard(welcomeCard, {
        channelName: "MACE panels",
        referUrl: links({ page: "refer" }),
        tabUrl: links({ page: "panels" }),
      }).content as Card,
      { page: "refer" },
    ],
    [
      "the receipt with its links to known records",
      referralReceiptCard(referral, "Pre-MACE", undefined, links),
      { page: "my-referrals", panelId: "merton-pre-mace", referralId: referral.id },
    ],
    [
      "a coordinator's triage card",
      coordinatorReferralCard(referral, "Pre-MACE", links, "v1", form),
      { page: "referrals", panelId: "merton-pre-mace", referralId: referral.id },
    ],
    [
      "a manager's approval request",
      approvalRequestCard({ ...referral, status: "awaiting-approval" }, "Pre-MACE", "v1", form, links),
      { page: "approval", panelId: "merton-pre-mace", referralId: referral.id },
    ],
    [
      "a question to the referrer",
      questionCard(referral, "Pre-MACE", "v1", links),
      { page: "my-referrals", panelId: "merton-pre-mace", referralId: referral.id },
    ],
    [
      "the referrer's own referrals, with Withdraw",
      ownReferralsCard([{ referral, version: "v1", panelName: "Pre-MACE" }], false, links),
      { page: "my-referrals" },
    ],
    [
      "an action's reminder in personal chat",
      actionReminderCard(action, "Pre-MACE", "reminder", "personal", links, members),
      actionTask,
    ],
    [
      "an action's reminder in the channel",
      actionReminderCard(action, "Pre-MACE", "assigned", "channel", links),
      actionTask,
    ],
    [
      "an action's card after an update",
      actionUpdatedCard(action, "Pre-MACE", "personal", links),
      actionTask,
    ],
    [
      "an extension refused",
      changeFormCard(action, "Pre-MACE", "extend", {}, [{ field: "extendReason", message: "x" }], links),
      actionTask,
    ],
    [
      "the channel's sign-in card",
      signInCard(signIn, links),
      { page: "sign-in", panelId: "merton-pre-mace", meetingId: "2026-12-03" },
    ],
    ["not on a panel yet", notOnPanelCard(whoToAsk, links), { page: "ask-for-access" }],
    ["asking to join a panel", askForAccessCard(whoToAsk, links), { page: "ask-for-access" }],
    [
      "a coordinator's access request",
      decideAccessCard(request, "Pre-MACE", "Health", links),
      { page: "access-requests", areaId: "merton", requestId: `merton-pre-mace~${request.personId}` },
    ],
    [
      "the `action` command's form",
      await recordActionCard(choices, catalogue, "merton-pre-mace", links),
      { page: "record-action", panelId: "merton-pre-mace", meetingId: "2026-12-03" },
    ],
  ];
  const chooser = chooseActionPanelCard(
    catalogue,
    [{ panelId: "merton-pre-mace", role: "coordinator" }] as unknown as Parameters<
      typeof chooseActionPanelCard
    >[1],
    links,
  );
  if (typeof chooser !== "string")
    cards.push([
      "the `action` command's choice of panel",
      chooser,
      { page: "record-action", panelId: "merton-pre-mace" },
    ]);
  for (const panel of catalogue.panels.values()) {
    const area = catalogue.areas.find((a) => a.id === panel.areaId);
    if (!area || !panel.referralRules) continue;
    for (const kind of panel.referralRules.kinds) {
      const steps = stepsOf(referralForm(panel, area, kind, [{ id: "m", name: "An Invented Manager" }]));
      for (const step of steps)
        cards.push([
          `${panel.id}'s ${kind} form, step ${step.id}`,
          referralFormCard(
            referralForm(panel, area, kind, [{ id: "m", name: "An Invented Manager" }]),
            panel.name,
            referral.id,
            links,
            {},
            [],
            {
              step: step.id,
              page: 0,
            },
          ),
          { page: "refer", panelId: panel.id, kind },
        ]);
    }
  }
  return cards;
}

describe("Every card that asks for something also opens it in the tab, for Teams on a phone", () => {
  it("each card with an input or a button opens its own task in the tab", async () => {
    const cards = await cardsWithInput();
    assert.ok(cards.length > 20);
    for (const [name, card, task] of cards) {
      assert.ok(takesInput(card), `${name} takes input`);
      // The sign-in toggle's own text is its name, as people and the sign-in tests find it.
      const named = name === "the channel's sign-in card" ? ["Required inputs should have a label"] : [];
      assert.deepEqual(problemsParsing(card), named, `${name} is still a card the renderer parses`);
      const opened = tasksOpened(card);
      assert.equal(opened.length, 1, `${name} has one link into the tab`);
      assert.deepEqual(
        asTask(opened[0] ?? new URLSearchParams()),
        asTask(new URLSearchParams(tabPageOf(task))),
        name,
      );
    }
  });

  it("the links name the task by its ids alone, never a child, a referrer or an owner", async () => {
    for (const [name, card] of await cardsWithInput())
      for (const q of tasksOpened(card)) {
        const text = q.toString();
        for (const detail of ["Invented", "2011-01-01", "MER-2026-0042", "Which school"])
          assert.ok(!text.includes(detail), `${name}: ${text}`);
      }
  });

  it("each kind of task is its own page of the tab, with the item to show", () => {
    const pages: [TabTask, string][] = [
      [
        { page: "agenda", panelId: "merton-pre-mace", meetingId: "2026-12-03" },
        "panel=merton-pre-mace&meeting=2026-12-03",
      ],
      [actionTask, `page=actions&panel=merton-pre-mace&action=${action.id}`],
      [{ page: "sign-in", panelId: "p", meetingId: "2026-12-03" }, "page=sign-in&panel=p&meeting=2026-12-03"],
      [
        { page: "record-action", panelId: "p", meetingId: "2026-12-03" },
        "page=record-action&panel=p&meeting=2026-12-03",
      ],
      [{ page: "referrals", panelId: "p", referralId: "r" }, "page=referrals&panel=p&referral=r"],
      [{ page: "my-referrals", referralId: "r" }, "page=my-referrals&referral=r"],
      [{ page: "my-referrals", panelId: "p", referralId: "r" }, "page=my-referrals&panel=p&referral=r"],
      [{ page: "panels" }, "page=panels"],
      [{ page: "panels", panelId: "p" }, "page=panels&panel=p"],
      [{ page: "approval", panelId: "p", referralId: "r" }, "page=approval&panel=p&referral=r"],
      [{ page: "refer", panelId: "p", kind: "group" }, "page=refer&panel=p&kind=group"],
      [
        { page: "access-requests", areaId: "merton", requestId: "p~x" },
        "page=access-requests&area=merton&request=p%7Ex",
      ],
      [{ page: "ask-for-access" }, "page=ask-for-access"],
    ];
    for (const [task, query] of pages) assert.equal(tabPageOf(task), query);
  });

  it("the `action` command's choice of panel keeps within the six buttons Teams draws, however many panels", () => {
    const panelIds = [...catalogue.panels.keys()].slice(0, 9);
    assert.equal(panelIds.length, 9);
    const asCoordinator = (ids: string[]) =>
      ids.map((panelId) => ({ panelId, role: "coordinator" })) as unknown as Parameters<
        typeof chooseActionPanelCard
      >[1];
    const buttonRows = (card: Card) => [
      card["actions"] as Card[],
      ...everything(card["body"])
        .filter((e) => e["type"] === "ActionSet")
        .map((e) => e["actions"] as Card[]),
    ];

    // As many panels as fit: a button for each, and each one's form in the tab.
    const few = chooseActionPanelCard(catalogue, asCoordinator(panelIds.slice(0, MAX_CARD_BUTTONS)), links);
    assert.ok(typeof few !== "string");
    assert.equal(MAX_CARD_BUTTONS, 6);
    assert.deepEqual(
      (few["actions"] as Card[]).map((a) => (a["data"] as Card)["panelId"]),
      panelIds.slice(0, 6),
    );
    for (const row of buttonRows(few)) assert.ok(row.length <= 6);

    // More: the panels in a list, and one button that opens the chosen panel's form.
    const many = chooseActionPanelCard(catalogue, asCoordinator(panelIds), links);
    assert.ok(typeof many !== "string");
    assert.deepEqual(problemsParsing(many), []);
    for (const row of buttonRows(many)) assert.ok(row.length <= 6, `${row.length} buttons in a row`);
    const list = everything(many["body"]).find((e) => e["type"] === "Input.ChoiceSet");
    assert.equal(list?.["id"], "panelId");
    assert.deepEqual(
      (list?.["choices"] as { value: string }[]).map((c) => c.value),
      panelIds,
    );
    const [open, tab] = many["actions"] as Card[];
    assert.equal(open?.["verb"], "action.form");
    assert.equal(open?.["associatedInputs"], "auto");
    assert.equal(tab?.["title"], "Choose the panel in the tab");
    assert.deepEqual(tasksOpened(many).map(asTask), [
      asTask(new URLSearchParams(tabPageOf({ page: "panels" }))),
    ]);
  });

  it("the referrer's answer to a thresholding question opens that referral on the panel's referrals page", () => {
    const answered = thresholdingAnswerCard({ ...referral, status: "accepted" }, "Pre-MACE", links);
    assert.deepEqual(tasksOpened(answered).map(asTask), [
      asTask(
        new URLSearchParams(
          tabPageOf({ page: "referrals", panelId: "merton-pre-mace", referralId: referral.id }),
        ),
      ),
    ]);
  });

  it("without the Teams app's id, a link is the tab's own address", () => {
    assert.equal(
      tabLinks("https://mace.example")({
        page: "sign-in",
        panelId: "merton-pre-mace",
        meetingId: "2026-12-03",
      }),
      "https://mace.example/tab/?page=sign-in&panel=merton-pre-mace&meeting=2026-12-03",
    );
  });
});
