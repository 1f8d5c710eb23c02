import { TurnContext } from "botbuilder";
import { toldNotOnPanel } from "./access-commands.js";
import { markDone, DONE, startRecordingAction, ACTION_CARD, sendActionCard } from "./action-commands.js";
import { linksOf, type BotDependencies, type CommandTurn } from "./bot-dependencies.js";
import { renderCard } from "./cards/render.js";
import { helpCard } from "./cards/templates.js";
import { sendSignInCards } from "./meeting-commands.js";
import { sendPanels } from "./panels-command.js";
import { refusedHere, type Allowed } from "./places.js";
import { approvals, refer, referralLists } from "./referral-commands.js";

// The commands typed to the bot. This one table is both the help card and what a message runs.

export type Command = Allowed & {
  /** For people on a panel: anyone else is told they are not, and whom to ask. */
  forMembers?: true;
  /** As the help card shows it. */
  name: string;
  /** As the help card shows it; some say what this instance is set to. */
  description: string | ((deps: BotDependencies) => string);
  pattern: RegExp;
  handle: (turn: CommandTurn) => Promise<void>;
};

const REFERRALS_IN_PRIVATE =
  "Referrals are shown only in your personal chat with me. Open it and type the command there.";

export const COMMANDS: readonly Command[] = [
  // An empty message (a mention alone) is answered with the help card too.
  {
    name: "help",
    forMembers: true,
    description: "Show this list of commands.",
    pattern: /^(help)?$/,
    where: "any",
    handle: sendHelp,
  },
  {
    name: "panels",
    forMembers: true,
    description: "List the panels you belong to and when each meets next.",
    pattern: /^(my )?panels$/,
    where: "any",
    handle: sendPanels,
  },
  {
    name: "refer",
    forMembers: true,
    description: "Make a referral: a child or young adult, a group, a person or a location of concern.",
    // "refer", "new referral", "make a referral", and anything typed after them.
    pattern: /^(refer|referral|new referral|make a referral)\b/,
    where: "any",
    handle: refer,
  },
  {
    name: "referrals",
    forMembers: true,
    description:
      "The referrals you have made, to see where each is or withdraw one; coordinators also get the new referrals waiting for triage.",
    pattern: /^(my )?referrals$/,
    where: "personal",
    elsewhere: REFERRALS_IN_PRIVATE,
    handle: referralLists,
  },
  {
    name: "approvals",
    description: "Service managers: the referrals waiting for your approval.",
    pattern: /^approvals$/,
    where: "personal",
    elsewhere: REFERRALS_IN_PRIVATE,
    handle: approvals,
  },
  {
    name: "action",
    forMembers: true,
    description: "Coordinators: record an action agreed at one of your panel's meetings.",
    pattern: /^(action|new action|record action|record an action)$/,
    where: "personal",
    elsewhere: "Actions are recorded in your personal chat with me, or in the tab.",
    handle: startRecordingAction,
  },
  {
    name: "action MER-A-2026-0007",
    forMembers: true,
    description:
      "An open action's card: its owner can extend it or close it as not possible; coordinators and chairs can also pass it to another member.",
    pattern: ACTION_CARD,
    where: "personal",
    elsewhere: "Actions are shown in your personal chat with me, or in the tab.",
    handle: sendActionCard,
  },
  {
    name: "sign in",
    forMembers: true,
    description: () =>
      "On a meeting's day only: sign in to the meeting for your agency, agreeing to the panel's statement. The sign-in card is also posted in the panel's channel a quarter of an hour before the meeting starts.",
    // "sign in", "signin", "sign in to the meeting".
    pattern: /^sign ?in\b/,
    where: "any",
    handle: sendSignInCards,
  },
  {
    name: "done",
    description: (deps) =>
      `Mark your action done: reply **done** to its reminder, with a note if you like, or type **done** and its reference (done MER-A-2026-0007) at any time. Reminders are sent from ${String(deps.remindersFromHour).padStart(2, "0")}:00 UK time.`,
    pattern: DONE,
    where: "any",
    handle: markDone,
  },
];

/** Runs the command a message names, or says it is not one. */
export async function runCommand(deps: BotDependencies, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const rawText = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? "").trim();
  const text = rawText.toLowerCase();
  const type = activity.conversation.conversationType;
  const command = COMMANDS.find((c) => c.pattern.test(text));
  if (!command) {
    await context.sendActivity(
      type === "personal"
        ? `Sorry, I don't know "${text.slice(0, 40)}". Type **help** to see the commands I understand.`
        : // Never repeated in a channel or group: what was typed may be a child's details.
          "Sorry, I don't know that command. Type **help** in a private chat with me.",
    );
    return;
  }
  const elsewhere = refusedHere(command, type);
  if (elsewhere) {
    await context.sendActivity(elsewhere);
    return;
  }
  const turn = { context, deps, text, rawText };
  if (command.forMembers && (await toldNotOnPanel(turn))) return;
  await command.handle(turn);
}

async function sendHelp({ context, deps }: CommandTurn): Promise<void> {
  const commands = COMMANDS.map(({ name, description }) => ({
    name,
    description: typeof description === "function" ? description(deps) : description,
  }));
  await context.sendActivity({
    attachments: [renderCard(helpCard, { commands, tabUrl: linksOf(deps)({ page: "panels" }) })],
  });
}
