import { odata, type TransactionAction } from "@azure/data-tables";
import { subjectOfNote } from "../../domain/minutes/record.js";
import { caseNoteCopies } from "./case-note-tables.js";
import { keyOf, prefixEnd } from "./entity-store.js";
import { noteStore } from "./minutes-records.js";
import type { TableFactory } from "./storage.js";

// Notes of a case's discussion taken before each was kept under its subject too
// (case-note-tables.ts) have no copy there, so the subject's record, its export and retention would
// not find them. Each is given its copy once per area at start-up: the notes of each of the area's
// panels are one range of its meetings' partitions (`<panel>|<meeting>`, rows `note|case…`), read
// once; a marker row makes later starts do nothing, and a start cut short does it again, the same.

const MARKER = "layout|case-notes";
const BATCH = 100;

export async function keepCaseNotesUnderSubjects(
  tables: TableFactory,
  areaId: string,
  panelIds: string[],
  progress: (message: string) => void,
): Promise<void> {
  const copies = caseNoteCopies(tables);
  const notes = noteStore(tables);
  const pk = keyOf(areaId);
  try {
    await copies.client.getEntity(pk, MARKER);
    return;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
  let done = 0;
  let batch: TransactionAction[] = [];
  const flush = async () => {
    if (batch.length) await copies.client.submitTransaction(batch);
    batch = [];
  };
  const rows = `note|${keyOf("case:")}`;
  for (const panelId of panelIds) {
    const meetings = keyOf(`${panelId}|`);
    const filter =
      odata`PartitionKey ge ${meetings} and PartitionKey lt ${prefixEnd(meetings)}` +
      odata` and RowKey ge ${rows} and RowKey lt ${prefixEnd(rows)}`;
    for await (const raw of notes.client.listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      const { value, updatedBy } = notes.fromEntity(raw);
      const subjectId = subjectOfNote(value.itemKey);
      if (!subjectId) continue;
      batch.push(copies.upsertAction({ ...value, areaId, subjectId }, updatedBy || "start-up"));
      if (batch.length === BATCH) await flush();
      done += 1;
    }
  }
  await flush();
  if (done) progress(`${areaId}: all ${done} case notes kept under their subjects`);
  await copies.client.upsertEntity({ partitionKey: pk, rowKey: MARKER, at: new Date().toISOString() });
}
