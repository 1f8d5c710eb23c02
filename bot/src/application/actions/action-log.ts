import type { Actor } from "../../domain/people/actor.js";
import { roleOnPanel } from "../access/panel-access.js";
import { withPorts } from "../with-ports.js";
import type { ActionPorts } from "./action-ports.js";
import { actionFormChoices, findAction, listActions, undeliveredReminders } from "./action-queries.js";
import { actionToChange, openActionInChat } from "./action-in-chat.js";
import { addActionUpdate, asNow, completeAction } from "./change-action.js";
import { doneFromTeams } from "./done-from-teams.js";
import { recordAction } from "./record-action.js";
import {
  closeAsNotPossible,
  extendAction,
  reassignAction,
  type Extension,
  type Reassignment,
} from "./reshape-action.js";

// The action log: actions recorded at or after a meeting, their owners, due dates, updates and
// completion, whichever client records or completes them. Each step is one unit of work in the
// area's casework, with its audit entry.

export const actionLog = (ports: ActionPorts) => ({
  find: withPorts(ports, findAction),
  roleOn: (panelId: string, personId: string) => roleOnPanel(ports, personId, panelId),
  list: withPorts(ports, listActions),
  formChoices: withPorts(ports, actionFormChoices),
  undelivered: withPorts(ports, undeliveredReminders),
  create: withPorts(ports, recordAction),
  complete: withPorts(ports, completeAction),
  addUpdate: withPorts(ports, addActionUpdate),
  doneFromTeams: withPorts(ports, doneFromTeams),
  extend: withPorts(ports, extendAction),
  reassign: withPorts(ports, reassignAction),
  closeAsNotPossible: withPorts(ports, closeAsNotPossible),
  openInChat: withPorts(ports, openActionInChat),
  toChange: withPorts(ports, actionToChange),

  /** Marks done, as of now, the action a person pressed Done on. */
  async completeNow(actor: Actor, panelId: string, actionId: string, note: string, via: string) {
    const { version, role } = await asNow(ports, actor, panelId, actionId);
    return completeAction(ports, actor, role, panelId, actionId, note, version, via);
  },

  /** Adds an update, as of now, from a reminder card. */
  async updateNow(actor: Actor, panelId: string, actionId: string, text: string, via: string) {
    const { version, role } = await asNow(ports, actor, panelId, actionId);
    return addActionUpdate(ports, actor, role, panelId, actionId, text, version, via);
  },

  // Extending, passing on and closing from a card in chat act on the version the card showed, as
  // the tab's do: a card drawn before someone else's change is refused, never overwrites it.

  /** Extends the action as its card in Teams showed it. */
  async extendFromChat(
    actor: Actor,
    panelId: string,
    actionId: string,
    change: Extension,
    version: string,
    via: string,
  ) {
    const role = await roleOnPanel(ports, actor.id, panelId);
    return extendAction(ports, actor, role, panelId, actionId, change, version, via);
  },

  /** Passes the action to another member, as its card in Teams showed it. */
  async reassignFromChat(
    actor: Actor,
    panelId: string,
    actionId: string,
    change: Reassignment,
    version: string,
    via: string,
  ) {
    const role = await roleOnPanel(ports, actor.id, panelId);
    return reassignAction(ports, actor, role, panelId, actionId, change, version, via);
  },

  /** Closes the action as not possible, as its card in Teams showed it. */
  async closeFromChat(
    actor: Actor,
    panelId: string,
    actionId: string,
    reason: string,
    version: string,
    via: string,
  ) {
    const role = await roleOnPanel(ports, actor.id, panelId);
    return closeAsNotPossible(ports, actor, role, panelId, actionId, reason, version, via);
  },
});
export type ActionLog = ReturnType<typeof actionLog>;

export type { ActionFilter } from "./action-queries.js";
export type { ActionView } from "./action-view.js";
export type { DoneReply } from "./done-from-teams.js";
export type { NewAction } from "./record-action.js";
