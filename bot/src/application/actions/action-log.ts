import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { roleOnPanel } from "../access/panel-access.js";
import type { ActionPorts } from "./action-ports.js";
import {
  actionFormChoices,
  findAction,
  listActions,
  undeliveredReminders,
  type ActionFilter,
} from "./action-queries.js";
import { addActionUpdate, asNow, completeAction } from "./change-action.js";
import { doneFromTeams, type DoneReply } from "./done-from-teams.js";
import { recordAction, type NewAction } from "./record-action.js";

// The action log: actions recorded at or after a meeting, their owners, due dates, updates and
// completion, whichever client records or completes them. Each step is one unit of work in the
// area's casework, with its audit entry.

export class ActionLog {
  constructor(private readonly ports: ActionPorts) {}

  find = (panelId: string, actionId: string) => findAction(this.ports, panelId, actionId);
  roleOn = (panelId: string, personId: string) => roleOnPanel(this.ports, personId, panelId);
  list = (actor: Actor, role: PanelRole, panelId: string, filter: ActionFilter) =>
    listActions(this.ports, actor, role, panelId, filter);
  formChoices = (panelId: string) => actionFormChoices(this.ports, panelId);
  undelivered = (panelId: string) => undeliveredReminders(this.ports, panelId);
  create = (actor: Actor, panelId: string, meetingId: string, input: NewAction, via: string) =>
    recordAction(this.ports, actor, panelId, meetingId, input, via);
  complete = (
    actor: Actor,
    role: PanelRole | undefined,
    panelId: string,
    actionId: string,
    note: string,
    version: string,
    via: string,
  ) => completeAction(this.ports, actor, role, panelId, actionId, note, version, via);
  addUpdate = (
    actor: Actor,
    role: PanelRole | undefined,
    panelId: string,
    actionId: string,
    text: string,
    version: string,
    via: string,
  ) => addActionUpdate(this.ports, actor, role, panelId, actionId, text, version, via);

  /** Marks done, as of now, the action a person pressed Done on. */
  async completeNow(actor: Actor, panelId: string, actionId: string, note: string, via: string) {
    const { version, role } = await asNow(this.ports, actor, panelId, actionId);
    return completeAction(this.ports, actor, role, panelId, actionId, note, version, via);
  }

  /** Adds an update, as of now, from a reminder card. */
  async updateNow(actor: Actor, panelId: string, actionId: string, text: string, via: string) {
    const { version, role } = await asNow(this.ports, actor, panelId, actionId);
    return addActionUpdate(this.ports, actor, role, panelId, actionId, text, version, via);
  }

  doneFromTeams = (actor: Actor, reply: DoneReply, via: string) =>
    doneFromTeams(this.ports, actor, reply, via);
}

export type { ActionFilter } from "./action-queries.js";
export type { ActionView } from "./action-view.js";
export type { DoneReply } from "./done-from-teams.js";
export type { NewAction } from "./record-action.js";
