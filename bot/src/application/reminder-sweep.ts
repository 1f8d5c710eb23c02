import type { Logger } from "pino";
import type { Action } from "../domain/actions/action.js";
import { sweepWindow, type ReminderKind } from "../domain/actions/reminder-policy.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { DueReminder } from "../adapters/tables/action-due-index.js";
import { actionRow, type AreaRecords, type ReminderProblem } from "../adapters/tables/area-records.js";
import { keyOf, type Versioned } from "../adapters/tables/entity-store.js";
import type { Delivery, ReminderDeliveries } from "../adapters/tables/reminder-deliveries.js";
import type { Repositories } from "../adapters/tables/repositories.js";

// The reminder sweep: runs inside every instance of the service, but only the holder of a lease
// in Azure Tables sweeps. It reads the due-date index for the days in its window (never the actions
// already closed), claims each message before sending it and marks it sent after, so each reminder
// and escalation goes exactly once. A claim left "sending" by an instance that died is taken over
// once its lease has run out; a failed send is retried with back-off and, if it cannot be
// delivered, shown to the panel's coordinators.

export type Place = { scope: "personal"; personId: string } | { scope: "channel"; panelId: string };

export type ActionForCard = Action & { ownerAgency: string };

export type ReminderContent =
  | { type: "action"; kind: ReminderKind; action: ActionForCard; panelName: string }
  | {
      type: "escalation";
      panelId: string;
      panelName: string;
      actions: ActionForCard[];
    };

export interface SentMessage {
  activityId: string;
  conversationKey: string;
}

/** A send that failed: `permanent` when trying again cannot help (the chat is gone). */
export class DeliveryFailed extends Error {
  constructor(
    readonly permanent: boolean,
    reason: string,
  ) {
    super(reason);
    this.name = "DeliveryFailed";
  }
}

/** Where reminders go: Teams in the service, a recording stand-in in tests. */
export interface ReminderMessenger {
  /** Whether the place exists (a panel may have no channel linked). */
  reaches(place: Place): Promise<boolean>;
  send(place: Place, content: ReminderContent): Promise<SentMessage>;
}

export interface SweepReport {
  swept: boolean;
  sent: number;
  retrying: number;
  undeliverable: number;
}

class LeaseLost extends Error {}

const LEASE = "reminder-sweep";
const MAX_ATTEMPTS = 6;

export interface SweepOptions {
  /** This instance, as the lease and claims name it. */
  instance: string;
  leaseMs: number;
  /** Reminders missed while the service was down are still sent for this many days. */
  lookbackDays: number;
  /** Reminders for a day go from this local hour. */
  fromHour: number;
  /** First retry after this long, doubling each time. */
  retryBaseMs: number;
}

