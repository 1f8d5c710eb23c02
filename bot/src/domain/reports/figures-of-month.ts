import { cohortFigures } from "./cohort-figures.js";
import { meetingFigures } from "./meeting-figures.js";
import type { MonthRecord } from "./month-record.js";
import { MonthFigures } from "./month-figures.js";
import { referralFigures } from "./referral-figures.js";

// One panel's figures for one month, from the part of its record the month touches: the same
// record gives the same figures, so a month can be worked out again at any time.

export function figuresOfMonth(record: MonthRecord): MonthFigures {
  return MonthFigures.parse({
    areaId: record.panel.areaId,
    panelId: record.panel.id,
    month: record.month,
    builtAt: record.builtAt,
    ...referralFigures(record),
    ...cohortFigures(record),
    ...meetingFigures(record),
  });
}

/**
 * Whether a month's figures can still change as the record moves on: referrals still waiting for
 * the coordinator or for their first discussion, and actions not yet done.
 */
export function stillChanging(f: MonthFigures): boolean {
  const outcome = f.referrals.byOutcome;
  return (
    (outcome["waiting"] ?? 0) > 0 ||
    (outcome["more-information"] ?? 0) > 0 ||
    f.referrals.notYetDiscussed > 0 ||
    Object.values(f.actions.byAgency).some((a) => a.open + a.overdue > 0)
  );
}
