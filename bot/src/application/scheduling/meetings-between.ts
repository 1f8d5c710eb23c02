import type { Meeting } from "../../domain/schedule/meeting.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { addDays } from "../../domain/schedule/dates.js";
import { MOVED_AT_MOST_DAYS } from "../panels/meeting-days.js";
import type { Versioned } from "../ports/versioned.js";
import { schedulingPanel, type SchedulingPorts } from "./scheduling-ports.js";

export interface MeetingView {
  id: string;
  date: string;
  start: string;
  end: string;
  description: string;
  /** planned: the rule gives it but it is not in Teams calendars yet. */
  status: "planned" | Meeting["status"];
  joinUrl: string | null;
  note: string | null;
  version: string | null;
}

export function meetingView(stored: Versioned<Meeting>): MeetingView {
  const m = stored.value;
  return {
    id: m.id,
    date: m.date,
    start: m.start,
    end: m.end,
    description: describeOccurrence({ panelId: m.panelId, date: m.date, start: m.start, end: m.end }),
    status: m.status,
    joinUrl: m.status === "cancelled" ? null : m.joinUrl,
    note: m.note,
    version: stored.etag,
  };
}

/**
 * The panel's meetings held from `from` to `to`: as recorded once in Teams (a moved one by the day
 * it moved to), otherwise as the rule gives them.
 */
export async function meetingsBetween(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings">,
  panelId: string,
  from: string,
  to: string,
): Promise<MeetingView[]> {
  const panel = schedulingPanel(ports, panelId);
  const [series, around] = await Promise.all([
    ports.meetings.seriesOf(panelId),
    ports.meetings.between(panelId, addDays(from, -MOVED_AT_MOST_DAYS), addDays(to, MOVED_AT_MOST_DAYS)),
  ]);
  const stored = around.filter((m) => m.value.date >= from && m.value.date <= to);
  const inSeries = (date: string) =>
    series?.value.seriesId ? date >= series.value.from && date <= series.value.to : false;
  const planned = occurrencesBetween(ports.catalogue, panel.id, from, to)
    .filter((o) => !inSeries(o.date) && !around.some((m) => m.value.id === o.date))
    .map((o) => ({
      id: o.date,
      date: o.date,
      start: o.start,
      end: o.end,
      description: describeOccurrence(o),
      status: "planned" as const,
      joinUrl: null,
      note: null,
      version: null,
    }));
  return [...stored.map(meetingView), ...planned].sort((a, b) => a.start.localeCompare(b.start));
}
