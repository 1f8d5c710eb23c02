import { moveFinishedCasework } from "./casework-archive-move.js";
import { moveChangeAudits } from "./change-audit-move.js";
import { tableLeases } from "./leases.js";
import type { TableFactory } from "./storage.js";

// What keeps each area's live partition to the casework in use: the audit entries of changes go to
// the audit trail (change-audit-move.ts), and finished referrals and actions to the archive
// (casework-archive-move.ts). Both run once at start-up, which also moves whatever an earlier
// version left however much there is, and then on the service's beat. An audit entry never
// changes, so two instances may move the same ones; the casework move is one instance's at a time,
// by the area's lease, renewed between batches, so no move holding an older read writes over a
// newer one.

type Log = { info(o: object, m: string): void; error(o: object, m: string): void };

export interface MoveOptions {
  /** The name this instance holds leases under. */
  instance: string;
  leaseMs: number;
  now?: () => Date;
}

class LeaseLost extends Error {
  constructor() {
    super("another instance holds the area's lease for moving casework");
  }
}

/** Progress in the log every so many rows, so a long first move shows it is working. */
const every = (size: number, report: (n: number) => void) => {
  let shown = 0;
  return (n: number) => {
    if (n - shown < size) return;
    shown = n - (n % size);
    report(n);
  };
};

/** A beat that finds the last still running waits for the next: one instance never moves an area twice at once. */
export function livePartitionMoves(
  tables: TableFactory,
  areaIds: string[],
  log: Log,
  { instance, leaseMs, now = () => new Date() }: MoveOptions,
) {
  const leases = tableLeases(tables);
  let running: Promise<void> | undefined;
  /** Finished casework moved under the area's lease; false when another instance holds it. */
  const underLease = async (areaId: string, move: (keep: () => Promise<void>) => Promise<void>) => {
    const name = `casework-move|${areaId}`;
    let until = 0;
    const hold = async () => {
      const at = now();
      if (!(await leases.takeLease(name, instance, at, leaseMs))) return false;
      until = at.getTime() + leaseMs;
      return true;
    };
    if (!(await hold())) return false;
    try {
      await move(async () => {
        if (until - now().getTime() < leaseMs / 2 && !(await hold())) throw new LeaseLost();
      });
    } finally {
      await leases.releaseLease(name, instance).catch(() => undefined);
    }
    return true;
  };
  const moveArea = async (areaId: string) => {
    try {
      const moved = await moveChangeAudits(
        tables,
        areaId,
        every(5000, (n) => log.info({ areaId, moved: n }, "moving audit entries of changes to the trail")),
      );
      if (moved) log.info({ areaId, moved }, "audit entries of changes moved to the trail");
    } catch (err) {
      log.error({ areaId, reason: (err as Error).message }, "audit entries of changes not moved");
    }
    try {
      let moved = 0;
      const held = await underLease(areaId, async (keep) => {
        moved = await moveFinishedCasework(tables, areaId, now(), {
          keep,
          progress: every(1000, (n) =>
            log.info({ areaId, moved: n }, "moving finished casework to the archive"),
          ),
        });
      });
      if (!held) log.info({ areaId }, "finished casework left to the instance moving it");
      if (moved) log.info({ areaId, moved }, "finished referrals and actions moved to the archive");
    } catch (err) {
      log.error({ areaId, reason: (err as Error).message }, "finished casework not moved to the archive");
    }
  };
  const moveAll = async () => {
    for (const areaId of areaIds) await moveArea(areaId);
  };
  return {
    run(): Promise<void> {
      running ??= moveAll().finally(() => (running = undefined));
      return running;
    },
    /** Settles when no move is running: a closing service waits for it. */
    idle: (): Promise<void> => running ?? Promise.resolve(),
  };
}
