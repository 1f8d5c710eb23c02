import { randomUUID } from "node:crypto";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  isAccessNotice,
  type AccessNotice,
  type Notice,
  type ReferralNotice,
} from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { Casework, StoredAudit } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { Log } from "../ports/log.js";
import type { NoticeMessenger } from "../ports/messengers.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";

// Delivers the notices that steps stored: a referral's (to the manager, the coordinators, the
// referrer) and an access request's (to the panel's coordinators, then the requester). A notice is split into one per recipient, claimed before sending, and removed (with
// an audit entry of what it showed) once sent; one that cannot be delivered yet (the person has
// never opened a chat with the app) waits, and a failed send is retried with back-off.

const MAX_ATTEMPTS = 50;
// How long stopping waits for sends under way (a messenger gives up on a send after as long).
const SEND_TIMEOUT_MS = 20_000;
const PARALLEL_SENDS = 8;
// How long a claimed notice is left to the instance sending it before another may try.
const LEASE_MS = 2 * 60_000;

export interface NoticePorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  messenger: NoticeMessenger;
  log: Log;
  now: () => Date;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What one notice is about: who it goes to, how it is sent, and the audit of what it showed. */
interface NoticeAbout {
  recipients(): Promise<string[]>;
  send(recipientId: string): Promise<boolean>;
  shown(recipientId: string): StoredAudit[];
}

