import { longDate } from "./cards/dates.js";
import { inConversation, withTimeout } from "./proactive.js";
import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Logger } from "pino";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Notice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { randomUUID } from "node:crypto";
import { referralRow, type AreaRecords, type StoredAudit } from "../tables/area-records.js";
import { isStatus, keyOf, type Versioned } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
  outcomeCard,
  questionCard,
} from "./cards/referral-cards.js";

// Delivers the notices that referral steps stored (to the manager, the coordinators, the
// referrer) as cards in each person's personal chat. A notice is split into one per recipient,
// claimed before sending, and deleted (with an audit entry of what it showed) once sent; one that
// cannot be delivered yet (the person has never opened a chat with the bot) waits.

const MAX_ATTEMPTS = 50;
// A send Teams has not answered by then is treated as failed and retried later.
const SEND_TIMEOUT_MS = 20_000;
const PARALLEL_SENDS = 8;
// How long a claimed notice is left to the instance sending it before another may try.
const LEASE_MS = 2 * 60_000;

export class NoticeDispatcher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      records: AreaRecords;
      adapter: CloudAdapter;
      botAppId: string;
      log: Logger;
      publicUrl: string;
      now: () => Date;
    },
  ) {}

  /** Delivers an area's waiting notices now; calls during a run are folded into one more run. */
  kick(areaId: string): void {
    if (this.stopped) return;
    if (this.running.has(areaId)) {
      this.again.add(areaId);
      return;
    }
    const run = this.deliver(areaId)
      .catch((err: unknown) =>
        this.deps.log.error({ reason: (err as Error).message, areaId }, "notice delivery failed"),
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
      for (const area of this.deps.catalogue.areas) this.kick(area.id);
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
    const notices = await this.deps.records.notices.listRange(keyOf(areaId), "notice|");
    // In parallel: the connector retries an unreachable chat for several seconds, and one such
    // recipient must not hold up everyone else's notices.
    for (let i = 0; i < notices.length; i += PARALLEL_SENDS) {
      await Promise.all(notices.slice(i, i + PARALLEL_SENDS).map((n) => this.deliverOne(areaId, n)));
    }
  }

  private async deliverOne(areaId: string, notice: Versioned<Notice>): Promise<void> {
    const { records, now } = this.deps;
    const n = notice.value;
    if (n.attempts >= MAX_ATTEMPTS || (n.retryAt && n.retryAt > now().toISOString())) return;
    const referral = await records.referrals.get(keyOf(areaId), referralRow(n.panelId, n.referralId));
    if (!referral) return this.finish(areaId, notice, []);
    if (n.recipientId === null) return this.fanOut(areaId, notice, referral.value);

    // Claimed before sending, so two service instances never both send it.
    const lease = new Date(now().getTime() + LEASE_MS).toISOString();
    let claimed: Versioned<Notice>;
    try {
      claimed = await records.notices.replace({ ...n, retryAt: lease }, notice.etag, "notices");
    } catch {
      return;
    }
    try {
      const chat = await this.deps.repos.conversations.get("personal", keyOf(n.recipientId));
      if (!chat) {
        // Sent when they first open a chat with the bot (that start delivers straight away).
        this.deps.log.debug(
          { notice: n.kind, referral: referral.value.reference },
          "notice waiting for a chat",
        );
        await records.notices
          .replace({ ...n, retryAt: null }, claimed.etag, "notices")
          .catch(() => undefined);
        return;
      }
      const card = this.cardFor(n, referral.value, referral.etag);
      await inConversation(this.deps.adapter, this.deps.botAppId, chat.value.reference, (ctx) =>
        ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }),
      );
    } catch (err) {
      // The error's message only: a failed request can carry the card, with a child's details.
      this.deps.log.warn(
        { reason: (err as Error).message, notice: n.kind, areaId },
        "notice not delivered; it will be retried",
      );
      // Back off: 30 s, 1 min, 2 min… up to an hour between tries.
      const retryAt = new Date(now().getTime() + Math.min(3_600_000, 30_000 * 2 ** n.attempts)).toISOString();
      await records.notices
        .replace({ ...n, attempts: n.attempts + 1, retryAt }, claimed.etag, "notices")
        .catch(() => undefined);
      return;
    }
    await this.finish(areaId, claimed, [
      {
        id: randomUUID(),
        areaId,
        at: now().toISOString(),
        actorId: n.recipientId,
        // The card shows the referral's details to its recipient: that is a read.
        action: "referral.viewed",
        panelId: n.panelId,
        referralId: n.referralId,
        subjectId: referral.value.subjectId,
        reference: referral.value.reference,
        via: `bot: ${n.kind} card`,
      },
    ]);
  }

  /** One notice per recipient, so that one who cannot be reached yet never holds up the others. */
  private async fanOut(areaId: string, notice: Versioned<Notice>, r: Referral): Promise<void> {
    const recipients = await this.recipientsOf(notice.value.kind, r);
    const { records } = this.deps;
    try {
      await records.transact([
        records.notices.deleteAction(notice.value),
        ...recipients.map((recipientId) =>
          records.notices.createAction({ ...notice.value, id: randomUUID(), recipientId }, "notices"),
        ),
      ]);
    } catch (e) {
      if (!isStatus(e, 404) && !isStatus(e, 412)) throw e;
      return;
    }
    this.again.add(areaId);
  }

  private async recipientsOf(kind: Notice["kind"], r: Referral): Promise<string[]> {
    if (kind === "approval-requested") return r.managerId ? [r.managerId] : [];
    if (kind === "referral-arrived") {
      const members = await this.deps.repos.panelMembers.listPartition(keyOf(r.panelId));
      return members.filter((m) => m.value.role === "coordinator").map((m) => m.value.personId);
    }
    return [r.submitted.by];
  }

  /** Removes a delivered notice, with the audit entries of what it showed, in one transaction. */
  private async finish(areaId: string, notice: Versioned<Notice>, audit: StoredAudit[]): Promise<void> {
    const { records } = this.deps;
    try {
      await records.transact([
        records.notices.deleteAction(notice.value),
        ...audit.map((a) => records.audit.createAction(a, "notices")),
      ]);
    } catch (e) {
      if (!isStatus(e, 404) && !isStatus(e, 412)) throw e;
    }
  }

  private cardFor(n: Notice, r: Referral, version: string): Record<string, unknown> {
    const panelName = this.deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
    switch (n.kind) {
      case "approval-requested":
        return approvalRequestCard(r, panelName, version);
      case "referral-arrived":
        return coordinatorReferralCard(r, panelName, `${this.deps.publicUrl}/tab/`, version);
      case "question-asked":
        return questionCard(r, panelName, version);
      case "approval-decided":
        return r.approval?.decision === "approved"
          ? outcomeCard(`${r.reference} approved`, [
              `${r.approval.byName} approved your referral. It is now with the ${panelName} coordinator.`,
            ])
          : outcomeCard(
              `${r.reference} not approved`,
              [
                `${r.approval?.byName ?? "Your manager"} did not approve your referral: ${r.approval?.comment ?? ""}`,
              ],
              false,
            );
      case "triage-decided":
        return r.status === "accepted"
          ? outcomeCard(`${r.reference} accepted`, [
              `${panelName} has accepted your referral${r.meetingDate ? ` for the meeting on ${longDate(r.meetingDate)}` : ""}. You will be told your presentation slot when the agenda is published.`,
            ])
          : outcomeCard(
              `${r.reference} declined`,
              [`${panelName} declined your referral: ${r.triage?.note ?? ""}`],
              false,
            );
    }
  }
}
