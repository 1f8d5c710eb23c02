import type { Area } from "../../domain/catalogue/panel.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { addMonths, monthName, monthOfDay, monthsFromTo } from "../../domain/reports/calendar-months.js";
import { figuresOfMonth, stillChanging } from "../../domain/reports/figures-of-month.js";
import { Month, type MonthFigures } from "../../domain/reports/month-figures.js";
import type { FiguresPorts } from "./figures-ports.js";
import { readMonthRecord } from "./read-month-record.js";

// The figures run: a month's figures for every panel of an area, worked out from the record and
// stored, replacing what was there; working a month out again from the same record gives the
// same figures. The service keeps recent months current on a timer; a month can also be asked for.

/** How far back the months that can still change are looked for. */
export const MONTHS_KEPT_CURRENT = 12;
const WAITING_PAGE = 100;

function areaOf(ports: Pick<FiguresPorts, "catalogue">, areaId: string): Area {
  const area = ports.catalogue.areas.find((a) => a.id === areaId);
  if (!area)
    throw new Refusal("not-found", "There is no such area. Check the link and try again.", {
      code: "unknown-area",
    });
  return area;
}

const panelsOf = (ports: Pick<FiguresPorts, "catalogue">, areaId: string) =>
  [...ports.catalogue.panels.values()].filter((p) => p.areaId === areaId);

const thisMonth = (ports: Pick<FiguresPorts, "now">): Month => monthOfDay(localDay(ports.now()));

/** The month asked for, if it can be worked out: this month or one before it. */
export function monthToWorkOut(ports: Pick<FiguresPorts, "now">, month: unknown): Month {
  const parsed = Month.safeParse(month);
  if (!parsed.success)
    throw new Refusal("invalid", "Give the month as YYYY-MM, for example 2026-10.", {
      code: "invalid-month",
      fields: [{ field: "month", message: "Give the month as YYYY-MM." }],
    });
  if (parsed.data > thisMonth(ports))
    throw new Refusal(
      "invalid",
      `${monthName(parsed.data)} has not started yet: choose this month or an earlier one.`,
      { code: "future-month", fields: [{ field: "month", message: "Choose this month or an earlier one." }] },
    );
  return parsed.data;
}

/** Works out one month for every panel of the area, and stores each panel's figures. */
export async function workOutMonth(
  ports: FiguresPorts,
  areaId: string,
  month: string,
): Promise<MonthFigures[]> {
  const area = areaOf(ports, areaId);
  const asked = monthToWorkOut(ports, month);
  const figures = await Promise.all(
    panelsOf(ports, areaId).map(async (p) => figuresOfMonth(await readMonthRecord(ports, area, p, asked))),
  );
  await Promise.all(figures.map((f) => ports.figures.save(f)));
  return figures;
}

/** The month of the panel's oldest referral waiting for the coordinator, back to `earliest` at most. */
async function oldestWaiting(ports: FiguresPorts, areaId: string, panelId: string, earliest: Month) {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await ports.casework.referralPage(areaId, panelId, "waiting", WAITING_PAGE, after);
    const last = page.values.at(-1)?.value;
    if (!last) return undefined;
    const month = monthOfDay(localDay(new Date(last.submitted.at)));
    if (!page.more || month <= earliest) return month < earliest ? earliest : month;
    after = { at: last.submitted.at, id: last.id };
  }
}

/**
 * The months whose figures can still change: this month and the last, and back to the oldest
 * month (of the last twelve) holding a referral still waiting, or figures stored while one was
 * waiting, not yet discussed, or had actions not yet done.
 */
export async function monthsStillChanging(ports: FiguresPorts, areaId: string): Promise<Month[]> {
  const now = thisMonth(ports);
  const earliest = addMonths(now, -MONTHS_KEPT_CURRENT);
  const [stored, waiting] = await Promise.all([
    ports.figures.monthsOf(areaId, earliest, now),
    Promise.all(panelsOf(ports, areaId).map((p) => oldestWaiting(ports, areaId, p.id, earliest))),
  ]);
  const changing = [
    addMonths(now, -1),
    ...stored.filter(stillChanging).map((f) => f.month),
    ...waiting.flatMap((m) => (m ? [m] : [])),
  ];
  return monthsFromTo(changing.sort()[0] ?? now, now);
}

export interface FiguresRun {
  /** One area, or every area of the catalogue. */
  areaId?: string;
  /** The months to work out, inclusive; without them, the months that can still change. */
  from?: Month;
  to?: Month;
  /** Stops the run before the next month. */
  signal?: AbortSignal;
  onProgress?: (p: FiguresProgress) => void;
}

export interface FiguresProgress {
  areaId: string;
  month: Month;
  /** Months of the area done so far, of how many. */
  done: number;
  of: number;
  panels: number;
}

export interface FiguresRunReport {
  areas: { areaId: string; months: Month[] }[];
  /** Stopped before every month was worked out; running again finishes. */
  stopped: boolean;
}

/** Works out months for an area or every area, oldest month first, reporting each month done. */
export async function runFigures(ports: FiguresPorts, run: FiguresRun = {}): Promise<FiguresRunReport> {
  const areas = run.areaId ? [areaOf(ports, run.areaId)] : ports.catalogue.areas;
  const report: FiguresRunReport = { areas: [], stopped: false };
  for (const area of areas) {
    const months = run.from
      ? monthsFromTo(run.from, run.to ?? thisMonth(ports))
      : await monthsStillChanging(ports, area.id);
    const done: Month[] = [];
    report.areas.push({ areaId: area.id, months: done });
    for (const month of months) {
      if (run.signal?.aborted) return { ...report, stopped: true };
      const figures = await workOutMonth(ports, area.id, month);
      done.push(month);
      run.onProgress?.({
        areaId: area.id,
        month,
        done: done.length,
        of: months.length,
        panels: figures.length,
      });
    }
  }
  return report;
}
