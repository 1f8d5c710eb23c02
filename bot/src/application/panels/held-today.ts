import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { MeetingStore } from "../ports/meetings.js";
import { meetingsHeldOn, type HeldMeeting } from "./meeting-days.js";

// The sign-in card's timer asks every panel, on every tick all day, which meetings it holds
// today. Each panel's answer is kept in this instance for the London day, a few minutes at most:
// a meeting moved or cancelled here is forgotten at once, and one moved on another instance is
// seen within the next tick or two, when the kept answer runs out.

/** How long a panel's meetings held today are kept: the timer ticks at most this far apart. */
export const HELD_TODAY_KEPT_MS = 5 * 60_000;

export interface HeldTodayCache {
  /** The panel's meetings held on `day` (today), kept from an earlier ask when still fresh. */
  held(
    ports: { catalogue: Catalogue; meetings: Pick<MeetingStore, "between">; now: () => Date },
    panelId: string,
    day: string,
  ): Promise<HeldMeeting[]>;
  /** A panel's meeting was moved or cancelled: its meetings are read afresh next time. */
  forget(panelId: string): void;
}

export function heldTodayCache(keptMs = HELD_TODAY_KEPT_MS): HeldTodayCache {
  const kept = new Map<string, { day: string; at: number; meetings: Promise<HeldMeeting[]> }>();
  return {
    held(ports, panelId, day) {
      const at = ports.now().getTime();
      const known = kept.get(panelId);
      if (known && known.day === day && at - known.at < keptMs) return known.meetings;
      const meetings = meetingsHeldOn(ports, panelId, day);
      const entry = { day, at, meetings };
      kept.set(panelId, entry);
      // A read that failed is not kept: the next tick reads again.
      meetings.catch(() => kept.get(panelId) === entry && kept.delete(panelId));
      return meetings;
    },
    forget(panelId) {
      kept.delete(panelId);
    },
  };
}
