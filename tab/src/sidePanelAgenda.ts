import type { AgendaResponse, AgendaSubject } from "./api.js";
import type { Position } from "./meetingNow.js";

// The side panel's agenda: one row per case slot, or per item; and which row's cases the
// coordinator records decisions and actions on.

/** An agenda row: an item, or one case slot of a section, with its time. */
export interface Row {
  key: string;
  title: string;
  start: string;
  end: string;
  subjects: AgendaSubject[];
}

export function agendaRows(agenda: AgendaResponse): Row[] {
  return agenda.entries.flatMap((e, n): Row[] =>
    e.slots.length
      ? e.slots.map((s, k) => ({
          key: `${n}-${k}`,
          title: e.title,
          start: s.start,
          end: s.end,
          subjects: s.subjects,
        }))
      : // A section whose cases are listed, not discussed, takes no slot: its cases show under it.
        [
          {
            key: `${n}`,
            title: e.title,
            start: e.start,
            end: e.end,
            subjects: e.listed.map(({ subjectId, reference, label }) => ({ subjectId, reference, label })),
          },
        ],
  );
}

/**
 * The row whose cases take decisions now: the one under way, if it has cases. The next item's
 * wait until it starts, so nothing is recorded against a case before it is discussed.
 */
export function decidingRow(rows: Row[], at: Position | null): Row | undefined {
  const row = at?.state === "now" ? rows[at.index] : undefined;
  return row?.subjects.length ? row : undefined;
}
