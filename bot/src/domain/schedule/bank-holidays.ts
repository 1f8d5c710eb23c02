import Holidays from "date-holidays";
import { addDays } from "./dates.js";

// Bank holidays in England, substitute days included, from a maintained holiday data library
// rather than a hand-typed list that would need editing every year.

const england = new Holidays("GB", "ENG");
const byYear = new Map<number, Set<string>>();

function holidaysIn(year: number): Set<string> {
  let found = byYear.get(year);
  if (!found) {
    found = new Set(
      england
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, found);
  }
  return found;
}

/** True for a bank holiday in England (YYYY-MM-DD). */
export const isBankHoliday = (isoDate: string): boolean =>
  holidaysIn(Number(isoDate.slice(0, 4))).has(isoDate);

const weekday = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/** Monday to Friday and not a bank holiday. */
export const isWorkingDay = (isoDate: string): boolean => {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !isBankHoliday(isoDate);
};

/** The first working day on or after `isoDate`. */
export function nextWorkingDay(isoDate: string): string {
  let date = isoDate;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/** The last working day on or before `isoDate`. */
export function previousWorkingDay(isoDate: string): string {
  let date = isoDate;
  while (!isWorkingDay(date)) date = addDays(date, -1);
  return date;
}

/** `count` working days after `isoDate` (before it, when negative), weekends and bank holidays skipped. */
export function addWorkingDays(isoDate: string, count: number): string {
  let date = isoDate;
  for (let left = Math.abs(count); left > 0;) {
    date = addDays(date, Math.sign(count));
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}
