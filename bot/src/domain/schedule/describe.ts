import { DateTime } from "luxon";
import type { Occurrence } from "./occurrences.js";

/** "Thursday 3 December 2026, 09:30 to 13:30" in the meeting's own (UK) time. */
export function describeOccurrence(o: Occurrence): string {
  const start = DateTime.fromISO(o.start, { setZone: true });
  const end = DateTime.fromISO(o.end, { setZone: true });
  return `${start.toFormat("cccc d LLLL yyyy, HH:mm")} to ${end.toFormat("HH:mm")}`;
}
