import { DateTime } from "luxon";
import type { Meeting } from "../../domain/schedule/meeting.js";
import { occurrenceOn } from "../../domain/schedule/occurrences.js";
import type { SeriesPlan } from "../../domain/schedule/series.js";
import type { TeamsCalendar } from "../ports/teams-calendar.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { LONDON, longDay, refuse, type PanelInArea, type SchedulingPorts } from "./scheduling-ports.js";

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

/** Where the bank holiday policy puts each date the rule gives: moved, skipped, or as it is. */
function byRule(plan: SeriesPlan) {
  const dates = new Map<string, { date: string; cancelled: boolean; note: string | null }>();
  for (const m of plan.moved)
    dates.set(m.original, {
      date: m.date,
      cancelled: false,
      note: `Moved from ${longDay(m.original)}, a bank holiday`,
    });
  for (const d of plan.skipped) dates.set(d, { date: d, cancelled: true, note: "Not held: bank holiday" });
  return dates;
}

/**
 * Brings each occurrence in the calendar to the date the product holds for it (the bank holiday
 * policy, then any coordinator's move or cancellation), then records every meeting.
 */
export async function reconcileMeetings(
  ports: Pick<SchedulingPorts, "meetings" | "now" | "heldToday">,
  panel: PanelInArea,
  plan: SeriesPlan,
  seriesId: string,
  calendar: TeamsCalendar,
  from: string,
  to: string,
): Promise<void> {
  const rules = byRule(plan);
  const held = await ports.meetings.between(panel.id, from, to);
  const stored = new Map(held.map((m) => [m.value.id, m.value]));
  const versions = new Map(held.map((m) => [m.value.id, m.etag]));
  const occurrences = await calendar.occurrences(seriesId, from, to);
  const now = ports.now();
  const rows: Meeting[] = [];
  for (const o of occurrences) {
    const before = stored.get(o.originalDate);
    const rule = rules.get(o.originalDate);
    const target =
      before?.setBy === "coordinator"
        ? {
            start: before.start,
            end: before.end,
            cancelled: before.status === "cancelled",
            note: before.note,
            setBy: "coordinator" as const,
          }
        : {
            ...occurrenceOn(panel, rule?.date ?? o.originalDate),
            cancelled: rule?.cancelled ?? false,
            note: rule?.note ?? null,
            setBy: "rule" as const,
          };
    // Meetings already held are left as they were.
    if (new Date(o.end) > now) {
      if (target.cancelled) await calendar.cancelOccurrence(o.occurrenceId, target.note ?? "Cancelled");
      else if (!sameInstant(o.start, target.start) || !sameInstant(o.end, target.end))
        await calendar.moveOccurrence(o.occurrenceId, target.start, target.end);
    }
    const date =
      DateTime.fromISO(target.start, { setZone: true }).setZone(LONDON).toISODate() ?? o.originalDate;
    rows.push({
      panelId: panel.id,
      id: o.originalDate,
      date,
      start: target.start,
      end: target.end,
      status: target.cancelled ? "cancelled" : date !== o.originalDate || target.note ? "moved" : "scheduled",
      joinUrl: o.joinUrl,
      occurrenceId: o.occurrenceId,
      note: target.note,
      setBy: target.setBy,
    });
  }
  // A meeting the calendar no longer lists was cancelled: by a coordinator here (kept as it is),
  // or by the organiser in Outlook (recorded as cancelled).
  for (const before of stored.values()) {
    if (rows.some((r) => r.id === before.id)) continue;
    rows.push(
      before.status === "cancelled"
        ? before
        : {
            ...before,
            status: "cancelled",
            joinUrl: null,
            note: "Cancelled in the organiser's calendar",
            setBy: "coordinator",
          },
    );
  }
  try {
    await ports.meetings.saveAll(
      rows.map((value) => ({ value, etag: versions.get(value.id) })),
      "schedule",
    );
    ports.heldToday?.forget(panel.id);
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    throw refuse(
      "conflict",
      "changed-while-scheduling",
      "A meeting was changed while the panel was being scheduled. Schedule it again to bring everything up to date.",
    );
  }
}
