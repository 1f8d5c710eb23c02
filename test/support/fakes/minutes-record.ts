import type { MinutesRecordStore } from "../../../bot/src/application/minutes/minutes-ports.js";
import { ItemNote, MinutesAgreement } from "../../../bot/src/domain/minutes/record.js";
import type { MeetingNoteSteps } from "./casework.js";
import { Calls, FakeTable, insertRow, keyOf, replaceRow } from "./records.js";

// The meeting's notes and minutes' agreement in memory, keyed as minutes-records.ts keys them in
// the meeting's partition of the Agendas table.

const partition = (panelId: string, meetingId: string) => keyOf(`${panelId}|${meetingId}`);
const noteRow = (itemKey: string) => `note|${keyOf(itemKey)}`;

export function fakeMinutesRecord(
  now: () => Date,
): MinutesRecordStore & { calls: Calls; meetingNotes: MeetingNoteSteps } {
  const table = new FakeTable(now);
  const calls = new Calls();
  return {
    calls,
    // What retention does to a meeting's note through the casework unit, as the adapter does.
    meetingNotes: {
      remove: (n) => {
        const pk = partition(n.panelId, n.meetingId);
        if (table.get(pk, noteRow(n.itemKey))) table.transact([{ op: "delete", pk, rk: noteRow(n.itemKey) }]);
      },
      replace: (n, by) => {
        table.write({
          op: "upsert",
          pk: partition(n.panelId, n.meetingId),
          rk: noteRow(n.itemKey),
          value: ItemNote.parse(n),
          by,
        });
      },
    },
    async notes(panelId, meetingId) {
      calls.count("notes");
      return table.list<ItemNote>(partition(panelId, meetingId), (rk) => rk.startsWith("note|"));
    },
    async saveNote(note, etag, by) {
      calls.count("saveNote");
      const w = {
        pk: partition(note.panelId, note.meetingId),
        rk: noteRow(note.itemKey),
        value: ItemNote.parse(note),
        by,
      };
      return etag
        ? replaceRow<ItemNote>(table, "Agendas", { ...w, etag })
        : insertRow<ItemNote>(table, "Agendas", w);
    },
    async agreement(panelId, meetingId) {
      calls.count("agreement");
      return table.get<MinutesAgreement>(partition(panelId, meetingId), "minutes-agreement");
    },
    async saveAgreement(a, etag, by) {
      calls.count("saveAgreement");
      const w = {
        pk: partition(a.panelId, a.meetingId),
        rk: "minutes-agreement",
        value: MinutesAgreement.parse(a),
        by,
      };
      return etag
        ? replaceRow<MinutesAgreement>(table, "Agendas", { ...w, etag })
        : insertRow<MinutesAgreement>(table, "Agendas", w);
    },
  };
}
