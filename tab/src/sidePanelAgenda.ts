import type { AgendaResponse, AgendaSubject } from "./api.js";
import { clockTime } from "./meetingNow.js";

// The side panel's agenda: one row per case slot, or per item; and which row's cases the
// coordinator records decisions and actions on. A discussion runs past its time as often as not,
// so the clock only offers a case once its time has come and never takes one away: its forms stay
// until the next case's time comes or the coordinator chooses another, and a form being filled in
// stays until it is saved or cancelled.

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
 * The row whose cases take decisions by the clock: the latest to have started that has cases, so
 * a case running past its slot, a section past its last slot and the meeting past its end keep
 * their forms. None before the first case's time, so nothing is recorded before it is discussed.
 */
export function decidingRow(rows: Row[], now: number): Row | undefined {
  return rows.filter((r) => r.subjects.length && Date.parse(r.start) <= now).at(-1);
}

/** The rows the coordinator may choose to record decisions on instead: those with cases. */
export const rowsWithCases = (rows: Row[]): Row[] => rows.filter((r) => r.subjects.length);

/** A row as a choice: its start, its cases by reference and its title, the most telling first. */
export function rowName(row: Row): string {
  const [first, second, ...more] = row.subjects.map((s) => s.reference);
  const cases = more.length
    ? `${first}, ${second} and ${more.length} more`
    : [first, second].filter(Boolean).join(", ");
  return `${clockTime(row.start)} ${cases}: ${row.title}`;
}

/**
 * The cases whose decision forms show: the deciding row's, then any other whose form is being
 * filled in, so moving on (by the clock or by choice) never loses what was typed.
 */
export function decisionCases(
  row: Row | undefined,
  editing: AgendaSubject[],
): { current: AgendaSubject[]; earlier: AgendaSubject[] } {
  const current = row?.subjects ?? [];
  return { current, earlier: editing.filter((e) => !current.some((c) => c.subjectId === e.subjectId)) };
}
