import { VERBS } from "../verbs.js";

// Adaptive Card templates (schema 1.5), expanded with adaptivecards-templating.
// Channel cards carry no identifying detail: DESIGN.md section 6.

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export const helpCard = {
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body: [
    { type: "TextBlock", text: "MACE panels: what I can do", weight: "Bolder", size: "Medium", wrap: true },
    {
      type: "TextBlock",
      text: "I help run your Multi-Agency Child Exploitation panels. Type one of these commands in this chat:",
      wrap: true,
    },
    {
      type: "FactSet",
      facts: [{ $data: "${commands}", title: "${name}", value: "${description}" }],
    },
    {
      type: "TextBlock",
      text: "Children's details stay in this private chat and in the MACE panels tab. Channel posts show reference numbers only.",
      wrap: true,
      isSubtle: true,
      size: "Small",
    },
  ],
  // The tab's home: the person's panels and referrals, where each command's page is reached.
  actions: [{ type: "Action.OpenUrl", title: "Open the MACE panels tab", url: "${tabUrl}" }],
};

export const panelsCard = {
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body: [
    { type: "TextBlock", text: "Your panels", weight: "Bolder", size: "Medium", wrap: true },
    {
      type: "Container",
      $data: "${panels}",
      separator: true,
      items: [
        { type: "TextBlock", text: "${name}", weight: "Bolder", wrap: true },
        {
          type: "TextBlock",
          text: "${area} · your role: ${role}",
          isSubtle: true,
          wrap: true,
          spacing: "None",
        },
        { type: "TextBlock", text: "Next meeting: ${next}", wrap: true, spacing: "Small" },
      ],
      // Each panel opens at its own place on the tab's panels page, with its meetings and log.
      selectAction: { type: "Action.OpenUrl", title: "${name} in the tab", url: "${link}" },
    },
  ],
  actions: [{ type: "Action.OpenUrl", title: "Open your panels in the tab", url: "${tabUrl}" }],
};

export const noPanelsCard = {
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body: [
    { type: "TextBlock", text: "You are not on any panel yet", weight: "Bolder", wrap: true },
    {
      type: "TextBlock",
      text: "Ask your panel coordinator to add you to the panels you attend. Then type **panels** again.",
      wrap: true,
    },
  ],
};

export const welcomeCard = {
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body: [
    {
      type: "TextBlock",
      text: "MACE panels is ready in ${channelName}",
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    },
    {
      type: "TextBlock",
      text: "Agenda notices and action reminders for your panels will be posted here. They show reference numbers, dates and owners only, never a child's name or details.",
      wrap: true,
    },
    {
      type: "TextBlock",
      text: "To make a referral or see case details, chat with me privately or open the MACE panels tab. Type **help** in a private chat to see what I can do.",
      wrap: true,
    },
  ],
  actions: [
    // Opens the referral form in the presser's personal chat, never here.
    { type: "Action.Execute", title: "Make a referral", verb: VERBS.referral.private, data: {} },
    // A phone does not run the button above: the same form in the tab.
    { type: "Action.OpenUrl", title: "Make a referral in the tab", url: "${referUrl}" },
    { type: "Action.OpenUrl", title: "Open the MACE panels tab", url: "${tabUrl}" },
  ],
};
