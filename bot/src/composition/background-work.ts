import type { Logger } from "pino";
import { livePartitionMoves } from "../adapters/tables/live-partition-moves.js";
import { forgetExpiredLinks } from "../application/downloads/forget-used-links.js";
import { forgetUnsentDrafts } from "../application/referrals/forget-drafts.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { Settings } from "../settings.js";
import type { Desks } from "./desks.js";
import type { Storage } from "./storage.js";

// What the service does on its own beat, besides answering: moving what has settled out of the
// live partitions, the reminder sweep, the sign-in cards of meetings starting now, forgetting
// unsent drafts and expired download links, and the report figures.

export interface BackgroundChoices {
  partitionMoves: boolean;
  sweep: boolean;
  figures: boolean;
}

export function startBackgroundWork(
  settings: Settings,
  catalogue: Catalogue,
  storage: Storage,
  work: Pick<Desks, "sweep" | "room" | "figuresTimer">,
  choices: BackgroundChoices,
  log: Logger,
  instance: string,
  now: () => Date,
): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const beat = Math.min(settings.reminders.sweepMs, 5 * 60_000);
  // The lease's length is the reminder sweep's: a batch of a move takes a fraction of half of it.
  const partitionMoves = livePartitionMoves(
    storage.tables,
    catalogue.areas.map((a) => a.id),
    log,
    { instance, leaseMs: settings.reminders.leaseMs, now },
  );
  if (choices.partitionMoves) {
    void partitionMoves.run();
    timers.push(setInterval(() => void partitionMoves.run(), beat));
  }
  if (choices.sweep) {
    work.sweep.start(settings.reminders.sweepMs);
    // Meetings starting now get their sign-in card in the panel's channel, on the same beat.
    timers.push(
      setInterval(() => {
        void work.room
          .openStartingMeetings()
          .catch((err: unknown) => log.error({ reason: (err as Error).message }, "sign-in cards not posted"));
        // Drafts of referrals nobody sent hold a child's details: they go once their fortnight is up.
        void forgetUnsentDrafts({ drafts: storage.drafts, now })
          .then((n) => n && log.info({ forgotten: n }, "unsent referral drafts forgotten"))
          .catch((err: unknown) =>
            log.error({ reason: (err as Error).message }, "referral drafts not forgotten"),
          );
        // A used download link's row refuses it a second time only until it expires.
        void forgetExpiredLinks({ catalogue, usedLinks: storage.usedLinks, now }).catch((err: unknown) =>
          log.error({ reason: (err as Error).message }, "expired download links not forgotten"),
        );
      }, beat),
    );
  }
  for (const timer of timers) timer.unref();
  // Once now, after seeding, so the demo panels have figures from the start; then on the timer.
  if (choices.figures) work.figuresTimer.start(settings.figures.everyMs);
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await work.sweep.stop();
      await partitionMoves.idle();
      await work.figuresTimer.stop();
    },
  };
}
