import { z } from "zod";
import type { ActionToChange } from "../../application/actions/action-in-chat.js";
import type { ActionView } from "../../application/actions/action-view.js";
import { Refusal } from "../../domain/refusal.js";
import { panelNameOf } from "./action-commands.js";
import { linksOf } from "./bot-dependencies.js";
import type { CardPress, CardReply, CardRoute, CardRoutes } from "./card-actions.js";
import { actionReminderCard, withNote } from "./cards/action-cards.js";
import {
  CHANGE_FIELDS,
  changedSinceInWords,
  changeFormCard,
  notPossibleCard,
  type ChangeKind,
  type TypedChange,
} from "./cards/action-change-cards.js";
import { longDate } from "./cards/dates.js";
import type { Element, Problem } from "./cards/elements.js";
import type { TabLinks } from "./tab-links.js";
import { VERBS, type ActionVerb } from "./verbs.js";

// Extend, Reassign and Not possible pressed on an action's card in personal chat. Each goes
// through the same commands as the tab, and so the same access decision; a change refused for
// what was typed comes back as its form, with the values kept and the problem beside its field.

// The version the card showed: a change made since is refused, not overwritten.
const Target = z.object({
  panelId: z.string().min(1).max(80),
  actionId: z.uuid(),
  version: z.string().min(1).max(200),
});
const Reason = z.string().trim().min(1).max(1000);
const INPUTS = {
  extend: z.object({ extendDueDate: z.iso.date(), extendReason: Reason }),
  reassign: z.object({ reassignOwnerId: z.string().min(1).max(64), reassignReason: Reason }),
  "not-possible": z.object({ notPossibleReason: Reason }),
};

// What to put right in each field when it is empty or malformed.
const FIELD_PROBLEMS: Record<string, string> = {
  extendDueDate: "Choose the new due date.",
  extendReason: "Give the reason in a few words.",
  reassignOwnerId: "Choose who takes the action on.",
  reassignReason: "Give the reason in a few words.",
  notPossibleReason: "Give the reason in a few words.",
};

// The field a refusal of the action log is about.
const FIELD_OF_REFUSAL: Record<string, keyof TypedChange> = {
  "due-not-after-today": "extendDueDate",
  "same-due-date": "extendDueDate",
  "due-not-later": "extendDueDate",
  "unknown-owner": "reassignOwnerId",
  "same-owner": "reassignOwnerId",
};

const REASON_FIELD: Record<ChangeKind, keyof TypedChange> = {
  extend: "extendReason",
  reassign: "reassignReason",
  "not-possible": "notPossibleReason",
};

const fieldOf = (kind: ChangeKind, code: string): string | null =>
  code === "reason-too-short" ? REASON_FIELD[kind] : (FIELD_OF_REFUSAL[code] ?? null);

const typedOf = (data: Record<string, unknown>): TypedChange =>
  Object.fromEntries(
    CHANGE_FIELDS.flatMap((k) =>
      typeof data[k] === "string" ? [[k, (data[k] as string).slice(0, 1000)]] : [],
    ),
  );

const via = (press: CardPress) => `bot: ${press.place} card`;

interface ChangeStep {
  run: (press: CardPress, target: z.infer<typeof Target>, t: TypedChange) => Promise<ActionView>;
  saved: (a: ActionView, shown: ActionToChange, panelName: string, links: TabLinks) => Element;
}

const CHANGES: Record<ChangeKind, ChangeStep> = {
  extend: {
    run: (press, { panelId, actionId, version }, t) =>
      press.deps.actionLog.extendFromChat(
        press.actor,
        panelId,
        actionId,
        { dueDate: t.extendDueDate ?? "", reason: t.extendReason ?? "" },
        version,
        via(press),
      ),
    saved: (a, shown, panelName, links) =>
      withNote(
        actionReminderCard(a, panelName, "current", "personal", links, shown.owners),
        `Extended to ${longDate(a.dueDate)}. Its reminders follow the new date.`,
      ),
  },
  reassign: {
    run: (press, { panelId, actionId, version }, t) =>
      press.deps.actionLog.reassignFromChat(
        press.actor,
        panelId,
        actionId,
        { ownerId: t.reassignOwnerId ?? "", reason: t.reassignReason ?? "" },
        version,
        via(press),
      ),
    saved: (a, shown, panelName, links) =>
      withNote(
        actionReminderCard(a, panelName, "current", "personal", links, shown.owners),
        `Passed to ${a.ownerName}, who is sent it now and reminded from now on.`,
      ),
  },
  "not-possible": {
    run: (press, { panelId, actionId, version }, t) =>
      press.deps.actionLog.closeFromChat(
        press.actor,
        panelId,
        actionId,
        t.notPossibleReason ?? "",
        version,
        via(press),
      ),
    saved: (a, _shown, panelName) => notPossibleCard(a, panelName, "personal"),
  },
};

async function change(kind: ChangeKind, press: CardPress): Promise<CardReply> {
  const target = Target.parse(press.data);
  const { panelId, actionId } = target;
  // Who may change it is asked first, as the command will: nobody else sees the form.
  const shown = await press.deps.actionLog.toChange(press.actor, panelId, actionId);
  const panelName = panelNameOf(press.deps.catalogue, panelId);
  const typed = typedOf(press.data);
  const formOf = (now: ActionToChange, problems: Problem[]): CardReply => ({
    card: changeFormCard(now.action, panelName, kind, typed, problems, linksOf(press.deps), now.owners),
  });
  const checked = INPUTS[kind].safeParse(press.data);
  // A card older than the action is refused by the command, whatever was typed.
  if (!checked.success && shown.action.version === target.version)
    return formOf(
      shown,
      [...new Set(checked.error.issues.map((i) => String(i.path[0])))].map((field) => ({
        field,
        message: FIELD_PROBLEMS[field] ?? "Check the form and press the button again.",
      })),
    );
  const pressedCard = press.context?.activity?.replyToId;
  if (pressedCard) press.deps.actionCards?.leaveAsPressed(pressedCard);
  try {
    const changed = await CHANGES[kind].run(press, target, checked.data ?? typed);
    return { card: CHANGES[kind].saved(changed, shown, panelName, linksOf(press.deps)) };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    if (e.code === "changed-by-someone-else") {
      // Drawn again as the action is now, with what was typed, to check before pressing again.
      const now = await press.deps.actionLog.toChange(press.actor, panelId, actionId);
      const message = changedSinceInWords(now.action, e.detail.changedBy, press.deps.now());
      return formOf(now, [{ field: null, message }]);
    }
    if (e.reason === "invalid") return formOf(shown, [{ field: fieldOf(kind, e.code), message: e.message }]);
    throw e;
  }
}

const inPersonalChat = (kind: ChangeKind): CardRoute => ({
  where: "personal",
  elsewhere:
    "Actions are extended, passed on or closed as not possible in your personal chat with MACE panels, or in the tab.",
  tone: "apologise",
  badData:
    "That button did not send what I expected. Type **action** and the action's reference to get its card again.",
  handle: (press) => change(kind, press),
});

export const actionChangeButtons: Pick<
  CardRoutes<ActionVerb>,
  typeof VERBS.action.extend | typeof VERBS.action.reassign | typeof VERBS.action.notPossible
> = {
  [VERBS.action.extend]: inPersonalChat("extend"),
  [VERBS.action.reassign]: inPersonalChat("reassign"),
  [VERBS.action.notPossible]: inPersonalChat("not-possible"),
};
