import { sweepWindow } from "../../domain/actions/reminder-policy.js";
import type { DueReminder } from "../ports/deliveries.js";
import type { ActionForCard, Place } from "../ports/messengers.js";
import { claimKey, deliverMessage, type SweepRun } from "./deliver-message.js";
import { escalateToChairs } from "./escalate-to-chairs.js";
import { LeaseLost, panelName, type SweepPorts, type SweepReport } from "./sweep-ports.js";
import { recordProblem } from "./undeliverable.js";

// The reminder sweep: runs inside every instance of the service, but only the holder of a lease
// in storage sweeps. It reads the due-date index for the days in its window (never the actions
// already closed), and sends each reminder and escalation exactly once (deliver-message.ts).

const LEASE = "reminder-sweep";

export class ReminderSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport> | undefined;
  private leaseUntil = 0;

  constructor(private readonly ports: SweepPorts) {}

  /** Sweeps every `intervalMs`, and once straight away. */
  start(intervalMs: number): void {
    const tick = () => {
      void this.sweep().catch((err: unknown) =>
        this.ports.log.error({ reason: (err as Error).message }, "reminder sweep failed"),
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
    await this.ports.deliveries.releaseLease(LEASE, this.ports.options.instance).catch(() => undefined);
  }

  /** One sweep; a sweep already under way in this instance is joined rather than doubled. */
  sweep(): Promise<SweepReport> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async holdLease(): Promise<boolean> {
    const { deliveries, options } = this.ports;
    const at = this.ports.now();
    if (!(await deliveries.takeLease(LEASE, options.instance, at, options.leaseMs))) return false;
    this.leaseUntil = at.getTime() + options.leaseMs;
    return true;
  }

  private async sweepOnce(): Promise<SweepReport> {
    const { deliveries, options } = this.ports;
    const report: SweepReport = { swept: false, sent: 0, retrying: 0, undeliverable: 0 };
    if (!(await this.holdLease())) return report;
    report.swept = true;
    const actions = new Map<string, Promise<ActionForCard | undefined>>();
    const actionOf = (r: DueReminder) => {
      if (!actions.has(r.actionId)) actions.set(r.actionId, this.openAction(r));
      return actions.get(r.actionId) as Promise<ActionForCard | undefined>;
    };
    try {
      for (const on of sweepWindow(this.ports.now(), options.lookbackDays, options.fromHour)) {
        const { due, deliveries: claimed } = await deliveries.dateOf(on);
        if (!due.length) continue;
        const run: SweepRun = {
          report,
          claims: new Map(claimed.map((c) => [claimKey(c.value), c])),
          keepLease: async () => {
            if (
              this.leaseUntil - this.ports.now().getTime() < options.leaseMs / 2 &&
              !(await this.holdLease())
            )
              throw new LeaseLost();
          },
        };
        await this.remind(run, on, due, actionOf);
        await escalateToChairs(
          this.ports,
          run,
          on,
          due.filter((x) => x.kind === "escalation"),
          actionOf,
        );
      }
    } catch (e) {
      if (!(e instanceof LeaseLost)) throw e;
      this.ports.log.warn("reminder sweep stopped: another instance holds the lease");
      return report;
    }
    await deliveries.releaseLease(LEASE, options.instance);
    if (report.sent || report.retrying || report.undeliverable)
      this.ports.log.info({ ...report }, "reminder sweep finished");
    return report;
  }

  /** A date's reminders to owners, in the order the actions were recorded. */
  private async remind(
    run: SweepRun,
    on: string,
    due: DueReminder[],
    actionOf: (r: DueReminder) => Promise<ActionForCard | undefined>,
  ): Promise<void> {
    const reminders = await Promise.all(
      due.filter((x) => x.kind !== "escalation").map(async (r) => ({ r, action: await actionOf(r) })),
    );
    reminders.sort((a, b) => (a.action?.reference ?? "").localeCompare(b.action?.reference ?? ""));
    for (const { r, action } of reminders) {
      if (!action) continue;
      // One reminder that cannot be handled must not hold up all the others.
      try {
        await this.remindOne(run, on, r, action);
      } catch (e) {
        if (e instanceof LeaseLost) throw e;
        this.ports.log.error({ reason: (e as Error).message, kind: r.kind }, "reminder skipped");
      }
    }
  }

  private async remindOne(run: SweepRun, on: string, r: DueReminder, action: ActionForCard): Promise<void> {
    const name = panelName(this.ports, r.panelId);
    const places: Place[] = [
      { scope: "personal", personId: action.ownerId },
      { scope: "channel", panelId: r.panelId },
    ];
    let reached = 0;
    for (const place of places) {
      // A new action goes to its owner's chat, or to the channel when they have none yet;
      // reminders go to both.
      if ((r.kind === "assigned" || r.kind === "reassigned") && reached) break;
      reached += await deliverMessage(
        this.ports,
        run,
        { on, kind: r.kind, areaId: r.areaId, panelId: r.panelId, about: action.id, target: place.scope },
        place,
        { type: "action", kind: r.kind, action, panelName: name },
        place.scope === "personal" ? action.ownerName : `the ${name} channel`,
      );
    }
    if (reached) return;
    // An owner with no chat with the app, on a panel with no channel: the coordinators are told.
    await recordProblem(this.ports, {
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

  private async openAction(r: DueReminder): Promise<ActionForCard | undefined> {
    const stored = await this.ports.casework.action(r.areaId, r.panelId, r.actionId);
    if (!stored || stored.value.status !== "open") return undefined;
    const a = stored.value;
    return {
      ...a,
      ownerAgency: this.ports.catalogue.agencies.get(a.ownerAgencyId)?.name ?? a.ownerAgencyId,
      version: stored.etag,
    };
  }
}

export type { SweepOptions, SweepReport } from "./sweep-ports.js";
export { DeliveryFailed, type ReminderMessenger } from "../ports/messengers.js";
