import { z } from "zod";
import { PersonName } from "../people/membership.js";
import { dayInWords } from "../schedule/dates.js";

// The meeting's record beyond its decisions: a short note of each agenda item's discussion, and
// the minutes' agreement. Minutes start as a draft; the panel agrees them at its next meeting,
// under "minutes and outstanding actions" (001, 002, 004). Where the terms of reference say the
// minutes go outside the panel only with the chairs' agreement (002 review and sign-off, 004
// confidentiality), a chair of the panel also agrees to their circulation, between meetings.

/** An agenda item a note is kept against: a case (`case:<subject>`) or a fixed item (`item:<id>`). */
export const ItemKey = z.string().regex(/^(case|item):[A-Za-z0-9-]{1,64}$/, "name a case or an agenda item");
export type ItemKey = z.infer<typeof ItemKey>;

export const caseKey = (subjectId: string): string => `case:${subjectId}`;
export const itemKeyOf = (id: string): string => `item:${id}`;

export const NOTE_MAX = 2000;

export const ItemNote = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  itemKey: ItemKey,
  /** The case's reference, for the audit of reads; null for a fixed item. */
  reference: z.string().max(20).nullable(),
  text: z.string().min(1).max(NOTE_MAX),
  recordedById: z.string().max(64),
  recordedByName: PersonName,
  at: z.iso.datetime(),
  /** When it was first taken, at the meeting; notes stored before this was kept have only `at`. */
  takenAt: z.iso.datetime().optional(),
  /** How many times it was corrected after it was first written. */
  corrections: z.number().int().min(0).max(10_000),
});
export type ItemNote = z.infer<typeof ItemNote>;

/**
 * A case's note kept under its subject too, in the area's casework, so that the subject's record
 * (its history, a subject access export, retention) finds every note about it in one key range.
 */
export const CaseNote = ItemNote.extend({
  areaId: z.string().max(80),
  subjectId: z.string().max(64),
});
export type CaseNote = z.infer<typeof CaseNote>;

/** The subject a note is about; null for a fixed item's note. */
export const subjectOfNote = (itemKey: string): string | null =>
  itemKey.startsWith("case:") ? itemKey.slice("case:".length) : null;

/** What the coordinator sends: the note's text, a few sentences. */
export const NoteInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "Write the note of the discussion, or leave the item without one.")
    .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters: the minutes hold a short note of each item.`),
});
export type NoteInput = z.infer<typeof NoteInput>;

export const ChairsCirculation = z.strictObject({
  chairId: z.string().max(64),
  chairName: PersonName,
  /** The day the chair agreed, in UK time. */
  on: z.iso.date(),
});

export const MinutesAgreement = z.strictObject({
  panelId: z.string().max(80),
  /** The meeting whose minutes were agreed. */
  meetingId: z.iso.date(),
  /** The meeting that agreed them: the panel's next. */
  agreedAt: z.iso.date(),
  agreedById: z.string().max(64),
  agreedByName: PersonName,
  at: z.iso.datetime(),
  /** A correction the panel asked for when agreeing them; empty for none. */
  correction: z.string().max(1000),
  /** Where the terms of reference ask for it, the chair's agreement to circulate them. */
  circulation: ChairsCirculation.nullable(),
});
export type MinutesAgreement = z.infer<typeof MinutesAgreement>;

export const AgreementInput = z.strictObject({
  correction: z.string().trim().max(1000, "Keep the correction to 1,000 characters.").default(""),
});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** How a panel's minutes may leave it: once agreed, or once agreed and a chair has agreed too. */
export type Circulation = "on-agreement" | "with-chairs-agreement";

export type MinutesState = "draft" | "awaiting-chair" | "agreed";

export interface MinutesStatus {
  state: MinutesState;
  /** The status in a sentence, for everyone who sees it. */
  words: string;
  /** Only agreed minutes (and, where asked for, with a chair's agreement) go to the agencies. */
  exportable: boolean;
}

/**
 * Where the minutes stand, for a meeting whose next meeting is `nextMeeting` (null when none is
 * set). The correction the panel asked for can name people: it is left out (`withCorrection`
 * false) for presenters and where names are hidden.
 */
export function minutesStatus(
  agreement: MinutesAgreement | undefined,
  circulation: Circulation,
  nextMeeting: string | null,
  withCorrection = true,
): MinutesStatus {
  if (!agreement)
    return {
      state: "draft",
      words: nextMeeting
        ? `Draft: awaiting agreement at the panel's next meeting, on ${dayInWords(nextMeeting)}.`
        : "Draft: awaiting agreement at the panel's next meeting.",
      exportable: false,
    };
  const agreed = `Agreed at the meeting on ${dayInWords(agreement.agreedAt)}, recorded by ${agreement.agreedByName}.`;
  const corrected =
    withCorrection && agreement.correction ? ` Correction noted: ${agreement.correction}` : "";
  if (circulation === "with-chairs-agreement" && !agreement.circulation)
    return {
      state: "awaiting-chair",
      words: `${agreed}${corrected} Awaiting a chair's agreement before they go to the agencies.`,
      exportable: false,
    };
  const chair = agreement.circulation
    ? ` Circulation agreed by ${agreement.circulation.chairName} (chair) on ${dayInWords(agreement.circulation.on)}.`
    : "";
  return { state: "agreed", words: `${agreed}${corrected}${chair}`, exportable: true };
}

/** A meeting at which nothing was recorded has no minutes: its status, in words. */
export const nothingRecorded = (meetingId: string): MinutesStatus => ({
  state: "draft",
  words: `Nothing was recorded at the meeting on ${dayInWords(meetingId)} (no sign-in, decision, action or note): there are no minutes to agree.`,
  exportable: false,
});

/** What can be done with a meeting's notes today. */
export type NoteWindow = { open: "record" | "correct"; why: null } | { open: "closed"; why: string };

/**
 * Notes are taken during the meeting, on the day it is held (`heldOn`, which a moved meeting's id
 * is not); after it they can be corrected until the minutes are agreed, and then not at all.
 */
export function noteWindow(heldOn: string, today: string, agreed: boolean): NoteWindow {
  if (agreed)
    return {
      open: "closed",
      why: "These minutes have been agreed: their notes can no longer be changed. Raise a correction at the panel's next meeting.",
    };
  if (heldOn === today) return { open: "record", why: null };
  if (heldOn < today) return { open: "correct", why: null };
  return {
    open: "closed",
    why: `Notes are taken at the meeting, on its day (${dayInWords(heldOn)}).`,
  };
}

/**
 * Whether the previous meeting's minutes can be agreed at this meeting today: only at the panel's
 * next meeting after them, on the day it is held (`heldOn`), and once.
 */
export function agreementWindow(
  heldOn: string,
  previousMeeting: string | null,
  today: string,
  agreement: MinutesAgreement | undefined,
): { open: true; why: null } | { open: false; why: string } {
  if (!previousMeeting)
    return { open: false, why: "This is the panel's first meeting: there are no minutes to agree." };
  if (agreement)
    return { open: false, why: `The minutes of ${dayInWords(previousMeeting)} have been agreed.` };
  if (heldOn !== today)
    return {
      open: false,
      why: `The minutes of ${dayInWords(previousMeeting)} are agreed at this meeting, on its day (${dayInWords(heldOn)}).`,
    };
  return { open: true, why: null };
}
