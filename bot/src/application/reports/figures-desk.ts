import type { Log } from "../ports/log.js";
import { withPorts } from "../with-ports.js";
import type { FiguresPorts } from "./figures-ports.js";
import { runFigures, workOutMonth, type FiguresRunReport } from "./work-out-figures.js";

// Each panel's figures, worked out from the record: one month of an area on request (the tab's
// "work out again"), a run over months (the command line), and the service's timer that keeps the
// months that can still change current.

export const figuresDesk = (ports: FiguresPorts) => ({
  workOutMonth: withPorts(ports, workOutMonth),
  run: withPorts(ports, runFigures),
});
export type FiguresDesk = ReturnType<typeof figuresDesk>;

/**
 * The figures of every area's recent months, worked out every `intervalMs` and once on start.
 * Several instances may each run it: a month worked out twice is stored the same.
 */
export class FiguresTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<FiguresRunReport> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly ports: FiguresPorts & { log: Log }) {}

  start(intervalMs: number): void {
    const tick = () => {
      void this.runNow().catch((err: unknown) =>
        this.ports.log.error({ reason: (err as Error).message }, "report figures not worked out"),
      );
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  /** One run over every area's recent months; a run already under way is joined rather than doubled. */
  runNow(): Promise<FiguresRunReport> {
    this.running ??= runFigures(this.ports, {
      signal: this.stopping.signal,
      onProgress: (p) => this.ports.log.info({ ...p }, "report figures worked out"),
    }).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer, and a run under way after the month it is working out. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.running?.catch(() => undefined);
  }
}
