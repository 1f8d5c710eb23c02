import { DateTime } from "luxon";
import { ownerInWords, type ActionChange } from "../../../domain/actions/action.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import type { CardAction, CardPlace } from "./action-cards.js";
import { longDate } from "./dates.js";
import { card, execute, facts, fieldProblem, heading, para, problemSummary } from "./elements.js";
import type { Element, Problem } from "./elements.js";

// Extending an action, passing it to another member, or closing it as not possible, from its card
// in personal chat. Only there: a reason can say more than a channel should see. A press refused
// comes back as the form alone, with what was typed and the problem beside its field.

export type ChangeKind = "extend" | "reassign" | "not-possible";

/** The panel's members an action can be passed to; given only to those who may pass it on. */
export type Members = { id: string; name: string; agency: string }[];

export const CHANGE_FIELDS = [
  "extendDueDate",
  "extendReason",
  "reassignOwnerId",
  "reassignReason",
  "notPossibleReason",
] as const;
export type TypedChange = Partial<Record<(typeof CHANGE_FIELDS)[number], string>>;

const REASON_HINT = "A few words the panel can follow later";

const TITLES: Record<ChangeKind, { button: string; heading: (reference: string) => string }> = {
  extend: { button: "Extend", heading: (r) => `Extend ${r}` },
  reassign: { button: "Reassign", heading: (r) => `Pass ${r} to someone else` },
  "not-possible": { button: "Not possible", heading: (r) => `Close ${r} as not possible` },
};

const VERB_OF = {
  extend: VERBS.action.extend,
  reassign: VERBS.action.reassign,
  "not-possible": VERBS.action.notPossible,
} as const;

const SUBMITS: Record<ChangeKind, string> = {
  extend: "Extend the action",
  reassign: "Pass it on",
  "not-possible": "Close as not possible",
};

function inputsOf(
  kind: ChangeKind,
  a: CardAction,
  typed: TypedChange,
  problems: Problem[],
  members: Members,
): Element[] {
  const field = (id: keyof TypedChange, input: Element): Element[] => [
    { ...input, id, ...(typed[id] ? { value: typed[id] } : {}) },
    ...problems.filter((p) => p.field === id).map(fieldProblem),
  ];
  const reason = (id: keyof TypedChange, label: string) =>
    field(id, {
      type: "Input.Text",
      label,
      isMultiline: true,
      isRequired: true,
      maxLength: 1000,
      placeholder: REASON_HINT,
      errorMessage: "Give the reason in a few words.",
    });
  switch (kind) {
    case "extend":
      return [
        ...field("extendDueDate", {
          type: "Input.Date",
          label: `New due date (now ${longDate(a.dueDate)})`,
          isRequired: true,
          errorMessage: "Choose the new due date.",
        }),
        ...reason("extendReason", "Why it needs longer"),
      ];
    case "reassign":
      return [
        ...field("reassignOwnerId", {
          type: "Input.ChoiceSet",
          label: "New owner",
          isRequired: true,
          errorMessage: "Choose who takes the action on.",
          choices: members
            .filter((m) => m.id !== a.ownerId)
            .map((m) => ({ title: `${m.name} (${m.agency})`, value: m.id })),
        }),
        ...reason("reassignReason", "Why it passes to them"),
      ];
    case "not-possible":
      return reason("notPossibleReason", "Why it cannot be done");
  }
}

// The version the person saw goes with the change, so a change made since is never overwritten.
const submit = (kind: ChangeKind, a: CardAction): Element =>
  execute(
    SUBMITS[kind],
    VERB_OF[kind],
    { panelId: a.panelId, actionId: a.id, version: a.version },
    { associatedInputs: "auto" },
  );

/** The buttons under an open action in personal chat: Extend and Not possible, and Reassign for its leads. */
export function changeButtons(a: CardAction, members: Members | undefined): Element[] {
  const kinds: ChangeKind[] = members ? ["extend", "reassign", "not-possible"] : ["extend", "not-possible"];
  return kinds.map((kind) => ({
    type: "Action.ShowCard",
    title: TITLES[kind].button,
    card: {
      type: "AdaptiveCard",
      body: inputsOf(kind, a, {}, [], members ?? []),
      actions: [submit(kind, a)],
    },
  }));
}

