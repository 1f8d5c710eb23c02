import assert from "node:assert/strict";
import type { AgendaEntry, AgendaResponse, AgendaSlot } from "../../tab/src/api.js";
import { NO_CHOICE } from "../../bot/src/domain/agenda/due-cases.js";
import { positionIn } from "../../tab/src/meetingNow.js";
import { agendaRows, decidingRow } from "../../tab/src/sidePanelAgenda.js";

// The agenda in the meeting's side panel: every section's cases shown, those listed without a
// slot too, and the decision forms only for the item under way.

const DAY = "2027-09-02";
const at = (time: string) => Date.parse(`${DAY}T${time}:00+01:00`);
const time = (t: string) => `${DAY}T${t}:00+01:00`;

function entry(title: string, start: string, end: string, parts: Partial<AgendaEntry> = {}): AgendaEntry {
  return {
    kind: "section",
    id: null,
    title,
    lead: "Chair",
    note: null,
    statements: [],
    start: time(start),
    end: time(end),
    minutes: 10,
    slots: [],
    listed: [],
    ...parts,
  };
}

const slot = (start: string, end: string, reference: string): AgendaSlot =>
  ({
    start: time(start),
    end: time(end),
    minutes: 10,
    subjects: [{ subjectId: `subject-${reference}`, reference, label: null }],
  }) as AgendaSlot;

// Only the entries matter to the side panel's rows.
const agenda = {
  entries: [
    entry("1. Welcome and apologies", "10:00", "10:10", { kind: "item" }),
    entry("2. Children discussed in full", "10:10", "10:30", {
      slots: [slot("10:10", "10:20", "STA-2027-0101"), slot("10:20", "10:30", "STA-2027-0102")],
    }),
    entry("3. Children who remain considered without full discussion", "10:30", "10:35", {
      listed: [
        {
          subjectId: "subject-STA-2027-0103",
          reference: "STA-2027-0103",
          label: "Robin Invented-Listed",
          rationale: "Plans are having impact",
          choice: { ...NO_CHOICE, category: 3 },
        },
      ],
    }),
  ],
} as AgendaResponse;

describe("The agenda in the meeting's side panel", () => {
  const rows = agendaRows(agenda);

  it("shows a section's listed cases, which take no slot, under the section with its time", () => {
    assert.deepEqual(
      rows.map((r) => [r.title, r.subjects.map((s) => s.reference)]),
      [
        ["1. Welcome and apologies", []],
        ["2. Children discussed in full", ["STA-2027-0101"]],
        ["2. Children discussed in full", ["STA-2027-0102"]],
        ["3. Children who remain considered without full discussion", ["STA-2027-0103"]],
      ],
    );
    assert.deepEqual(rows[3]?.subjects, [
      { subjectId: "subject-STA-2027-0103", reference: "STA-2027-0103", label: "Robin Invented-Listed" },
    ]);
    assert.equal(rows[3]?.start, time("10:30"));
  });

  it("gives the decision forms for the case under way, and for listed cases while their section is", () => {
    assert.equal(decidingRow(rows, positionIn(rows, at("10:12")))?.subjects[0]?.reference, "STA-2027-0101");
    assert.equal(decidingRow(rows, positionIn(rows, at("10:25")))?.subjects[0]?.reference, "STA-2027-0102");
    assert.equal(decidingRow(rows, positionIn(rows, at("10:31")))?.subjects[0]?.reference, "STA-2027-0103");
  });

  it("gives none before a case starts: not for the next case before the meeting, nor during an item without cases", () => {
    const starts = agendaRows({ entries: agenda.entries.slice(1) } as AgendaResponse);
    // Before the meeting, its first case is next, not under way.
    assert.deepEqual(positionIn(starts, at("09:50")), { index: 0, state: "next" });
    assert.equal(decidingRow(starts, positionIn(starts, at("09:50"))), undefined);
    assert.equal(decidingRow(rows, positionIn(rows, at("10:05"))), undefined);
    // After the last item, nothing is under way.
    assert.equal(decidingRow(rows, positionIn(rows, at("10:40"))), undefined);
  });
});
