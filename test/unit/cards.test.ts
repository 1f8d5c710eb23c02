import assert from "node:assert/strict";
import { createRequire } from "node:module";
import {
  helpCard,
  noPanelsCard,
  panelsCard,
  welcomeCard,
} from "../../bot/src/adapters/teams/cards/templates.js";
import { renderCard } from "../../bot/src/adapters/teams/cards/render.js";
import { DEMO_PEOPLE } from "../../bot/src/seed/demo-people.js";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { formOfReferral } from "../../bot/src/adapters/teams/cards/answers.js";
import { texts } from "../support/teams-chat.js";
import { referralFormCard } from "../../bot/src/adapters/teams/cards/referral-form-card.js";
import {
  makeReferralChannelCard,
  outcomeCard,
  questionCard,
  referralReceiptCard,
  referralStartCard,
  thresholdingAnswerCard,
} from "../../bot/src/adapters/teams/cards/referral-cards.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
} from "../../bot/src/adapters/teams/cards/referral-review-cards.js";
import { ownReferralsCard } from "../../bot/src/adapters/teams/cards/own-referral-cards.js";
import { tabLinks } from "../../bot/src/adapters/teams/tab-links.js";
import { MAX_GROUP_MEMBERS, referralForm } from "../../bot/src/domain/referrals/form.js";
import { stepsOf } from "../../bot/src/domain/referrals/form-steps.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";
import { actionReminderCard, type CardAction } from "../../bot/src/adapters/teams/cards/action-cards.js";
import {
  changeFormCard,
  notPossibleCard,
  passedOnCard,
} from "../../bot/src/adapters/teams/cards/action-change-cards.js";

// adaptivecards' lib/ entry does not load under Node; its bundle does.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