/** One change's form on its own, drawn again after a refusal with what was typed. */
export function changeFormCard(
  a: CardAction,
  panelName: string,
  kind: ChangeKind,
  typed: TypedChange,
  problems: Problem[],
  links: TabLinks,
  members: Members = [],
): Element {
  return card(
    [
      heading(TITLES[kind].heading(a.reference)),
      facts([
        ["Title", a.title],
        ["Due", longDate(a.dueDate)],
        ["Panel", panelName],
        ["Owner", ownerInWords(a, a.ownerAgency)],
      ]),
      ...inputsOf(kind, a, typed, problems, members),
      ...(problems.length ? [problemSummary(problems, "the action can be changed")] : []),
    ],
    [submit(kind, a), openInTab(links({ page: "actions", panelId: a.panelId, actionId: a.id }))],
  );
}

/** What the action is now, after its latest step, in a few words. */
function nowInWords(a: CardAction): string {
  const change = a.changes?.at(-1);
  const update = a.updates.at(-1);
  const due = longDate(a.dueDate);
  if (update && (!change || change.at < update.at)) return `it has a new update, and is due ${due}`;
  if (change?.kind === "extended") return `it is now due ${due}`;
  if (change?.kind === "reassigned") return `${change.toName} owns it now, and it is due ${due}`;
  return `it is due ${due}, and ${ownerInWords(a, a.ownerAgency)} owns it`;
}

/** Why a change from an older card was not saved: who changed the action since, and what it is now. */
export function changedSinceInWords(
  a: CardAction,
  changedBy: { name: string; at: string } | undefined,
  now: Date,
): string {
  const at = changedBy && DateTime.fromISO(changedBy.at, { zone: "Europe/London" });
  // The day too when it was not today, as a card can be days old.
  const when =
    at &&
    (at.hasSame(DateTime.fromJSDate(now, { zone: "Europe/London" }), "day")
      ? at.toFormat("HH:mm")
      : at.toFormat("HH:mm 'on' cccc d LLLL"));
  const who = changedBy
    ? `${changedBy.name} changed this action at ${when}`
    : "Someone else changed this action just now";
  return `${who}: ${nowInWords(a)}. Check it, then try again.`;
}

/** The latest extension or reassignment, as the owner's card shows it. */
export function lastChangeInWords(change: ActionChange): string {
  return change.kind === "extended"
    ? `Extended from ${longDate(change.from)} to ${longDate(change.to)} by ${change.byName}: ${change.reason}`
    : `Passed from ${change.fromName} to ${change.toName} by ${change.byName}: ${change.reason}`;
}

const factsOf = (a: CardAction, panelName: string): Element =>
  facts([
    ["Action", a.reference],
    ["Title", a.title],
    ["Panel", panelName],
  ]);

/** An action closed as not possible: never overdue, no more reminders, and no buttons. */
export function notPossibleCard(a: CardAction, panelName: string, place: CardPlace): Element {
  return card([
    heading(`Not possible: ${a.reference}`),
    factsOf(a, panelName),
    para(a.closed ? `Closed as not possible by ${a.closed.byName}.` : "Closed as not possible."),
    // The reason can say more than a channel should read.
    ...(place === "personal" && a.closed ? [para(`Reason: ${a.closed.reason}`, { isSubtle: true })] : []),
    para("It gets no more reminders.", { isSubtle: true }),
  ]);
}

/** The card a former owner keeps once the action is someone else's. */
export function passedOnCard(a: CardAction, panelName: string): Element {
  return card([
    heading(`Passed on: ${a.reference}`),
    factsOf(a, panelName),
    para(`${ownerInWords(a, a.ownerAgency)} owns it now, and is reminded instead of you.`),
  ]);
}
