// Where a meeting has got to, by its agenda's times: the item whose time covers now, else the next
// one to start; before the meeting, its first item comes next; after its last, none.

export interface Timed {
  start: string;
  end: string;
}

export interface Position {
  index: number;
  /** "now": under way; "next": the next to start (before the meeting, or between items). */
  state: "now" | "next";
}

export function positionIn(items: Timed[], now: number): Position | null {
  const under = items.findIndex((i) => Date.parse(i.start) <= now && now < Date.parse(i.end));
  if (under >= 0) return { index: under, state: "now" };
  const next = items.findIndex((i) => Date.parse(i.start) > now);
  return next >= 0 ? { index: next, state: "next" } : null;
}

/** "09:40" in the meeting's own (UK) time. */
export const clockTime = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

/** "09:40 to 09:50". */
export const timeSpan = (i: Timed): string => `${clockTime(i.start)} to ${clockTime(i.end)}`;

/**
 * The service's time, going on from what it said when last asked: a device's clock can be wrong,
 * and the meeting's items are timed by the service's.
 */
export function serviceClock(serviceNow: string): () => number {
  const offset = Date.parse(serviceNow) - Date.now();
  return () => Date.now() + offset;
}
