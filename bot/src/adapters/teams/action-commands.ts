import { randomUUID } from "node:crypto";
import { CardFactory } from "botbuilder";
import type { ActionLog } from "../../application/actions/action-log.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Membership } from "../../domain/people/membership.js";
import { actionReminderCard } from "./cards/action-cards.js";
import { longDate } from "./cards/dates.js";
import {
  card,
  execute,
  fieldProblem,
  heading,
  para,
  problemSummary,
  type Element,
  type Problem,
} from "./cards/elements.js";
import { linksOf, type CommandTurn } from "./bot-dependencies.js";
import { refusalReply } from "./refusal-replies.js";
import { openInTab, type TabLinks } from "./tab-links.js";
import { VERBS } from "./verbs.js";

// The typed action commands: `done` in reply to a reminder, and recording an action from personal
// chat. Every step goes through the action log, which checks who may do it.

/** `done`, `done MER-A-2026-0004`, `done sent the chronology on Friday`… */
export const DONE = /^done\b[\s:,.-]*(.*)$/is;
const REFERENCE = /\b([A-Z]{3}-A-\d{4}-\d{4,})\b/i;

/** What a `done` names and says, or undefined when the text is not a done at all. */
export function parseDone(text: string): { reference?: string; note: string } | undefined {
  const match = DONE.exec(text.trim());
  if (!match) return undefined;
  let rest = (match[1] ?? "").trim();
  const ref = REFERENCE.exec(rest);
  if (ref && ref.index === 0) rest = rest.slice(ref[0].length).replace(/^[\s:,.-]+/, "");
  return {
    ...(ref && ref.index === 0 ? { reference: ref[1]?.toUpperCase() } : {}),
    note: rest.slice(0, 1000),
  };
}

export const panelNameOf = (catalogue: Catalogue, panelId: string) =>
  catalogue.panels.get(panelId)?.name ?? panelId;

/** `done` typed in reply to a reminder, in its channel thread or in personal chat. */
export async function markDone({ context, deps, rawText }: CommandTurn): Promise<void> {
  const done = parseDone(rawText) ?? { note: "" };
  const activity = context.activity;
  const personId = activity.from.aadObjectId;
  if (!personId) return;
  const channel = activity.conversation.conversationType === "channel";
  // A channel thread's conversation id ends with the id of the message that started it.
  const [conversationId = "", threadRoot] = activity.conversation.id.split(";messageid=");
  const repliedTo =
    channel && (threadRoot ?? activity.replyToId)
      ? { conversationKey: conversationId, activityId: threadRoot ?? activity.replyToId ?? "" }
      : !channel && activity.replyToId
        ? { conversationKey: personId, activityId: activity.replyToId }
        : undefined;
  try {
    const action = await deps.actionLog.doneFromTeams(
      { id: personId, name: activity.from.name ?? "" },
      { ...done, inChannel: channel, ...(repliedTo ? { repliedTo } : {}) },
      channel ? "bot: done in channel" : "bot: done in personal chat",
    );
    await context.sendActivity(`Thank you: ${action.reference} is marked done.`);
  } catch (e) {
    const refused = refusalReply(e, "apologise");
    if (refused === undefined) throw e;
    // In a channel only a reply to a reminder counts: nothing typed there is ever repeated.
    await context.sendActivity(
      channel && !repliedTo
        ? "To mark an action done here, reply **done** in the thread of its reminder."
        : refused,
    );
  }
}

/** `action MER-A-2026-0007`: that action's card, to change it. */
export const ACTION_CARD = /^action\s+[a-z]{3}-a-\d{4}-\d{4,}$/;

/** The card of one open action, for its owner or the panel's coordinators and chairs. */
export async function sendActionCard({ context, deps, rawText }: CommandTurn): Promise<void> {
  const reference = REFERENCE.exec(rawText)?.[1]?.toUpperCase() ?? "";
  const actor = { id: context.activity.from.aadObjectId ?? "", name: context.activity.from.name ?? "" };
  try {
    const { action, owners } = await deps.actionLog.openInChat(actor, reference, "bot: action card");
    const shown = actionReminderCard(
      action,
      panelNameOf(deps.catalogue, action.panelId),
      "current",
      "personal",
      linksOf(deps),
      owners,
    );
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(shown)] });
  } catch (e) {
    const refused = refusalReply(e, "apologise");
    if (refused === undefined) throw e;
    await context.sendActivity(refused);
  }
}

/** `action` typed in personal chat: the form, or first a choice of panel for those who coordinate several. */
export async function startRecordingAction({ context, deps }: CommandTurn): Promise<void> {
  const personId = context.activity.from.aadObjectId ?? "";
  const memberships = await deps.directory.membershipsOf(personId);
  const choice = chooseActionPanelCard(deps.catalogue, memberships, linksOf(deps));
  if (typeof choice === "string") {
    await context.sendActivity(choice);
    return;
  }
  const coordinated = memberships.filter(
    (m) => m.role === "coordinator" && deps.catalogue.panels.has(m.panelId),
  );
  const form =
    coordinated.length === 1 && coordinated[0]
      ? await recordActionCard(deps.actionLog, deps.catalogue, coordinated[0].panelId, linksOf(deps))
      : choice;
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(form)] });
}

/** Teams draws at most this many buttons in a card's actions or in one action set. */
export const MAX_CARD_BUTTONS = 6;

/**
 * The panels a coordinator can record actions for; a card to choose one when there are several:
 * a button per panel while they fit, else a list of the panels and one button.
 */
