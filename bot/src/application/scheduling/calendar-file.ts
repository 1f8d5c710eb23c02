import { DateTime } from "luxon";
import { seriesFor, type SeriesPlan } from "../../domain/schedule/series.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import type { Meeting } from "../../domain/schedule/meeting.js";
import { LONDON, schedulingPanel, seriesTitle, type SchedulingPorts } from "./scheduling-ports.js";

// What a panel's calendar file holds: its meetings as the rule gives them, with every move and
// cancellation since (the bank holiday rule's and the coordinators'), under one identity per series
// so that importing a second file, for any range, updates the first instead of adding to it.

/** A meeting held on another day or at another time than the rule gives. */
export interface MovedMeeting {
  /** The date the rule gives: the occurrence it replaces. */
  original: string;
  start: string;
  end: string;
  note: string | null;
}

export interface CalendarFile {
  title: string;
  /** The panel's rule as one recurring series; null for a panel whose meetings follow others'. */
  series: {
    uid: string;
    plan: SeriesPlan;
    moved: MovedMeeting[];
    /** Rule dates of the meetings that will not be held. */
    cancelled: string[];
  } | null;
  /** Each meeting as an event of its own, for a panel without a rule of its own. */
  meetings: { uid: string; start: string; end: string; note: string | null }[];
}

/** The panel's one identity in calendars, whatever range a file covers. */
export const seriesUid = (panelId: string): string => `${panelId}.series@mace-panels`;

export type CalendarSeries = NonNullable<CalendarFile["series"]>;

/** The rule's series with the moves and cancellations recorded since (`stored`, by rule date). */
export function calendarSeries(plan: SeriesPlan, stored: Meeting[]): CalendarSeries {
  const byRule = new Map<string, MovedMeeting>();
  for (const move of plan.moved) {
    const start = DateTime.fromISO(`${move.date}T${plan.startTime}`, { zone: LONDON });
    byRule.set(move.original, {
      original: move.original,
      start: start.toISO() ?? "",
      end: start.plus({ minutes: plan.durationMinutes }).toISO() ?? "",
      note: "Moved off a bank holiday.",
    });
  }
  const cancelled = new Set<string>();
  for (const m of stored) {
    if (m.status === "cancelled") cancelled.add(m.id);
    else if (m.status === "moved")
      byRule.set(m.id, { original: m.id, start: m.start, end: m.end, note: m.note });
  }
  return {
    uid: seriesUid(plan.panelId),
    plan,
    moved: [...byRule.values()].filter((m) => !cancelled.has(m.original)),
    cancelled: [...cancelled].sort(),
  };
}

export async function calendarFile(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings">,
  panelId: string,
  from: string,
  to: string,
): Promise<CalendarFile> {
  const panel = schedulingPanel(ports, panelId);
  const title = seriesTitle(ports, panel);
  const stored = (await ports.meetings.between(panel.id, from, to)).map((m) => m.value);
  const plan = seriesFor(ports.catalogue, panel, from, to);
  if (plan) return { title, series: calendarSeries(plan, stored), meetings: [] };
  const byRule = new Map(stored.map((m) => [m.id, m]));
  const meetings = occurrencesBetween(ports.catalogue, panel.id, from, to).flatMap((o) => {
    const kept = byRule.get(o.date);
    if (kept?.status === "cancelled") return [];
    return [
      {
        uid: `${panel.id}-${o.date}@mace-panels`,
        start: kept?.start ?? o.start,
        end: kept?.end ?? o.end,
        note: kept?.note ?? null,
      },
    ];
  });
  return { title, series: null, meetings };
}
