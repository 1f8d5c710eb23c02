import { Refusal, reasonOfStatus } from "./refusal.js";
import type { TransactionAction } from "@azure/data-tables";
import { randomUUID } from "node:crypto";
import { Action, defaultDueDate, mayComplete } from "../domain/actions/action.js";
import { DEFAULT_REMINDER_POLICY, reminderSteps, stepsFrom } from "../domain/actions/reminder-policy.js";
import type { AuditAction } from "../domain/audit/audit-entry.js";
import { auditEntry } from "./audit-trail.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { PanelRole } from "../domain/people/membership.js";
import { addDays, localDay } from "../domain/schedule/dates.js";
import { occurrencesBetween } from "../domain/schedule/occurrences.js";
import type { ActionDueIndex } from "../adapters/tables/action-due-index.js";
import type { ReminderDeliveries } from "../adapters/tables/reminder-deliveries.js";
import { actionRow, type AreaRecords, type ReminderProblem } from "../adapters/tables/area-records.js";
import { isStatus, keyOf, type Versioned } from "../adapters/tables/entity-store.js";
import { peopleByIds, type Repositories } from "../adapters/tables/repositories.js";

// The action log: actions recorded at or after a meeting, their owners, due dates, updates and
// completion. Every step is one transaction in the area's partition, with its audit entry; the
// reminders each action will get are indexed by date before the action is stored.

export class ActionRefused extends Refusal {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    code: string,
    message: string,
  ) {
    super(reasonOfStatus(status), message, { code });
    this.name = "ActionRefused";
  }
}

interface Actor {
  id: string;
  name: string;
}

export interface NewAction {
  /** The id the recording form was drawn with: the same form sent twice records one action. */
  id?: string;
  subjectId: string | null;
  title: string;
  text: string;
  ownerId: string;
  dueDate: string | null;
}

export interface ActionFilter {
  meetingId?: string;
  status?: "open" | "done";
  ownerId?: string;
  agencyId?: string;
  overdue?: boolean;
}

export interface ActionView extends Action {
  ownerAgency: string;
  overdue: boolean;
  version: string;
}

/** Told when an action changes, so every card sent about it can show the change. */
export interface ActionChanges {
  changed(action: ActionView): void;
}

/** Which action a `done` typed in Teams is about. */
export interface DoneReply {
  /** The reminder replied to, when Teams says (a channel thread, or a reply in personal chat). */
  repliedTo?: { conversationKey: string; activityId: string };
  /** A reference typed after `done`, such as MER-A-2026-0004. */
  reference?: string;
  note: string;
  /** Typed in a channel: only a reply in a reminder's thread counts there. */
  inChannel?: boolean;
}