export function chooseActionPanelCard(
  catalogue: Catalogue,
  memberships: Membership[],
  links: TabLinks,
): Element | string {
  const panels = memberships.filter((m) => m.role === "coordinator" && catalogue.panels.has(m.panelId));
  if (!panels.length) {
    return "Actions are recorded by a panel's coordinators. Ask yours to record it, or to add you as a coordinator.";
  }
  if (panels.length > MAX_CARD_BUTTONS)
    return card(
      [
        heading("Record an action"),
        {
          type: "Input.ChoiceSet",
          id: "panelId",
          label: "Which panel's meeting agreed it?",
          isRequired: true,
          errorMessage: "Choose the panel.",
          value: panels[0]?.panelId,
          choices: panels.map((m) => ({ title: panelNameOf(catalogue, m.panelId), value: m.panelId })),
        },
      ],
      [
        execute("Open the form", VERBS.action.form, {}, { associatedInputs: "auto" }),
        // In the tab, each panel's meetings are reached from the panels page.
        openInTab(links({ page: "panels" }), "Choose the panel in the tab"),
      ],
    );
  return card(
    [
      heading("Record an action"),
      para("Which panel's meeting agreed it?"),
      // Each panel's form in the tab too: a phone opens links but not the panel buttons.
      para("Or record it in the tab:", { isSubtle: true }),
      {
        type: "ActionSet",
        actions: panels.map((m) =>
          openInTab(
            links({ page: "record-action", panelId: m.panelId }),
            `${panelNameOf(catalogue, m.panelId)} in the tab`,
          ),
        ),
      },
    ],
    panels.map((m) => execute(panelNameOf(catalogue, m.panelId), VERBS.action.form, { panelId: m.panelId })),
  );
}

/** What a coordinator typed into the record-an-action form, kept when the form comes back. */
export const TYPED_ACTION_FIELDS = [
  "meetingId",
  "ownerId",
  "outsideRole",
  "outsideOrganisation",
  "subjectId",
  "title",
  "text",
  "dueDate",
  "confirmOverdue",
] as const;
export type TypedAction = Partial<Record<(typeof TYPED_ACTION_FIELDS)[number], string>>;

/** "two weeks" for the usual fourteen days, else the panel's number of days. */
const dueAfter = (days: number) => (days === 14 ? "two weeks" : `${days} days`);

/**
 * The form for one action agreed at one of the panel's recent meetings. Drawn again after a
 * refusal, it keeps what was typed and the same form id, and shows each problem beside its field
 * and in a summary next to the button.
 */
export async function recordActionCard(
  actionLog: Pick<ActionLog, "formChoices">,
  catalogue: Catalogue,
  panelId: string,
  links: TabLinks,
  typed: TypedAction = {},
  problems: Problem[] = [],
  formId: string = randomUUID(),
): Promise<Element> {
  const { meetings, members, cases, actionDueDays } = await actionLog.formChoices(panelId);
  // Asked only once the due date was found to have passed: confirming is a choice made knowingly.
  const askToConfirm =
    typed.confirmOverdue !== undefined || problems.some((p) => p.field === "confirmOverdue");
  const choices = (pairs: [string, string][]) => pairs.map(([title, value]) => ({ title, value }));
  const field = (id: keyof TypedAction, input: Element): Element[] => [
    { ...input, id, ...(typed[id] ? { value: typed[id] } : {}) },
    ...problems.filter((p) => p.field === id).map(fieldProblem),
  ];
  return card(
    [
      heading(`Record an action: ${panelNameOf(catalogue, panelId)}`),
      ...field("meetingId", {
        type: "Input.ChoiceSet",
        label: "Meeting that agreed it",
        isRequired: true,
        errorMessage: "Choose the meeting.",
        value: meetings[0],
        choices: choices(meetings.map((d) => [longDate(d), d])),
      }),
      ...field("ownerId", {
        type: "Input.ChoiceSet",
        label: "Owner, or the panel member who answers for an owner outside the panel",
        isRequired: true,
        errorMessage: "Choose who owns the action.",
        choices: choices(members.map((m) => [`${m.name} (${m.agency})`, m.id])),
      }),
      ...field("outsideRole", {
        type: "Input.Text",
        label: "Owner outside the panel (optional): their role, such as Safeguarding lead",
        maxLength: 80,
      }),
      ...field("outsideOrganisation", {
        type: "Input.Text",
        label: "and their organisation, such as a school",
        maxLength: 120,
      }),
      ...field("subjectId", {
        type: "Input.ChoiceSet",
        label: "Case (optional)",
        choices: choices(cases.map((c) => [c.reference, c.subjectId])),
      }),
      ...field("title", {
        type: "Input.Text",
        label: "Short title: it appears in the channel, so no names",
        isRequired: true,
        maxLength: 120,
        errorMessage: "Give the action a short title.",
      }),
      ...field("text", {
        type: "Input.Text",
        label: "What is to be done",
        isMultiline: true,
        isRequired: true,
        maxLength: 2000,
        errorMessage: "Say what is to be done.",
      }),
      ...field("dueDate", {
        type: "Input.Date",
        label: `Due date (${dueAfter(actionDueDays)} after the meeting if left empty)`,
      }),
      ...(askToConfirm
        ? field("confirmOverdue", {
            type: "Input.Toggle",
            title: "Record it as already overdue: its owner is reminded at once",
            valueOn: "true",
            valueOff: "false",
          })
        : []),
      ...(problems.length ? [problemSummary(problems, "the action can be recorded")] : []),
    ],
    [
      execute(
        "Record the action",
        VERBS.action.record,
        // Drawn with the form: pressing twice, or Teams sending the press again, records one action.
        { panelId, formId },
        { associatedInputs: "auto" },
      ),
      openInTab(
        links({ page: "record-action", panelId, ...(meetings[0] ? { meetingId: meetings[0] } : {}) }),
      ),
    ],
  );
}
