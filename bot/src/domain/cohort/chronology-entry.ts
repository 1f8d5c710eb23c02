// One entry of a subject's case history, as every kind of record contributes it (chronology.ts).

export type ChronologyKind =
  | "referral"
  | "transfer-in"
  | "approval"
  | "question"
  | "answer"
  | "triage"
  | "note"
  | "decision"
  | "thresholding"
  | "transfer-out"
  | "case-opened"
  | "action"
  | "link-added"
  | "link-ended"
  | "case-closed";

export interface ChronologyDetail {
  label: string;
  text: string;
}

export interface ChronologyEntry {
  /** When it happened (ISO 8601). */
  at: string;
  kind: ChronologyKind;
  panelId: string;
  panelName: string;
  /** The record it is about: the referral's, the case's or the action's reference; for a link, the other subject's. */
  reference: string;
  /** What happened, in a line. */
  title: string;
  /** Who did it, with their agency where the record keeps it. */
  by: string | null;
  details: ChronologyDetail[];
  /** A link's other subject, whose own history can be opened from here. */
  otherSubjectId?: string;
}

/** How the record's identifiers read: from the catalogue and the directory. */
export interface ChronologyNames {
  panel(id: string): string;
  agency(id: string): string;
  /** A risk level's label on the scale of the panel's area. */
  risk(panelId: string, level: string): string;
  /** A person's name, when the directory still has them. */
  person(id: string): string | undefined;
}

/** A detail line, only when the record has the text. */
export const detail = (label: string, text: string | null | undefined): ChronologyDetail[] =>
  text ? [{ label, text }] : [];
