import type { MinutesRecordStore } from "../../application/minutes/minutes-ports.js";
import { ItemNote, MinutesAgreement } from "../../domain/minutes/record.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// The meeting's notes and its minutes' agreement: in the meeting's own partition of the Agendas
// table, beside its agenda and sign-ins. The notes are one key range (`note|…`), the agreement one
// point read; each write is conditional on the version read.

const partitionOf = (panelId: string, meetingId: string): string => keyOf(`${panelId}|${meetingId}`);
const NOTES = "note|";
const AGREEMENT = "minutes-agreement";

/** The meetings' notes, each under its meeting's partition. */
export const noteStore = (tables: TableFactory) =>
  new EntityStore(tables(TABLES.agendas), ItemNote, (n) => ({
    partitionKey: partitionOf(n.panelId, n.meetingId),
    rowKey: `${NOTES}${keyOf(n.itemKey)}`,
  }));

export function minutesRecords(tables: TableFactory): MinutesRecordStore {
  const client = tables(TABLES.agendas);
  const notes = noteStore(tables);
  const agreements = new EntityStore(client, MinutesAgreement, (a) => ({
    partitionKey: partitionOf(a.panelId, a.meetingId),
    rowKey: AGREEMENT,
  }));
  return {
    notes: (panelId, meetingId) => notes.listRange(partitionOf(panelId, meetingId), NOTES),
    saveNote: (note, etag, by) => (etag ? notes.replace(note, etag, by) : notes.insert(note, by)),
    agreement: (panelId, meetingId) => agreements.get(partitionOf(panelId, meetingId), AGREEMENT),
    saveAgreement: (a, etag, by) => (etag ? agreements.replace(a, etag, by) : agreements.insert(a, by)),
  };
}
