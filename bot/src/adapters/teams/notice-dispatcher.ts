import { longDate } from "./cards/dates.js";
import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Logger } from "pino";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Notice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { referralRow, type AreaRecords } from "../tables/area-records.js";
import { isStatus, keyOf, type Versioned } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
  outcomeCard,
  questionCard,
} from "./cards/referral-cards.js";

// Delivers the notices that referral steps stored (to the manager, the coordinators, the
// referrer) as cards in each person's personal chat. A notice is deleted only once sent; one that
// cannot be delivered yet (the person has never opened a chat with the bot) waits and is retried.

const MAX_ATTEMPTS = 50;
// A send Teams has not answered by then is treated as failed and retried later.
const SEND_TIMEOUT_MS = 20_000;
const PARALLEL_SENDS = 8;

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
    const { records } = this.deps;
    const notices = await records.notices.listRange(keyOf(areaId), "notice|");
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
    let outcome: "sent" | "waiting" | "failed" = "failed";
    try {
      const referral = await records.referrals.get(keyOf(areaId), referralRow(n.panelId, n.referralId));
      outcome = referral ? await this.send(n, referral.value) : "sent";
    } catch (err) {
      // The error's message only: a failed request can carry the card, with a child's details.
      this.deps.log.warn(
        { reason: (err as Error).message, notice: n.kind, areaId },
        "notice not delivered; it will be retried",
      );
    }
    if (outcome === "sent") await this.remove(areaId, notice);
    else if (outcome === "failed") {
      // Back off: 30 s, 1 min, 2 min… up to an hour between tries.
      const wait = Math.min(3_600_000, 30_000 * 2 ** n.attempts);
      const retryAt = new Date(now().getTime() + wait).toISOString();
      await records.notices
        .replace({ ...n, attempts: n.attempts + 1, retryAt }, notice.etag, "notices")
        .catch(() => undefined);
    }
  }

  private async remove(areaId: string, notice: Versioned<Notice>): Promise<void> {
    try {
      await this.deps.records.notices.client.deleteEntity(
        keyOf(areaId),
        `notice|${notice.value.at}|${notice.value.id}`,
        {
          etag: notice.etag,
        },
      );
    } catch (e) {
      if (!isStatus(e, 404) && !isStatus(e, 412)) throw e;
    }
  }

  /**
   * Sends the notice to everyone it is for: "waiting" while someone has not yet opened a chat with
   * the bot (it goes when they do), and a failure to reach Teams throws.
   */
  private async send(notice: Notice, r: Referral): Promise<"sent" | "waiting"> {
    const panelName = this.deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
    const outcomes = {
      "approval-requested": async () => [[r.managerId ?? "", approvalRequestCard(r, panelName)] as const],
      "referral-arrived": async () => {
        const members = await this.deps.repos.panelMembers.listPartition(keyOf(r.panelId));
        const card = coordinatorReferralCard(r, panelName, `${this.deps.publicUrl}/tab/`);
        return members
          .filter((m) => m.value.role === "coordinator")
          .map((m) => [m.value.personId, card] as const);
      },
      "approval-decided": async () => [
        [
          r.submitted.by,
          r.approval?.decision === "approved"
            ? outcomeCard(`${r.reference} approved`, [
                `${r.approval.byName} approved your referral. It is now with the ${panelName} coordinator.`,
              ])
            : outcomeCard(
                `${r.reference} not approved`,
                [
                  `${r.approval?.byName ?? "Your manager"} did not approve your referral: ${r.approval?.comment ?? ""}`,
                ],
                false,
              ),
        ] as const,
      ],
      "triage-decided": async () => [
        [
          r.submitted.by,
          r.status === "accepted"
            ? outcomeCard(`${r.reference} accepted`, [
                `${panelName} has accepted your referral${r.meetingDate ? ` for the meeting on ${longDate(r.meetingDate)}` : ""}. You will be told your presentation slot when the agenda is published.`,
              ])
            : outcomeCard(
                `${r.reference} declined`,
                [`${panelName} declined your referral: ${r.triage?.note ?? ""}`],
                false,
              ),
        ] as const,
      ],
      "question-asked": async () => [[r.submitted.by, questionCard(r, panelName)] as const],
    } satisfies Record<Notice["kind"], unknown>;
    let outcome: "sent" | "waiting" = "sent";
    for (const [personId, card] of await outcomes[notice.kind]()) {
      const chat = personId
        ? await this.deps.repos.conversations.get("personal", keyOf(personId))
        : undefined;
      if (!chat) {
        this.deps.log.debug(
          { notice: notice.kind, referral: r.reference },
          "notice waiting: the recipient has no chat with the bot yet",
        );
        outcome = "waiting";
        continue;
      }
      const sending = this.deps.adapter.continueConversationAsync(
        this.deps.botAppId,
        chat.value.reference,
        (ctx) => ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }).then(() => undefined),
      );
      await withTimeout(sending, SEND_TIMEOUT_MS);
    }
    return outcome;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
