import assert from "node:assert/strict";
import type { CalendarOccurrence, TeamsCalendar } from "../../bot/src/application/ports/teams-calendar.js";
import { Refusal } from "../../bot/src/domain/refusal.js";
import { occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";
import type { FakePorts } from "./fakes/index.js";

// An organiser's Teams calendar as the scheduling use cases meet it, in memory: one series, with
// one join link for the series and each of its meetings.

/** A calendar holding one series, its meetings where the panel's rule puts them. */
export function seriesCalendar(
  ports: FakePorts,
  panelId: string,
  organiser: { id: string; name: string },
  joinUrl: string,
): TeamsCalendar {
  const unused = () => Promise.reject(new Error("not used by scheduling"));
  return {
    organiser: { id: organiser.id, name: organiser.name },
    createSeries: () => Promise.resolve({ seriesId: "series-1", joinUrl }),
    updateSeries: () => Promise.resolve({ joinUrl }),
    occurrences: (_id, from, to) =>
      Promise.resolve(
        occurrencesBetween(ports.catalogue, panelId, from, to).map((o): CalendarOccurrence => ({
          occurrenceId: `occurrence-${o.date}`,
          originalDate: o.date,
          start: o.start,
          end: o.end,
          joinUrl,
        })),
      ),
    moveOccurrence: () => Promise.resolve(),
    cancelOccurrence: () => Promise.resolve(),
    inviteToSlot: unused,
    withdrawSlotInvite: unused,
  };
}

/** Asserts a rejection is the product's refusal with this code (and message). */
export const refusal = (code: string, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code);
  if (message) assert.match(e.message, message);
  return true;
};
