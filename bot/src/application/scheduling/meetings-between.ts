import type { Meeting } from "../../domain/schedule/meeting.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
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

/** The panel's meetings from `from` to `to`: as recorded once in Teams, otherwise as the rule gives them. */
export async function meetingsBetween(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings">,
  panelId: string,
  from: string,
  to: string,
): Promise<MeetingView[]> {
  const panel = schedulingPanel(ports, panelId);
  const [series, stored] = await Promise.all([
    ports.meetings.seriesOf(panelId),
    ports.meetings.between(panelId, from, to),
  ]);
  const inSeries = (date: string) =>
    series?.value.seriesId ? date >= series.value.from && date <= series.value.to : false;
  const planned = occurrencesBetween(ports.catalogue, panel.id, from, to)
    .filter((o) => !inSeries(o.date))
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