export class ReminderSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport> | undefined;

  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      records: AreaRecords;
      deliveries: ReminderDeliveries;
      messenger: ReminderMessenger;
      log: Logger;
      now: () => Date;
      options: SweepOptions;
    },
  ) {}

  /** Sweeps every `intervalMs`, and once straight away. */
  start(intervalMs: number): void {
    const tick = () => {
      void this.sweep().catch((err: unknown) =>
        this.deps.log.error({ reason: (err as Error).message }, "reminder sweep failed"),
      );
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  /** Stops sweeping; the lease, if held, is given up so another instance can carry on at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.deps.deliveries.releaseLease(LEASE, this.deps.options.instance).catch(() => undefined);
  }

  /** One sweep; a sweep already under way in this instance is joined rather than doubled. */
  sweep(): Promise<SweepReport> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private leaseUntil = 0;

  private async holdLease(): Promise<boolean> {
    const { deliveries, options } = this.deps;
    const at = this.deps.now();
    if (!(await deliveries.takeLease(LEASE, options.instance, at, options.leaseMs))) return false;
    this.leaseUntil = at.getTime() + options.leaseMs;
    return true;
  }

  private async sweepOnce(): Promise<SweepReport> {
    const { deliveries, options } = this.deps;
    const report: SweepReport = { swept: false, sent: 0, retrying: 0, undeliverable: 0 };
    if (!(await this.holdLease())) return report;
    report.swept = true;
    const actions = new Map<string, Promise<ActionForCard | undefined>>();
    const actionOf = (r: DueReminder) => {
      if (!actions.has(r.actionId)) actions.set(r.actionId, this.openAction(r));
      return actions.get(r.actionId) as Promise<ActionForCard | undefined>;
    };
    try {
      for (const on of sweepWindow(this.deps.now(), options.lookbackDays, options.fromHour)) {
        const { due, deliveries: claimed } = await deliveries.dateOf(on);
        if (!due.length) continue;
        const claims = new Map(claimed.map((c) => [claimKey(c.value), c]));
        const reminders = await Promise.all(
          due.filter((x) => x.kind !== "escalation").map(async (r) => ({ r, action: await actionOf(r) })),
        );
        // In the order the actions were recorded, as their owners would expect to read them.
        reminders.sort((a, b) => (a.action?.reference ?? "").localeCompare(b.action?.reference ?? ""));
        for (const { r, action } of reminders) {
          if (!action) continue;
          // One reminder that cannot be handled must not hold up all the others.
          try {
            const panelName = this.panelName(r.panelId);
            const places: Place[] = [
              { scope: "personal", personId: action.ownerId },
              { scope: "channel", panelId: r.panelId },
            ];
            let reached = 0;
            for (const place of places) {
              // A new action goes to its owner's chat, or to the channel when they have none yet;
              // reminders go to both.
              if (r.kind === "assigned" && reached) break;
              const target = place.scope;
              reached += await this.deliver(
                report,
                { on, kind: r.kind, areaId: r.areaId, panelId: r.panelId, about: action.id, target },
                claims,
                place,
                { type: "action", kind: r.kind, action, panelName },
                place.scope === "personal" ? action.ownerName : `the ${panelName} channel`,
              );
            }
            if (!reached) await this.unreachable(r, action);
          } catch (e) {
            if (e instanceof LeaseLost) throw e;
            this.deps.log.error({ reason: (e as Error).message, kind: r.kind }, "reminder skipped");
          }
        }
        await this.escalate(
          report,
          on,
          due.filter((x) => x.kind === "escalation"),
          claims,
          actionOf,
        );
      }
    } catch (e) {
      if (!(e instanceof LeaseLost)) throw e;
      this.deps.log.warn("reminder sweep stopped: another instance holds the lease");
      return report;
    }
    await deliveries.releaseLease(LEASE, options.instance);
    if (report.sent || report.retrying || report.undeliverable)
      this.deps.log.info({ ...report }, "reminder sweep finished");
    return report;
  }

  /** One message to each chair of a panel, listing its actions escalated on this date and still open. */
  private async escalate(
    report: SweepReport,
    on: string,
    due: DueReminder[],
    claims: Map<string, Versioned<Delivery>>,
    actionOf: (r: DueReminder) => Promise<ActionForCard | undefined>,
  ): Promise<void> {
    const panels = new Map<string, DueReminder[]>();
    for (const r of due) panels.set(r.panelId, [...(panels.get(r.panelId) ?? []), r]);
    for (const [panelId, rows] of panels) {
      const open = (await Promise.all(rows.map(actionOf))).filter((a): a is ActionForCard => !!a);
      if (!open.length) continue;
      const areaId = rows[0]?.areaId ?? "";
      const members = await this.deps.repos.panelMembers.listPartition(keyOf(panelId));
      const chairs = members.filter((m) => m.value.role === "chair").map((m) => m.value.personId);
      const panelName = this.panelName(panelId);
      for (const chairId of chairs) {
        const chair = await this.deps.repos.people.get("person", keyOf(chairId));
        const reached = await this.deliver(
          report,
          { on, kind: "escalation", areaId, panelId, about: "chairs", target: `chair:${chairId}` },
          claims,
          { scope: "personal", personId: chairId },
          { type: "escalation", panelId, panelName, actions: open },
          chair?.value.displayName ?? "a chair",
          open.slice(0, 200).map((a) => a.id),
        );
        if (!reached) {
          await this.problem({
            id: `${on}|escalation|${panelId}|${chairId}`,
            areaId,
            panelId,
            actionId: null,
            reference: null,
            recipientName: chair?.value.displayName ?? "A chair",
            place: "personal",
            reason: `${chair?.value.displayName ?? "A chair"} has not added MACE panels in Teams, so the list of overdue actions could not be sent to them.`,
          });
        }
      }
    }
  }

  private async deliver(
    report: SweepReport,
    spec: Pick<Delivery, "on" | "kind" | "areaId" | "panelId" | "about" | "target">,
    claims: Map<string, Versioned<Delivery>>,
    place: Place,
    content: ReminderContent,
    recipientName: string,
    actionIds: string[] = [spec.about],
  ): Promise<number> {
    const { deliveries, options } = this.deps;
    const now = this.deps.now();
    let claim = claims.get(claimKey(spec));
    if (claim) {
      const c = claim.value;
      if (c.state === "sent" || c.state === "undeliverable") return 1;
      if (c.state === "retry" && c.retryAt && c.retryAt > now.toISOString()) return 1;
      // Due for a retry, or left "sending" by an instance whose lease has run out: ours now.
      claim = await deliveries.update(claim, { ...c, state: "sending", holder: options.instance });
    } else {
      if (!(await this.deps.messenger.reaches(place))) return 0;
      claim = await deliveries.claim({
        ...spec,
        recipientId: place.scope === "personal" ? place.personId : null,
        actionIds,
        state: "sending",
        holder: options.instance,
        attempts: 0,
        retryAt: null,
        reason: null,
        activityId: null,
      });
    }
    if (!claim) return 1;
    claims.set(claimKey(spec), claim);
    // Before every send at least half the lease is left (renewed if need be), which is longer than
    // a send may take: no other instance can take over this claim while the send is under way.
    if (this.leaseUntil - this.deps.now().getTime() < options.leaseMs / 2 && !(await this.holdLease()))
      throw new LeaseLost();
    let sent;
    try {
      sent = await this.deps.messenger.send(place, content);
    } catch (e) {
      await this.failed(report, claim, e, place, content, recipientName);
      return 1;
    }
    const done = await deliveries.update(claim, {
      ...claim.value,
      state: "sent",
      reason: null,
      retryAt: null,
      activityId: sent.activityId,
    });
    if (done) claims.set(claimKey(spec), done);
    report.sent += 1;
    if (content.type === "action") {
      await deliveries.remember({
        areaId: spec.areaId,
        panelId: spec.panelId,
        actionId: content.action.id,
        reference: content.action.reference,
        scope: place.scope,
        conversationKey: sent.conversationKey,
        activityId: sent.activityId,
      });
    }
    return 1;
  }

  private async failed(
    report: SweepReport,
    claim: Versioned<Delivery>,
    error: unknown,
    place: Place,
    content: ReminderContent,
    recipientName: string,
  ): Promise<void> {
    const failure =
      error instanceof DeliveryFailed ? error : new DeliveryFailed(false, "Teams gave an unexpected answer");
    const c = claim.value;
    const attempts = c.attempts + 1;
    const giveUp = failure.permanent || attempts >= MAX_ATTEMPTS;
    const now = this.deps.now();
    // 1, 2, 4, 8… times the base, up to six hours between tries.
    const wait = Math.min(6 * 3_600_000, this.deps.options.retryBaseMs * 2 ** (attempts - 1));
    this.deps.log.warn(
      { reason: failure.message, kind: c.kind, place: place.scope, attempts, giveUp },
      "reminder not delivered",
    );
    await this.deps.deliveries.update(claim, {
      ...c,
      attempts,
      state: giveUp ? "undeliverable" : "retry",
      retryAt: giveUp ? null : new Date(now.getTime() + wait).toISOString(),
      reason: failure.message.slice(0, 300),
    });
    if (!giveUp) {
      report.retrying += 1;
      return;
    }
    report.undeliverable += 1;
    await this.deps.records.reminderProblems.upsert(
      {
        id: `${c.on}|${c.kind}|${c.about}|${c.target}`,
        areaId: c.areaId,
        panelId: c.panelId,
        actionId: content.type === "action" ? content.action.id : null,
        reference: content.type === "action" ? content.action.reference : null,
        recipientName,
        place: place.scope,
        reason: failure.message.slice(0, 300),
        at: now.toISOString(),
      },
      "reminders",
    );
  }

  /** An owner with no chat with the app, on a panel with no channel: the coordinators are told. */
  private unreachable(r: DueReminder, action: ActionForCard): Promise<void> {
    return this.problem({
      id: `${r.on}|${r.kind}|${action.id}|nowhere`,
      areaId: r.areaId,
      panelId: r.panelId,
      actionId: action.id,
      reference: action.reference,
      recipientName: action.ownerName,
      place: "personal",
      reason: `${action.ownerName} has not added MACE panels in Teams and the panel has no channel linked, so the reminder could not be sent.`,
    });
  }

  /** Records, once, a message nobody could be sent, for the panel's coordinators to see. */
  private async problem(p: Omit<ReminderProblem, "at">): Promise<void> {
    const known = await this.deps.records.reminderProblems.get(
      keyOf(p.areaId),
      `reminder-problem|${p.panelId}|${keyOf(p.id)}`,
    );
    if (known) return;
    await this.deps.records.reminderProblems.upsert({ ...p, at: this.deps.now().toISOString() }, "reminders");
  }

  private async openAction(r: DueReminder): Promise<ActionForCard | undefined> {
    const stored = await this.deps.records.actions.get(keyOf(r.areaId), actionRow(r.panelId, r.actionId));
    if (!stored || stored.value.status !== "open") return undefined;
    const a = stored.value;
    return { ...a, ownerAgency: this.deps.catalogue.agencies.get(a.ownerAgencyId)?.name ?? a.ownerAgencyId };
  }

  private panelName(panelId: string): string {
    return this.deps.catalogue.panels.get(panelId)?.name ?? panelId;
  }
}

const claimKey = (d: Pick<Delivery, "kind" | "areaId" | "panelId" | "about" | "target">): string =>
  `${d.kind}|${d.areaId}|${d.panelId}|${d.about}|${d.target}`;
