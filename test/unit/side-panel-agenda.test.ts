import assert from "node:assert/strict";
import type { AgendaEntry, AgendaResponse, AgendaSlot } from "../../tab/src/api.js";
import { NO_CHOICE } from "../../bot/src/domain/agenda/due-cases.js";
import { positionIn } from "../../tab/src/meetingNow.js";
import { agendaRows, decidingRow, decisionCases, rowName, type Row } from "../../tab/src/sidePanelAgenda.js";

// The agenda in the meeting's side panel: every section's cases shown, those listed without a
// slot too; the decision forms for the latest case whose time has come, kept while the discussion
// runs past its time, and any form being filled in kept as the forms move on.

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

const subject = (reference: string) => ({ subjectId: `subject-${reference}`, reference, label: null });
const slot = (start: string, end: string, reference: string): AgendaSlot =>
  ({ start: time(start), end: time(end), minutes: 10, subjects: [subject(reference)] }) as AgendaSlot;

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
    assert.equal(decidingRow(rows, at("10:12"))?.subjects[0]?.reference, "STA-2027-0101");
    assert.equal(decidingRow(rows, at("10:25"))?.subjects[0]?.reference, "STA-2027-0102");
    assert.equal(decidingRow(rows, at("10:31"))?.subjects[0]?.reference, "STA-2027-0103");
  });

  it("gives none before the first case's time: not before the meeting, nor during the item before it", () => {
    const starts = agendaRows({ entries: agenda.entries.slice(1) } as AgendaResponse);
    // Before the meeting, its first case is next, not under way.
    assert.deepEqual(positionIn(starts, at("09:50")), { index: 0, state: "next" });
    assert.equal(decidingRow(starts, at("09:50")), undefined);
    assert.equal(decidingRow(rows, at("10:05")), undefined);
    assert.equal(decidingRow(rows, at("10:09") + 59_999), undefined);
    assert.equal(decidingRow(rows, at("10:10"))?.subjects[0]?.reference, "STA-2027-0101");
  });

  describe("when the discussion runs past the agenda's times", () => {
    // A section given 30 minutes whose two cases take 20, then any other business, with no cases.
    const running = agendaRows({
      entries: [
        entry("1. Welcome and apologies", "10:00", "10:10", { kind: "item" }),
        entry("2. Children discussed in full", "10:10", "10:40", {
          slots: [slot("10:10", "10:20", "STA-2027-0201"), slot("10:20", "10:30", "STA-2027-0202")],
        }),
        entry("3. Any other business", "10:40", "10:50", { kind: "item" }),
      ],
    } as AgendaResponse);
    const deciding = (t: number) => decidingRow(running, t)?.subjects.map((s) => s.reference);

    it("at a slot's end gives the next case, and keeps the form being filled in for the case before", () => {
      assert.deepEqual(deciding(at("10:20") - 1), ["STA-2027-0201"]);
      assert.deepEqual(deciding(at("10:20")), ["STA-2027-0202"]);
      const { current, earlier } = decisionCases(decidingRow(running, at("10:20")), [
        subject("STA-2027-0201"),
      ]);
      assert.deepEqual(
        [current.map((s) => s.reference), earlier.map((s) => s.reference)],
        [["STA-2027-0202"], ["STA-2027-0201"]],
      );
    });

    it("at the last slot's end, and in the rest of its section, keeps its case", () => {
      assert.deepEqual(deciding(at("10:30")), ["STA-2027-0202"]);
      // No row covers 10:35: the agenda shows any other business next, the forms stay on the case.
      assert.deepEqual(positionIn(running, at("10:35")), { index: 3, state: "next" });
      assert.deepEqual(deciding(at("10:35")), ["STA-2027-0202"]);
      // Nor does an item without cases take the forms away.
      assert.deepEqual(deciding(at("10:45")), ["STA-2027-0202"]);
    });

    it("after the meeting's last item has ended, keeps the last case", () => {
      assert.equal(positionIn(running, at("10:50")), null);
      assert.deepEqual(deciding(at("10:50")), ["STA-2027-0202"]);
      assert.deepEqual(deciding(at("12:00")), ["STA-2027-0202"]);
      assert.deepEqual(decidingRow(rows, at("10:40"))?.subjects[0]?.reference, "STA-2027-0103");
    });
  });

  it("shows a form being filled in once, under the item it belongs to when that is the one chosen", () => {
    const row = rows[1];
    const { current, earlier } = decisionCases(row, [subject("STA-2027-0101"), subject("STA-2027-0103")]);
    assert.deepEqual(
      current.map((s) => s.reference),
      ["STA-2027-0101"],
    );
    assert.deepEqual(
      earlier.map((s) => s.reference),
      ["STA-2027-0103"],
    );
    assert.deepEqual(decisionCases(undefined, []), { current: [], earlier: [] });
  });

  it("names an item to choose by its start, its cases and its title", () => {
    assert.equal(rowName(rows[1] as Row), "10:10 STA-2027-0101: 2. Children discussed in full");
    const many = {
      ...(rows[3] as Row),
      subjects: ["0103", "0104", "0105", "0106"].map((n) => subject(`STA-2027-${n}`)),
    };
    assert.equal(
      rowName(many),
      "10:30 STA-2027-0103, STA-2027-0104 and 2 more: 3. Children who remain considered without full discussion",
    );
  });
});