export class ActionLog {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      records: AreaRecords;
      dueIndex: ActionDueIndex;
      deliveries: ReminderDeliveries;
      now: () => Date;
      changes?: ActionChanges;
    },
  ) {}

  /** One action as it is now. */
  async find(panelId: string, actionId: string): Promise<ActionView | undefined> {
    const panel = this.panel(panelId);
    const stored = await this.deps.records.actions.get(keyOf(panel.areaId), actionRow(panelId, actionId));
    return stored && this.view(stored);
  }

  /** The person's role on a panel, if they have one. */
  async roleOn(panelId: string, personId: string): Promise<PanelRole | undefined> {
    return (await this.deps.repos.panelMembers.get(keyOf(panelId), keyOf(personId)))?.value.role;
  }

  /** The action's current version and the person's role: a press on a card acts on the action as it is now. */
  private async asNow(actor: Actor, panelId: string, actionId: string) {
    const current = await this.find(panelId, actionId);
    if (!current) throw new ActionRefused(404, "unknown-action", "That action no longer exists.");
    return { version: current.version, role: await this.roleOn(panelId, actor.id) };
  }

  /** Marks done, as of now, the action a person pressed Done on or replied `done` to. */
  async completeNow(actor: Actor, panelId: string, actionId: string, note: string, via: string) {
    const { version, role } = await this.asNow(actor, panelId, actionId);
    return this.complete(actor, role, panelId, actionId, note, version, via);
  }

  /** Adds an update, as of now, from a reminder card. */
  async updateNow(actor: Actor, panelId: string, actionId: string, text: string, via: string) {
    const { version, role } = await this.asNow(actor, panelId, actionId);
    return this.addUpdate(actor, role, panelId, actionId, text, version, via);
  }

  /**
   * Completes the action a `done` typed in Teams is about: the reminder it replies to, else the one
   * whose reference was typed, else the person's only open reminded action.
   */
  async doneFromTeams(actor: Actor, reply: DoneReply, via: string): Promise<ActionView> {
    const { deliveries } = this.deps;
    const replied = reply.repliedTo
      ? await deliveries.threadOf(reply.repliedTo.conversationKey, reply.repliedTo.activityId)
      : undefined;
    if (replied && reply.reference && replied.reference !== reply.reference) {
      throw new ActionRefused(
        400,
        "other-action",
        `This reminder is about ${replied.reference}, not ${reply.reference}. Reply **done** to the reminder of ${reply.reference}.`,
      );
    }
    let target = replied;
    if (!target && reply.inChannel) {
      throw new ActionRefused(
        400,
        "not-a-reminder",
        "That thread is not an action's reminder. Reply **done** in the thread of the reminder card.",
      );
    }
    if (!target) {
      const mine = await deliveries.remindedTo(actor.id);
      const named = reply.reference ? mine.filter((m) => m.reference === reply.reference) : mine;
      if (named.length === 1) target = named[0];
      else if (reply.reference) {
        throw new ActionRefused(
          404,
          "unknown-action",
          `I could not find an open action ${reply.reference} sent to you. Check the reference on its reminder card.`,
        );
      } else if (named.length > 1) {
        throw new ActionRefused(
          400,
          "which-action",
          `You have ${named.length} open actions: ${named.map((m) => m.reference).join(", ")}. Type **done** and the reference, for example **done ${named[0]?.reference} sent on Friday**.`,
        );
      } else {
        throw new ActionRefused(
          404,
          "no-open-action",
          "I could not find an open action of yours to mark done. Reply **done** to the reminder card, or mark it done in the tab's action log.",
        );
      }
    }
    if (!target) throw new ActionRefused(404, "unknown-action", "That action no longer exists.");
    return this.completeNow(actor, target.panelId, target.actionId, reply.note, via);
  }

  private panel(panelId: string) {
    const panel = this.deps.catalogue.panels.get(panelId);
    if (!panel) throw new ActionRefused(404, "unknown-panel", "There is no such panel.");
    return panel;
  }

  private view(stored: Versioned<Action>): ActionView {
    const a = stored.value;
    return {
      ...a,
      ownerAgency: this.deps.catalogue.agencies.get(a.ownerAgencyId)?.name ?? a.ownerAgencyId,
      overdue: a.status === "open" && a.dueDate < localDay(this.deps.now()),
      version: stored.etag,
    };
  }

  private audit(action: Action, actor: Actor, kind: AuditAction, via: string): TransactionAction {
    return auditEntry(this.deps.records, this.deps.now(), {
      areaId: action.areaId,
      panelId: action.panelId,
      actorId: actor.id,
      action: kind,
      subjectId: action.subjectId,
      reference: action.reference,
      via,
    });
  }

  /** Records an action agreed at a meeting; its owner is a person in the directory. */
  async create(
    actor: Actor,
    panelId: string,
    meetingId: string,
    input: NewAction,
    via: string,
  ): Promise<ActionView> {
    const panel = this.panel(panelId);
    if (!occurrencesBetween(this.deps.catalogue, panelId, meetingId, meetingId).length) {
      throw new ActionRefused(404, "unknown-meeting", "The panel has no meeting on that date.");
    }
    const [owner, membership] = await Promise.all([
      this.deps.repos.people.get("person", keyOf(input.ownerId)),
      this.deps.repos.panelMembers.get(keyOf(panelId), keyOf(input.ownerId)),
    ]);
    if (!owner || !membership) {
      throw new ActionRefused(400, "unknown-owner", "Choose the action's owner from the panel's members.");
    }
    const held = input.subjectId
      ? await this.deps.records.subjectAndCase(panel.areaId, panelId, input.subjectId)
      : undefined;
    if (input.subjectId && !held?.case) {
      throw new ActionRefused(400, "unknown-case", "That case is not on this panel.");
    }
    const dueDate = input.dueDate ?? defaultDueDate(meetingId, panel.actionDueDays);
    if (dueDate < meetingId) {
      throw new ActionRefused(400, "due-before-meeting", "The due date cannot be before the meeting.");
    }
    const area = this.deps.catalogue.areas.find((a) => a.id === panel.areaId);
    const policy = panel.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
    const trackingDates =
      policy.kind === "tracking-week"
        ? occurrencesBetween(this.deps.catalogue, policy.trackingPanelId, dueDate, addDays(dueDate, 92)).map(
            (o) => o.date,
          )
        : [];
    const id = input.id ?? randomUUID();
    if (input.id) {
      const already = await this.deps.records.actions.get(keyOf(panel.areaId), actionRow(panelId, input.id));
      if (already) return this.view(already);
    }
    const today = localDay(this.deps.now());
    await this.deps.dueIndex.index({ areaId: panel.areaId, panelId, id }, [
      { kind: "assigned", on: today },
      ...stepsFrom(reminderSteps(dueDate, policy, trackingDates), today),
    ]);

    const year = Number(today.slice(0, 4));
    for (let attempt = 0; ; attempt++) {
      const counter = await this.deps.records.actionCounters.get(
        keyOf(panel.areaId),
        `action-counter|${year}`,
      );
      const issued = (counter?.value.issued ?? 0) + 1;
      const action: Action = Action.parse({
        id,
        reference: `${area?.referencePrefix ?? "XXX"}-A-${year}-${String(issued).padStart(4, "0")}`,
        areaId: panel.areaId,
        panelId,
        meetingId,
        subjectId: input.subjectId,
        caseReference: held?.case?.value.reference ?? null,
        title: input.title,
        text: input.text,
        ownerId: owner.value.id,
        ownerName: owner.value.displayName,
        ownerAgencyId: owner.value.agencyId,
        dueDate,
        status: "open",
        created: { by: actor.id, byName: actor.name, at: this.deps.now().toISOString() },
        completed: null,
        updates: [],
      });
      const next = { areaId: panel.areaId, year, issued };
      try {
        await this.deps.records.transact([
          counter
            ? this.deps.records.actionCounters.replaceAction(next, counter.etag, actor.id)
            : this.deps.records.actionCounters.createAction(next, actor.id),
          this.deps.records.actions.createAction(action, actor.name),
          this.audit(action, actor, "action.created", via),
        ]);
      } catch (e) {
        // Another action took the same number: try again with the next one.
        if (isStatus(e, 409) || isStatus(e, 412)) {
          if (attempt < 4) continue;
          throw new ActionRefused(
            409,
            "busy",
            "Several actions were recorded at once. Try again in a moment.",
          );
        }
        throw e;
      }
      const stored = await this.deps.records.actions.get(keyOf(panel.areaId), actionRow(panelId, id));
      if (!stored) throw new ActionRefused(409, "not-stored", "The action could not be read back. Reload.");
      return this.view(stored);
    }
  }

  /**
   * What the bot's form for recording an action offers a coordinator: the panel's meetings of the
   * last eight weeks and today, its members, and its open cases by reference.
   */
  async formChoices(panelId: string): Promise<{
    meetings: string[];
    members: { id: string; name: string; agency: string }[];
    cases: { subjectId: string; reference: string }[];
  }> {
    const panel = this.panel(panelId);
    const today = localDay(this.deps.now());
    const meetings = occurrencesBetween(this.deps.catalogue, panelId, addDays(today, -56), today)
      .map((o) => o.date)
      .reverse();
    const members = (await this.deps.repos.panelMembers.listPartition(keyOf(panelId))).map((m) => m.value);
    const people = await peopleByIds(
      this.deps.repos,
      members.map((m) => m.personId),
    );
    const { cases } = await this.deps.records.casesAndDrift(panel.areaId, panelId, today);
    return {
      meetings,
      members: members
        .flatMap((m) => {
          const person = people.get(m.personId);
          if (!person) return [];
          const agency = this.deps.catalogue.agencies.get(person.agencyId)?.name ?? person.agencyId;
          return [{ id: person.id, name: person.displayName, agency }];
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      cases: cases
        .map((c) => ({ subjectId: c.value.subjectId, reference: c.value.reference }))
        .sort((a, b) => a.reference.localeCompare(b.reference)),
    };
  }

  /** Reminders that could not be delivered, newest first: for the panel's coordinators. */
  async undelivered(panelId: string): Promise<ReminderProblem[]> {
    const panel = this.panel(panelId);
    const found = await this.deps.records.reminderProblems.listRange(
      keyOf(panel.areaId),
      `reminder-problem|${panelId}|`,
    );
    return found.map((p) => p.value).sort((a, b) => b.at.localeCompare(a.at));
  }

  /** A panel's actions, filtered; a presenter sees only the actions they own. */
  async list(actor: Actor, role: PanelRole, panelId: string, filter: ActionFilter): Promise<ActionView[]> {
    const panel = this.panel(panelId);
    const stored = await this.deps.records.actions.listRange(keyOf(panel.areaId), actionRow(panelId, ""));
    return stored
      .map((s) => this.view(s))
      .filter((a) => role !== "presenter" || a.ownerId === actor.id)
      .filter((a) => !filter.meetingId || a.meetingId === filter.meetingId)
      .filter((a) => !filter.status || a.status === filter.status)
      .filter((a) => !filter.ownerId || a.ownerId === filter.ownerId)
      .filter((a) => !filter.agencyId || a.ownerAgencyId === filter.agencyId)
      .filter((a) => filter.overdue === undefined || a.overdue === filter.overdue)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference));
  }

  private async held(panelId: string, actionId: string, version: string): Promise<Versioned<Action>> {
    const panel = this.panel(panelId);
    const stored = await this.deps.records.actions.get(keyOf(panel.areaId), actionRow(panelId, actionId));
    if (!stored) throw new ActionRefused(404, "unknown-action", "There is no such action on this panel.");
    if (stored.etag !== version) {
      throw new ActionRefused(
        409,
        "changed-by-someone-else",
        `This action was changed by ${stored.updatedBy} after you opened it. Reload to see the change.`,
      );
    }
    return stored;
  }

  /** The action as read at `version`, if this person may change it: its owner, a coordinator or a chair. */
  private async heldForChange(
    actor: Actor,
    role: PanelRole | undefined,
    panelId: string,
    actionId: string,
    version: string,
    doing: string,
  ): Promise<Versioned<Action>> {
    const stored = await this.held(panelId, actionId, version);
    if (!mayComplete(stored.value, actor.id, role)) {
      throw new ActionRefused(
        403,
        "not-the-owner",
        `Only ${stored.value.ownerName}, who owns this action, or the panel's coordinators and chairs can ${doing}.`,
      );
    }
    return stored;
  }

  /** Marks an action done: only its owner, a coordinator or a chair may. */
  async complete(
    actor: Actor,
    role: PanelRole | undefined,
    panelId: string,
    actionId: string,
    note: string,
    version: string,
    via: string,
  ): Promise<ActionView> {
    const stored = await this.heldForChange(actor, role, panelId, actionId, version, "mark it done");
    if (stored.value.status === "done") {
      throw new ActionRefused(
        409,
        "already-done",
        `This action was already marked done by ${stored.value.completed?.byName}.`,
      );
    }
    const next: Action = {
      ...stored.value,
      status: "done",
      completed: { by: actor.id, byName: actor.name, at: this.deps.now().toISOString(), note },
    };
    return this.save(stored, next, actor, "action.completed", via);
  }

  /** Adds an owner's update to an open action. */
  async addUpdate(
    actor: Actor,
    role: PanelRole | undefined,
    panelId: string,
    actionId: string,
    text: string,
    version: string,
    via: string,
  ): Promise<ActionView> {
    const stored = await this.heldForChange(actor, role, panelId, actionId, version, "add an update");
    if (stored.value.status === "done") {
      throw new ActionRefused(409, "already-done", "This action is done, so it takes no more updates.");
    }
    const next: Action = {
      ...stored.value,
      updates: [
        ...stored.value.updates,
        { by: actor.id, byName: actor.name, at: this.deps.now().toISOString(), text },
      ].slice(-30),
    };
    return this.save(stored, next, actor, "action.updated", via);
  }

  private async save(
    stored: Versioned<Action>,
    next: Action,
    actor: Actor,
    kind: AuditAction,
    via: string,
  ): Promise<ActionView> {
    try {
      await this.deps.records.transact([
        this.deps.records.actions.replaceAction(next, stored.etag, actor.name),
        this.audit(next, actor, kind, via),
      ]);
    } catch (e) {
      if (isStatus(e, 409) || isStatus(e, 412)) {
        throw new ActionRefused(
          409,
          "changed-by-someone-else",
          "This action changed just now. Reload to see the change.",
        );
      }
      throw e;
    }
    const saved = await this.deps.records.actions.get(keyOf(next.areaId), actionRow(next.panelId, next.id));
    if (!saved) throw new ActionRefused(404, "unknown-action", "There is no such action on this panel.");
    const view = this.view(saved);
    this.deps.changes?.changed(view);
    return view;
  }
}
