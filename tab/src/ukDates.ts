// Dates as people in the UK write them, day first (04/03/2027 is 4 March 2027), whatever language
// the browser is set to; the service is sent the ISO day (2027-03-04).

const UK = /^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const two = (n: number) => String(n).padStart(2, "0");

/** The parts of what was typed, day first (or an ISO day pasted in), before checking it is a real day. */
function partsOf(text: string): { day: number; month: number; year: number } | null {
  const uk = UK.exec(text);
  if (uk) return { day: Number(uk[1]), month: Number(uk[2]), year: Number(uk[3]) };
  const iso = ISO.exec(text);
  if (iso) return { day: Number(iso[3]), month: Number(iso[2]), year: Number(iso[1]) };
  return null;
}

/** The day typed, as a local date at midnight; null when it is not a day of the calendar. */
export function parseUkDate(text: string): Date | null {
  const parts = partsOf(text);
  if (!parts) return null;
  const { day, month, year } = parts;
  const date = new Date(year, month - 1, day);
  // 31/02 rolls over into March: a day that comes back different was never in the month.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** 4 March 2027 as 04/03/2027. */
export function formatUkDate(date: Date): string {
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** The ISO day the service takes: 2027-03-04. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** An ISO day as a local date; null for an empty or malformed one. */
export function dateOfIsoDay(iso: string): Date | null {
  return ISO.test(iso) ? parseUkDate(iso) : null;
}

/** Why what was typed is not a date, in words that say how to put it right. */
export function dateProblem(text: string): string {
  const parts = partsOf(text);
  const example = "Type it as day/month/year, for example 04/03/2027.";
  if (!parts) return `"${text.trim()}" is not a date. ${example}`;
  const month = MONTHS[parts.month - 1];
  if (!month) return `There is no month ${parts.month}: the month comes second. ${example}`;
  return `${month} ${parts.year} has no day ${parts.day}. Check the date and type it again.`;
}

/** An ISO day as the tab shows it: "4 Mar 2027", or with the month in full, "4 March 2027". */
export const dayShown = (day: string, month: "short" | "long" = "short"): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month,
    year: "numeric",
    timeZone: "UTC",
  });
