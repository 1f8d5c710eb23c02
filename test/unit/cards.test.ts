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
        },
      ],
      tabUrl: "https://example.org/tab/",
    },
  ],
  ["no panels", noPanelsCard, {}],
  ["welcome", welcomeCard, { channelName: "MACE panels", tabUrl: "https://example.org/tab/" }],
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
      renderCard(welcomeCard, { channelName: "MACE panels", tabUrl: "https://example.org/tab/" }),
    );
    for (const p of DEMO_PEOPLE) assert.ok(!text.includes(p.displayName));
  });
});