export class NoticeDelivery {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly ports: NoticePorts) {}

  /** Delivers an area's waiting notices now; calls during a run are folded into one more run. */
  kick(areaId: string): void {
    if (this.stopped) return;
    if (this.running.has(areaId)) {
      this.again.add(areaId);
      return;
    }
    const run = this.deliver(areaId)
      .catch((err: unknown) =>
        this.ports.log.error({ reason: (err as Error).message, areaId }, "notice delivery failed"),
      )
      .finally(() => {
        this.running.delete(areaId);
        if (this.again.delete(areaId)) this.kick(areaId);
      });
    this.running.set(areaId, run);
  }

  /** Retries what could not be delivered, every `intervalMs`. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      for (const area of this.ports.catalogue.areas) this.kick(area.id);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    // Notices still being sent stay stored and are sent again by the next start.
    await withTimeout(Promise.all(this.running.values()), SEND_TIMEOUT_MS).catch(() => undefined);
  }

  /** Resolves when every delivery under way has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  private async deliver(areaId: string): Promise<void> {
    const notices = await this.ports.casework.notices(areaId);
    // In parallel: an unreachable chat is retried for several seconds by the connector, and one
    // such recipient must not hold up everyone else's notices.
    for (let i = 0; i < notices.length; i += PARALLEL_SENDS) {
      await Promise.all(notices.slice(i, i + PARALLEL_SENDS).map((n) => this.deliverOne(areaId, n)));
    }
  }

  private async deliverOne(areaId: string, notice: Versioned<Notice>): Promise<void> {
    const { casework, now } = this.ports;
    const n = notice.value;
    if (n.attempts >= MAX_ATTEMPTS || (n.retryAt && n.retryAt > now().toISOString())) return;
    const about = await this.about(n);
    if (!about) return this.finish(areaId, notice, []);
    if (n.recipientId === null) return this.fanOut(areaId, notice, await about.recipients());

    // Claimed before sending, so two service instances never both send it.
    const lease = new Date(now().getTime() + LEASE_MS).toISOString();
    let claimed: Versioned<Notice>;
    try {
      claimed = await casework.replaceNotice({ ...n, retryAt: lease }, notice.etag);
    } catch {
      return;
    }
    try {
      const sent = await about.send(n.recipientId);
      if (!sent) {
        // Sent when they first open a chat with the app (that start delivers straight away).
        await casework.replaceNotice({ ...n, retryAt: null }, claimed.etag).catch(() => undefined);
        return;
      }
    } catch (err) {
      // The error's message only: a failed request can carry the card, with a child's details.
      this.ports.log.warn(
        { reason: (err as Error).message, notice: n.kind, areaId },
        "notice not delivered; it will be retried",
      );
      // Back off: 30 s, 1 min, 2 min… up to an hour between tries.
      const retryAt = new Date(now().getTime() + Math.min(3_600_000, 30_000 * 2 ** n.attempts)).toISOString();
      await casework
        .replaceNotice({ ...n, attempts: n.attempts + 1, retryAt }, claimed.etag)
        .catch(() => undefined);
      return;
    }
    await this.finish(areaId, claimed, about.shown(n.recipientId));
  }

  /** What a notice is about, read afresh: undefined once it is gone, and the notice with it. */
  private about(n: Notice): Promise<NoticeAbout | undefined> {
    return isAccessNotice(n) ? this.accessRequest(n) : this.referral(n);
  }

  private async referral(n: ReferralNotice): Promise<NoticeAbout | undefined> {
    const referral = await this.ports.casework.referral(n.areaId, n.panelId, n.referralId);
    if (!referral) return undefined;
    const r = referral.value;
    return {
      recipients: () => this.recipientsOf(n.kind, r),
      send: (recipientId) => this.ports.messenger.send(recipientId, n, r, referral.etag),
      shown: (recipientId) => [
        {
          id: randomUUID(),
          areaId: n.areaId,
          at: this.ports.now().toISOString(),
          actorId: recipientId,
          // The card shows the referral's details to its recipient: that is a read.
          action: "referral.viewed",
          panelId: n.panelId,
          referralId: n.referralId,
          subjectId: r.subjectId,
          reference: r.reference,
          via: `bot: ${n.kind} card`,
        },
      ],
    };
  }

  private async accessRequest(n: AccessNotice): Promise<NoticeAbout | undefined> {
    const found = await this.ports.casework.accessRequest(n.areaId, n.panelId, n.requesterId);
    // A request decided before its coordinators were told needs no deciding card.
    if (!found || (n.kind === "access-requested" && found.value.status !== "open")) return undefined;
    return {
      recipients: async () => (n.kind === "access-requested" ? this.deciders(n) : [n.requesterId]),
      send: (recipientId) => this.ports.messenger.sendAccess(recipientId, n, found.value),
      // Nothing about a child is shown: the request and its decision are audited where made.
      shown: () => [],
    };
  }

  /** A panel's coordinators decide who joins it; a panel without one, its area's administrators. */
  private async deciders(n: AccessNotice): Promise<string[]> {
    const members = await this.ports.directory.membersOf(n.panelId);
    const coordinators = members.filter((m) => m.role === "coordinator").map((m) => m.personId);
    return coordinators.length ? coordinators : this.ports.directory.administratorsOf(n.areaId);
  }

  /** One notice per recipient, so that one who cannot be reached yet never holds up the others. */
  private async fanOut(areaId: string, notice: Versioned<Notice>, recipients: string[]): Promise<void> {
    const unit = this.ports.casework.unit(areaId, "notices");
    unit.removeNotice(notice.value);
    for (const recipientId of recipients)
      unit.queueNotice({ ...notice.value, id: randomUUID(), recipientId });
    try {
      await unit.commit();
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
      return;
    }
    this.again.add(areaId);
  }

  private async recipientsOf(kind: ReferralNotice["kind"], r: Referral): Promise<string[]> {
    if (kind === "approval-requested") return r.managerId ? [r.managerId] : [];
    // A withdrawal is told to whoever it was waiting for: the manager, or the coordinators.
    if (kind === "referral-withdrawn" && r.withdrawal?.waitingFor === "manager")
      return r.managerId ? [r.managerId] : [];
    if (kind === "referral-arrived" || kind === "referral-withdrawn") {
      const members = await this.ports.directory.membersOf(r.panelId);
      return members.filter((m) => m.role === "coordinator").map((m) => m.personId);
    }
    return [r.submitted.by];
  }

  /** Removes a delivered notice, with the audit entries of what it showed, together. */
  private async finish(areaId: string, notice: Versioned<Notice>, audit: StoredAudit[]): Promise<void> {
    const unit = this.ports.casework.unit(areaId, "notices");
    unit.removeNotice(notice.value);
    for (const entry of audit) unit.audit(entry);
    try {
      await unit.commit();
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
    }
  }
}