function parseWithRenderer(content: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

const links = tabLinks("https://example.org");

const SAMPLES: [string, object, Record<string, unknown>][] = [
  [
    "help",
    helpCard,
    { commands: [{ name: "help", description: "Show this list." }], tabUrl: "https://example.org/tab/" },
  ],
  [
    "panels",
    panelsCard,
    {
      panels: [
        {
          name: "Pre-MACE operational panel",
          area: "Merton",
          role: "coordinator",
          next: "Thursday 3 December 2026, 09:30 to 13:30",
          link: "https://example.org/tab/?page=panels&panel=merton-pre-mace",
        },
      ],
      tabUrl: "https://example.org/tab/?page=panels",
    },
  ],
  ["no panels", noPanelsCard, {}],
  [
    "welcome",
    welcomeCard,
    {
      channelName: "MACE panels",
      referUrl: "https://example.org/tab/?page=refer",
      tabUrl: "https://example.org/tab/?page=panels",
    },
  ],
];

describe("Bot cards", () => {
  for (const [name, template, data] of SAMPLES) {
    it(`the ${name} card is Adaptive Card 1.5 that the renderer parses without errors or unknown elements`, () => {
      const attachment = renderCard(template, data);
      assert.equal(attachment.contentType, "application/vnd.microsoft.card.adaptive");
      const content = attachment.content as { version: string; body: unknown[] };
      assert.equal(content.version, "1.5");
      assert.deepEqual(parseWithRenderer(content), []);
      assert.ok(!JSON.stringify(content).includes("${"), "every template expression was filled");
    });
  }

  it("the parser does report an unknown element, so the checks above are real", () => {
    const problems = parseWithRenderer({
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlok", text: "x" }],
    });
    assert.ok(
      problems.some((p) => /TextBlok/.test(p)),
      problems.join("; "),
    );
  });

  it("the channel welcome names no person", () => {
    const text = JSON.stringify(
      renderCard(welcomeCard, {
        channelName: "MACE panels",
        referUrl: "https://example.org/tab/?page=refer",
        tabUrl: "https://example.org/tab/?page=panels",
      }),
    );
    for (const p of DEMO_PEOPLE) assert.ok(!text.includes(p.displayName));
  });
});

describe("Referral cards", () => {
  const catalogue = loadCatalogue("bot/config/areas");
  const referral: Referral = {
    id: "3f1f6c2e-5b7a-4c1e-9f00-000000000001",
    reference: "MER-2026-0042",
    areaId: "merton",
    panelId: "merton-pre-mace",
    kind: "individual",
    status: "new",
    submitted: { by: "r", byName: "Referrer", at: "2026-11-24T10:00:00.000Z" },
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
    possibleDuplicates: [{ subjectId: "s", reference: "MER-2026-0001", matchedOn: "name-and-date-of-birth" }],
    linkedSubjectId: null,
    subjectId: null,
  };
  const cards: [string, object][] = [
    ["start", referralStartCard([{ id: "merton-pre-mace", name: "Pre-MACE", area: "Merton" }], links)],
    ["channel", makeReferralChannelCard(links)],
    ["receipt", referralReceiptCard(referral, "Pre-MACE", "Thursday 3 December 2026, 09:30 to 13:30", links)],
    [
      "approval request",
      approvalRequestCard(
        referral,
        "Pre-MACE",
        "W/\"datetime'2026-11-24T10%3A00%3A00Z'\"",
        formOfReferral(catalogue, referral),
        links,
      ),
    ],
    [
      "coordinator",
      coordinatorReferralCard(referral, "Pre-MACE", links, "v1", formOfReferral(catalogue, referral)),
    ],
    ["question", questionCard(referral, "Pre-MACE", "v1", links)],
    [
      "thresholding answer",
      thresholdingAnswerCard(
        {
          ...referral,
          status: "accepted",
          questions: [
            {
              by: "c",
              byName: "A Coordinator",
              at: referral.submitted.at,
              question: "Please send the reviewed Risk Factor Matrix.",
              answer: "Sent to the coordinators' inbox today.",
              answeredAt: referral.submitted.at,
            },
          ],
        },
        "Tamworth District MACE panel",
        links,
      ),
    ],
    ["outcome", outcomeCard("Done", ["A line"])],
    [
      "referrer's own referrals",
      ownReferralsCard(
        Array.from({ length: 10 }, (_, i) => ({
          referral: {
            ...referral,
            id: `3f1f6c2e-5b7a-4c1e-9f00-00000000001${i}`,
            status: i % 2 ? "more-information-requested" : "accepted",
            triage:
              i % 2
                ? null
                : {
                    by: "c",
                    byName: "Coordinator",
                    at: referral.submitted.at,
                    decision: "accepted",
                    note: "For December",
                  },
          },
          version: "v1",
          panelName: "Pre-MACE",
        })),
        true,
        links,
      ),
    ],
    ["referrer's own referrals, none yet", ownReferralsCard([], false, links)],
  ];
  // Every step of every panel's forms, with a problem shown; and a group of the most members, on
  // its last page, with every answer given: the largest a referral card gets.
  for (const panel of catalogue.panels.values()) {
    const area = catalogue.areas.find((a) => a.id === panel.areaId);
    if (!area || !panel.referralRules) continue;
    for (const kind of panel.referralRules.kinds) {
      const form = referralForm(panel, area, kind, [{ id: "m", name: "A Manager" }]);
      for (const step of stepsOf(form))
        cards.push([
          `${panel.id} ${kind} form, step ${step.id}`,
          referralFormCard(
            form,
            panel.name,
            "3f1f6c2e-5b7a-4c1e-9f00-000000000001",
            links,
            {},
            [{ field: null, message: "x" }],
            { step: step.id, page: 0 },
          ),
        ]);
    }
    if (panel.referralRules.kinds.includes("group")) {
      const everyone: Record<string, string> = { groupName: "Peer group, north of the borough" };
      for (let row = 1; row <= MAX_GROUP_MEMBERS; row++) {
        everyone[`member${row}.name`] = `Invented Member Number ${row} With A Long Name`;
        everyone[`member${row}.dateOfBirth`] = "2010-03-14";
        everyone[`member${row}.gender`] = "non-binary";
        everyone[`member${row}.ethnicity`] = "mixed-white-black-caribbean";
        everyone[`member${row}.relationship`] = "Known to the others through school and the park";
        everyone[`member${row}.schoolOrEmployer`] = "An Invented Academy of the North of the Borough";
        everyone[`member${row}.leadAgency`] = "Children's social care";
      }
      const form = referralForm(panel, area, "group", [], MAX_GROUP_MEMBERS);
      cards.push([
        `${panel.id} group form with ${MAX_GROUP_MEMBERS} members`,
        referralFormCard(form, panel.name, "3f1f6c2e-5b7a-4c1e-9f00-000000000001", links, everyone, [], {
          step: "subject",
          page: 9,
        }),
      ]);
    }
  }

  for (const [name, content] of cards) {
    it(`the ${name} card is Adaptive Card 1.5 that the renderer parses, within Teams' 28 KB`, () => {
      assert.equal((content as { version: string }).version, "1.5");
      assert.deepEqual(parseWithRenderer(content), []);
      assert.ok(
        Buffer.byteLength(JSON.stringify(content)) < 28 * 1024,
        `${Buffer.byteLength(JSON.stringify(content))} bytes`,
      );
    });
  }

  it("the manager's approval card shows the answers as people read them, the checklist ticked", () => {
    const lambeth: Referral = {
      ...referral,
      reference: "LAM-2026-0007",
      areaId: "lambeth",
      panelId: "lambeth-mave",
      status: "awaiting-approval",
      values: {
        subjectName: "Invented Child",
        dateOfBirth: "2010-03-14",
        riskLevel: "significant",
        consent: "yes",
        strategyMeetingDate: "2026-11-02",
        blockers: ["agency-actions-incomplete", "no-services"],
        request: "Help",
      },
    };
    const shown = texts(
      approvalRequestCard(lambeth, "MAVE", "v1", formOfReferral(catalogue, lambeth), links),
    );
    assert.ok(shown.includes("Date of birth: 14 March 2010"), shown.join(" | "));
    assert.ok(shown.includes("Risk level: Significant"));
    assert.ok(shown.some((t) => /consent for this referral\?: Yes$/.test(t)));
    assert.ok(shown.some((t) => /strategy meeting .*: 2 November 2026$/.test(t)));
    const blockers = shown.find((t) => t.startsWith("The professional network cannot agree"));
    assert.match(blockers ?? "", /✓ An agency has not completed their actions\n✓ There are no interventions/);
    assert.ok(!shown.some((t) => /2010-03-14|significant$|agency-actions-incomplete/.test(t)));
  });

  it("the channel card carries no input and no detail, only the button that continues in private", () => {
    const text = JSON.stringify(makeReferralChannelCard(links));
    assert.ok(!text.includes("Input."));
    assert.match(text, /referral\.private/);
  });
});

describe("Action cards for changing an action in chat", () => {
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
    ownerId: "00000000-0000-4000-8000-000000000106",
    ownerName: "Owen Brathwaite",
    ownerAgencyId: "mer-education",
    ownerAgency: "Education",
    outsideOwner: { role: "Safeguarding lead", organisation: "Oakfield Academy" },
    dueDate: "2026-12-17",
    status: "open",
    created: { by: "p", byName: "Priya Okafor", at: "2026-12-03T12:00:00.000Z" },
    completed: null,
    updates: [],
    closed: {
      by: "o",
      byName: "Owen Brathwaite",
      at: "2026-12-10T12:00:00.000Z",
      reason: "The pupil left the academy.",
    },
  };
  const members = [{ id: "00000000-0000-4000-8000-000000000105", name: "Hannah Reyes", agency: "Health" }];
  const cards: [string, object][] = [
    [
      "the owner's reminder, with Extend and Not possible",
      actionReminderCard(action, "Pre-MACE", "reminder", "personal", links),
    ],
    [
      "a coordinator's card, with Reassign too",
      actionReminderCard(action, "Pre-MACE", "current", "personal", links, members),
    ],
    [
      "an extension refused, with what was typed",
      changeFormCard(
        action,
        "Pre-MACE",
        "extend",
        { extendDueDate: "2026-12-31", extendReason: "late" },
        [{ field: "extendReason", message: "Give the reason in a few words." }],
        links,
      ),
    ],
    ["a reassignment form", changeFormCard(action, "Pre-MACE", "reassign", {}, [], links, members)],
    ["closed as not possible", notPossibleCard(action, "Pre-MACE", "personal")],
    ["passed on", passedOnCard(action, "Pre-MACE")],
  ];
  for (const [name, content] of cards) {
    it(`${name}: Adaptive Card 1.5 that the renderer parses`, () => {
      assert.equal((content as { version: string }).version, "1.5");
      assert.deepEqual(parseWithRenderer(content), []);
    });
  }

  it("the owner is named through the member who answers for them; a channel sees no change buttons or reason", () => {
    const personal = texts(actionReminderCard(action, "Pre-MACE", "reminder", "personal", links));
    assert.ok(
      personal.includes("Owner: Safeguarding lead, Oakfield Academy (through Owen Brathwaite, Education)"),
    );
    const channel = JSON.stringify(actionReminderCard(action, "Pre-MACE", "reminder", "channel", links));
    assert.ok(!/action\.(extend|reassign|not-possible)/.test(channel));
    assert.ok(!JSON.stringify(notPossibleCard(action, "Pre-MACE", "channel")).includes("left the academy"));
  });
});
