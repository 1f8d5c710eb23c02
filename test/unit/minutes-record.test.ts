import assert from "node:assert/strict";
import {
  AgreementInput,
  agreementWindow,
  minutesStatus,
  NoteInput,
  noteWindow,
  type MinutesAgreement,
} from "../../bot/src/domain/minutes/record.js";

// The rules of the meeting's record: when notes are taken and corrected, when the previous
// meeting's minutes are agreed, and what the minutes say of themselves at each step.

const agreement: MinutesAgreement = {
  panelId: "havering-mace",
  meetingId: "2027-01-11",
  agreedAt: "2027-02-08",
  agreedById: "coordinator",
  agreedByName: "Jo Invented",
  at: "2027-02-08T11:00:00.000Z",
  correction: "",
  circulation: null,
};

describe("The meeting's record", () => {
  it("notes are taken on the meeting's day, corrected after it until the minutes are agreed, never before it", () => {
    assert.deepEqual(noteWindow("2027-01-11", "2027-01-11", false), { open: "record", why: null });
    assert.deepEqual(noteWindow("2027-01-11", "2027-01-20", false), { open: "correct", why: null });
    assert.deepEqual(noteWindow("2027-01-11", "2027-01-04", false), {
      open: "closed",
      why: "Notes are taken at the meeting, on its day (11 January 2027).",
    });
    assert.equal(noteWindow("2027-01-11", "2027-01-11", true).open, "closed");
  });

  it("the previous minutes are agreed at the next meeting, on its day, once; the first meeting has none", () => {
    assert.deepEqual(agreementWindow("2027-02-08", "2027-01-11", "2027-02-08", undefined), {
      open: true,
      why: null,
    });
    assert.deepEqual(agreementWindow("2027-02-08", "2027-01-11", "2027-02-01", undefined), {
      open: false,
      why: "The minutes of 11 January 2027 are agreed at this meeting, on its day (8 February 2027).",
    });
    assert.equal(agreementWindow("2027-02-08", "2027-01-11", "2027-02-08", agreement).open, false);
    assert.equal(agreementWindow("2026-01-12", null, "2026-01-12", undefined).open, false);
  });

  it("a draft says when it is agreed; Havering's agreed minutes wait for a chair before going to the agencies", () => {
    assert.deepEqual(minutesStatus(undefined, "with-chairs-agreement", "2027-02-08"), {
      state: "draft",
      words: "Draft: awaiting agreement at the panel's next meeting, on 8 February 2027.",
      exportable: false,
    });
    assert.equal(minutesStatus(agreement, "with-chairs-agreement", null).state, "awaiting-chair");
    assert.deepEqual(
      minutesStatus(
        {
          ...agreement,
          correction: "Item 4 named the wrong school.",
          circulation: { chairId: "c", chairName: "Sam Invented", on: "2027-02-10" },
        },
        "with-chairs-agreement",
        null,
      ),
      {
        state: "agreed",
        words:
          "Agreed at the meeting on 8 February 2027, recorded by Jo Invented. Correction noted: Item 4 named the wrong school. Circulation agreed by Sam Invented (chair) on 10 February 2027.",
        exportable: true,
      },
    );
    assert.equal(minutesStatus(agreement, "on-agreement", null).exportable, true);
  });

  it("a note is a few sentences, trimmed; an empty or overlong one is refused in words", () => {
    assert.equal(
      NoteInput.parse({ text: "  Agreed to share the plan.  " }).text,
      "Agreed to share the plan.",
    );
    const empty = NoteInput.safeParse({ text: "   " });
    assert.equal(
      empty.error?.issues[0]?.message,
      "Write the note of the discussion, or leave the item without one.",
    );
    assert.equal(NoteInput.safeParse({ text: "x".repeat(2001) }).success, false);
    assert.deepEqual(AgreementInput.parse({}), { correction: "" });
  });
});
