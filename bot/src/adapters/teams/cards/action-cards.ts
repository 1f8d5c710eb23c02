import { DateTime } from "luxon";
import { ownerInWords, type Action } from "../../../domain/actions/action.js";
import type { ReminderKind } from "../../../domain/actions/reminder-policy.js";
import { longDate } from "./dates.js";
import { openInTabRow, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";
import { changeButtons, lastChangeInWords, type Members } from "./action-change-cards.js";

// The action cards. In a channel a card shows only the reference, the short title (which names no
// one), the due date, the panel and the owner's mention; the full text is for personal chat.

/** An action as a card draws it, with the version its change buttons act on. */
export type CardAction = Action & { ownerAgency: string; version: string };

export type CardPlace = "personal" | "channel";

/** Why the card is sent: a reminder of one kind, or the action as it is now, asked for in chat. */
export type CardOccasion = ReminderKind | "current";

const HEADINGS: Record<CardOccasion, (a: CardAction) => string> = {
  current: (a) => `${a.reference}: due ${longDate(a.dueDate)}`,
  assigned: (a) => `New action for you: ${a.reference}`,
  reassigned: (a) => `Action passed to you: ${a.reference}, due ${longDate(a.dueDate)}`,
  reminder: (a) => `Reminder: ${a.reference} is due on ${longDate(a.dueDate)}`,
  "updates-due": (a) => `${a.reference}: your update is due today`,
  escalation: (a) => `${a.reference} is overdue`,
};

const at = (iso: string): string =>
  DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("cccc d LLLL yyyy 'at' HH:mm");

function mentionOf(a: CardAction): Element {
  // Teams resolves an Entra object ID in a card mention and notifies that person.
  return {
    type: "mention",
    text: `<at>${a.ownerName}</at>`,
    mentioned: { id: a.ownerId, name: a.ownerName },
  };
}

function details(a: CardAction, panelName: string, place: CardPlace): Element[] {
  return [
    facts([
      ["Action", a.reference],
      ["Title", a.title],
      ["Due", longDate(a.dueDate)],
      ["Panel", panelName],
      ["Owner", place === "channel" ? `<at>${a.ownerName}</at>` : ownerInWords(a, a.ownerAgency)],
      ["Case", place === "personal" ? (a.caseReference ?? "") : ""],
    ]),
    ...(place === "personal" ? [para(a.text), ...personalNotes(a)] : []),
  ];
}

/** Who answers for an outside owner, and the latest change: for personal chat only. */
function personalNotes(a: CardAction): Element[] {
  const last = a.changes?.at(-1);
  return [
    ...(a.outsideOwner
      ? [
          para(
            `${a.ownerName} answers for it for ${a.outsideOwner.role}, ${a.outsideOwner.organisation}, who is outside the panel: they are reminded, and mark it done when it is.`,
          ),
        ]
      : []),
    ...(last ? [para(lastChangeInWords(last), { isSubtle: true })] : []),
  ];
}

const withMention = (body: Element, a: CardAction, place: CardPlace): Element =>
  place === "channel" ? { ...body, msteams: { entities: [mentionOf(a)] } } : body;

/**
 * A reminder (or a new action) for its owner, with Done and Add update; in personal chat also
 * Extend and Not possible, and Reassign when `members` are given to those who may pass it on.
 */
export function actionReminderCard(
  a: CardAction,
  panelName: string,
  kind: CardOccasion,
  place: CardPlace,
  links: TabLinks,
  members?: Members,
): Element {
  const data = { panelId: a.panelId, actionId: a.id };
  const body = card(
    [
      heading(HEADINGS[kind](a)),
      ...details(a, panelName, place),
      para(
        place === "channel"
          ? "Press Done when it is finished, or reply **done** to this message."
          : "Press Done when it is finished, or type **done** here, with a note if you like.",
        { isSubtle: true },
      ),
      // Its own buttons fill the card's action bar: Teams shows five at most.
      openInTabRow(links({ page: "actions", panelId: a.panelId, actionId: a.id })),
    ],
    [
      execute("Done", VERBS.action.done, data, { style: "positive" }),
      {
        type: "Action.ShowCard",
        title: "Add update",
        card: {
          type: "AdaptiveCard",
          body: [
            {
              type: "Input.Text",
              id: "update",
              label: "Update",
              isMultiline: true,
              isRequired: true,
              maxLength: 1000,
              errorMessage: "Write the update first.",
              placeholder:
                place === "channel" ? "Visible to the whole channel: no names or details" : undefined,
            },
          ],
          actions: [execute("Send update", VERBS.action.update, data)],
        },
      },
      ...(place === "personal" ? changeButtons(a, members) : []),
    ],
  );
  return withMention(body, a, place);
}

/** The same card once the action is done: by whom and when, and no buttons. */
export function actionDoneCard(a: CardAction, panelName: string, place: CardPlace): Element {
  const done = a.completed;
  return withMention(
    card([
      { ...heading(`Done: ${a.reference}`), color: "Good" },
      ...details(a, panelName, place),
      para(done ? `Marked done by ${done.byName} on ${at(done.at)}.` : "Marked done."),
      ...(place === "personal" && done?.note ? [para(`Note: ${done.note}`, { isSubtle: true })] : []),
    ]),
    a,
    place,
  );
}

/** The update an action's latest step added, if its latest step was an update. */
function justUpdated(a: CardAction): Action["updates"][number] | undefined {
  const last = a.updates.at(-1);
  const change = a.changes?.at(-1);
  // An extension or a reassignment after the update redraws the card too, and is not an update.
  return last && (!change || change.at < last.at) ? last : undefined;
}

/** An open action's card once it has changed, noting an update when that is what changed. */
export function actionUpdatedCard(
  a: CardAction,
  panelName: string,
  place: CardPlace,
  links: TabLinks,
  members?: Members,
): Element {
  const reminder = actionReminderCard(a, panelName, "reminder", place, links, members);
  const last = justUpdated(a);
  return last ? withNote(reminder, `Update from ${last.byName} on ${at(last.at)} saved.`) : reminder;
}

/** An open action's card with what just changed, above the row that opens it in the tab. */
export function withNote(reminder: Element, note: string): Element {
  const body = reminder["body"] as Element[];
  return { ...reminder, body: [...body.slice(0, -1), para(note, { color: "Good" }), ...body.slice(-1)] };
}

export interface OverdueItem {
  reference: string;
  title: string;
  ownerName: string;
  outsideOwner?: Action["outsideOwner"];
  ownerAgency: string;
  dueDate: string;
}

/** The chairs' list of a panel's outstanding actions and their owners. */
export function escalationCard(panelName: string, items: OverdueItem[], link: string): Element {
  return card(
    [
      {
        ...heading(`${panelName}: ${items.length} action${items.length === 1 ? "" : "s"} still outstanding`),
        color: "Attention",
      },
      para("These actions have passed their due date and their reminders without being marked done."),
      ...items.map((i) =>
        facts([
          ["Action", `${i.reference}: ${i.title}`],
          ["Owner", ownerInWords(i, i.ownerAgency)],
          ["Was due", longDate(i.dueDate)],
        ]),
      ),
      para("Their cases come to the panel's next meeting, with the worker asked to attend.", {
        isSubtle: true,
      }),
    ],
    [{ type: "Action.OpenUrl", title: "Open the action log", url: link }],
  );
}
