import { DateTime } from "luxon";
import { localDay } from "../schedule/dates.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { nextOccurrences, type Occurrence } from "../schedule/occurrences.js";

/** The referral's day in the panel's own time zone, YYYY-MM-DD. */
/**
 * The meeting a referral made at `at` goes to: the first whose deadline (so many days before it)
 * has not passed. Merton's deadline is a week: a referral six days before goes to the next one.
 */
export function meetingForReferral(catalogue: Catalogue, panelId: string, at: Date): Occurrence | undefined {
  const panel = catalogue.panels.get(panelId);
  const daysBefore = panel?.referralRules?.deadlineDaysBefore ?? 0;
  const day = localDay(at);
  return nextOccurrences(catalogue, panelId, at, 6).find(
    (o) => (DateTime.fromISO(o.date).minus({ days: daysBefore }).toISODate() ?? "") >= day,
  );
}
