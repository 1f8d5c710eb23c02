import type { CaseNote } from "../../domain/minutes/record.js";

// A case's notes seen from its subject: each note of a meeting's discussion of the case is kept
// under the subject in the area's casework too, so the subject's record finds them in one key
// range. The note itself stays in its meeting's partition; retention's changes reach both.

export interface CaseNoteRecords {
  /** Every note about the subject, on every panel, oldest meeting first. */
  subjectNotes(areaId: string, subjectId: string): Promise<CaseNote[]>;
}

export interface CaseNoteWrites {
  /** The subject's copy of a note, written whatever was there: a correction writes it again. */
  putCaseNote(n: CaseNote): void;
  /** The note in its meeting's partition and its subject's copy: gone before the unit's other rows commit. */
  removeCaseNote(n: CaseNote): void;
  /** The note and its copy replaced (anonymised), the note before the unit's other rows commit. */
  replaceCaseNote(n: CaseNote): void;
}
