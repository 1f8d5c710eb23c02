import type { TransactionAction } from "@azure/data-tables";
import type { CaseNoteRecords, CaseNoteWrites } from "../../application/ports/case-notes.js";
import { CaseNote, type ItemNote } from "../../domain/minutes/record.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { noteStore } from "./minutes-records.js";
import { TABLES, type TableFactory } from "./storage.js";

// A case's notes under its subject in the area's partition of AreaRecords
// (`case-note|<subject>|<panel>|<meeting>`), so the subject's record reads them in one key range
// beside its decisions and actions. The note itself lives in its meeting's partition of the Agendas
// table, another table, so retention's change to it cannot share the area's transaction: it is
// made just before the unit commits, and the subject's copy, which is what finds it, goes with the
// unit. A run stopped between the two finds the copy again and does the same again.

export const caseNoteRow = (n: Pick<CaseNote, "subjectId" | "panelId" | "meetingId">): string =>
  `case-note|${n.subjectId}|${n.panelId}|${n.meetingId}`;
const notesOf = (subjectId: string): string => `case-note|${subjectId}|`;

export const caseNoteCopies = (tables: TableFactory) =>
  new EntityStore(tables(TABLES.areaRecords), CaseNote, (n) => ({
    partitionKey: keyOf(n.areaId),
    rowKey: caseNoteRow(n),
  }));

const meetingNote = ({ areaId: _a, subjectId: _s, ...note }: CaseNote): ItemNote => note;

export function caseNoteTables(tables: TableFactory) {
  const copies = caseNoteCopies(tables);
  const notes = noteStore(tables);
  const records: CaseNoteRecords = {
    async subjectNotes(areaId, subjectId) {
      const found = await copies.listRange(keyOf(areaId), notesOf(subjectId));
      return found
        .map((n) => n.value)
        .sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.panelId.localeCompare(b.panelId));
    },
  };
  /** A unit's writes: its rows in the area's transaction, and the meeting's note before it commits. */
  const writes = (
    add: (actions: TransactionAction[]) => void,
    first: (step: () => Promise<void>) => void,
    by: string,
  ): CaseNoteWrites => ({
    putCaseNote: (n) => add([copies.upsertAction(n, by)]),
    removeCaseNote: (n) => {
      first(async () => {
        const { partitionKey, rowKey } = notes.keys(meetingNote(n));
        try {
          await notes.client.deleteEntity(partitionKey, rowKey);
        } catch (e) {
          if (!isStatus(e, 404)) throw e;
        }
      });
      add([copies.deleteAction(n)]);
    },
    replaceCaseNote: (n) => {
      first(() => notes.upsert(meetingNote(n), by));
      add([copies.upsertAction(n, by)]);
    },
  });
  return { records, writes };
}
