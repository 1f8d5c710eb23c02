import { DateTime } from "luxon";

/** "Thursday 3 December 2026", for a YYYY-MM-DD date in a card. */
export const longDate = (isoDate: string): string => DateTime.fromISO(isoDate).toFormat("cccc d LLLL yyyy");
