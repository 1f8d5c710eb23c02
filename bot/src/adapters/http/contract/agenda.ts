import { z } from "zod";
import type { StrategicAgenda } from "../../../application/strategic/strategic-agenda.js";
import type { AgendaChoice } from "../../../domain/agenda/due-cases.js";
import type { PanelRole } from "../../../domain/people/membership.js";

// A meeting's agenda: the coordinator's choices for each case, and publishing it.

export { AgendaChoice } from "../../../domain/agenda/due-cases.js";
export const AgendaMeetingId = z.iso.date("use the meeting's date as YYYY-MM-DD");
export const AgendaSubjectId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const MoveToMeeting = z.strictObject({ meetingId: AgendaMeetingId });
/** A case's theme, which the agenda's themed sections take it by; null for none. */
export const ThemeChange = z.strictObject({
  theme: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80)
    .nullable(),
});
export interface ThemeChangeResponse {
  theme: string | null;
}
/** The version an agenda has before its first change; sent back (If-Match) like any other. */
export const NO_DRAFT = "none";

export interface AgendaSubject {
  subjectId: string;
  reference: string;
  /** The name, for roles that may see it; null otherwise. */
  label: string | null;
  /** On an agenda compiled by thresholding (003): the category, or null before it is placed. */
  thresholded?: { category: 1 | 2 | 3 | 4; label: string; rationale: string | null } | null;
}

export interface AgendaSlot {
  start: string;
  end: string;
  minutes: number;
  subjects: AgendaSubject[];
  presenters: string[];
  workerMustAttend: boolean;
  /** Who is expected at the slot and why; those who need not attend are not invited. */
  expected: { who: string; attends: "expected" | "if-needed" | "need-not"; reasons: string[] }[];
  /** Why plans are having impact, so the case's people need not attend (000 §4). */
  plansHaveImpact: string | null;
  /** The coordinator's choices for the slot's (first) case, to edit. */
  choice: AgendaChoice;
  theme: CaseTheme;
}

/** A case's theme, with the case's version to send back (If-Match) when changing it. */
export interface CaseTheme {
  id: string | null;
  caseVersion: string;
}

export interface AgendaEntry {
  kind: "heading" | "item" | "section" | "break";
  id: string | null;
  title: string;
  lead: string;
  note: string | null;
  statements: ("confidentiality" | "anti-discriminatory")[];
  start: string;
  end: string;
  minutes: number;
  slots: AgendaSlot[];
  listed: (AgendaSubject & { rationale: string | null; choice: AgendaChoice })[];
}

export interface AgendaResponse {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  role: PanelRole;
  /** During the meeting, names wait until the person signs in. */
  namesHidden: boolean;
  editable: boolean;
  /** The draft's version, to send back with a change: NO_DRAFT before the first change. */
  version: string;
  publishedVersions: number;
  start: string;
  end: string;
  entries: AgendaEntry[];
  unplaced: (AgendaSubject & { choice: AgendaChoice; theme: CaseTheme })[];
  sections: { id: string; title: string }[];
  /** The themes the agenda's sections take cases by, each with the first section that takes it. */
  themes: { id: string; title: string }[];
  usesCategories: boolean;
  /** The rule's source where the panel may excuse a case's worker and manager for plans having impact. */
  plansHavingImpact: string | null;
  /** The thresholding meeting whose outcomes place this agenda's cases; null where none does. */
  thresholdedAt: { panelId: string; panelName: string; meetingId: string } | null;
  /** The area's statements, read out at the start of the meeting. */
  statements: { confidentiality: string; antiDiscriminatory: string };
  /** Chairs' decisions taken outside the meeting since the last one, to be reported at it. */
  outsideDecisions: {
    subjectId: string;
    reference: string;
    decision: string;
    agreed: string;
    /** Why it could not wait; null until the person has signed in, as names are. */
    reason: string | null;
  }[];
  /** A strategic meeting's open register entries and planned topics, under the items that show them. */
  strategic: StrategicAgenda | null;
}

export interface PublishResponse {
  version: number;
  /** Presenters sent an invitation to their own slot. */
  invited: number;
  /** Invitations an earlier version sent that this one no longer calls for, withdrawn in Teams. */
  withdrawn: number;
  notInvited: number;
  /** Why some were not invited, in words for the coordinator. */
  why: string | null;
  /** The panel's channel is being told (it has one linked). */
  channelTold: boolean;
}
