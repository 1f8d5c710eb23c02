import { z } from "zod";
import type { ApologyInput, SignInInput } from "../../../application/meeting-room/meeting-room.js";
import type { AgencyKind } from "../../../domain/catalogue/panel.js";
import type { Decision, DecisionInput } from "../../../domain/decisions/decision.js";
import type { MinutesStatus } from "../../../domain/minutes/record.js";

// Running a meeting: sign-in and quorum, apologies, the sign-in card, a decision per agenda item,
// and the minutes.

export { DecisionInput } from "../../../domain/decisions/decision.js";
export type { DecisionKind } from "../../../domain/decisions/decision.js";
export type { Capacity } from "../../../domain/attendance/sign-in.js";
export const RoomMeetingId = z.iso.date("use a date as YYYY-MM-DD");
export const DecisionSubjectId = z.string().min(1).max(64);

export type ApologyBody = z.input<typeof ApologyInput>;
/** Sent unticked too: the service then says what is missing. */
export type SignInBody = Omit<z.input<typeof SignInInput>, "agreed"> & { agreed: boolean };
export type DecisionForm = DecisionInput;
export type Disruption = DecisionForm["disruption"][number];

export interface Quorum {
  quorate: boolean;
  /** The kinds of agency the panel needs, each with whether someone signed in for one. */
  needed: { kind: AgencyKind; label: string; present: boolean }[];
  missing: string[];
}

export interface RoomResponse {
  panelId: string;
  meetingId: string;
  meetingDescription: string;
  /** The statement every attendee agrees to when signing in. */
  statement: string;
  /** True on the meeting's day: sign-in is open and names wait for it. */
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string; agency: string; capacity: string; at: string }[];
  apologies: { id: string; name: string; agency: string }[];
  quorum: Quorum;
  agencies: { id: string; name: string }[];
  myAgencyId: string | null;
  signInCardPosted: boolean;
  /** What a decision can choose from: the area's risk scale, and other areas' panels to transfer to. */
  riskLevels: { id: string; label: string }[];
  transferPanels: { id: string; name: string }[];
  /** Each a DecisionKind and a Disruption, though the service does not say so in its types yet. */
  decisionKinds: { value: string; label: string }[];
  disruptions: readonly string[];
  /** What can be recorded today: decisions at the meeting, only chairs' decisions, or nothing, and why. */
  deciding: { how: "at-the-meeting" | "chairs-decision" | "closed"; why: string | null };
  /** The panel's chairs, one of whom agrees a chairs' decision. */
  chairs: { id: string; name: string }[];
}

export interface SignInCardResponse {
  posted: boolean;
  alreadyPosted: boolean;
}

export interface CaseDecision extends Decision {
  version: string;
  /** The referral a transfer made in the host area's panel. */
  transfer?: { reference: string; panelName: string } | null;
}

export interface DecisionsResponse {
  decisions: CaseDecision[];
}

export interface DecisionResponse {
  decision: CaseDecision;
}

export interface MinutesItem {
  subjectId: string;
  reference: string;
  /** The subject's name, for members. */
  label: string | null;
  section: string;
  decision: string | null;
  decisionKind: string | null;
  /** Whether the meeting was quorate when the decision was taken, in a sentence; null when not known. */
  quorum: string | null;
  riskLevel: string | null;
  links: string[];
  disruption: string[];
  actions: { reference: string; title: string; owner: string; agency: string; dueDate: string }[];
  /** The note of the discussion; null when none was taken, or before sign-in on the day. */
  note: string | null;
  /** Its place on the agenda, among the cases and the other items. */
  position: number;
}

export interface MinutesResponse {
  panelName: string;
  areaName: string;
  meetingId: string;
  meetingDescription: string;
  confidentialityStatement: string;
  attendance: { name: string; agency: string; capacity: string }[];
  apologies: { name: string; agency: string }[];
  quorum: Quorum;
  items: MinutesItem[];
  /** The notes of the agenda's other items (agency updates, themes, any other business). */
  discussion: { id: string; title: string; note: string; position: number }[];
  /** The chairs' decisions taken outside the meeting since the last one, reported at it. */
  chairsDecisions: {
    subjectId: string;
    reference: string;
    label: string | null;
    decision: string;
    decisionKind: string;
    agreed: string;
    reason: string;
    recordedBy: string;
  }[];
  themes: string[];
  /** Draft until the panel agrees them at its next meeting; only agreed minutes are exported. */
  status: MinutesStatus;
  /** Sent back (If-Match) when a chair agrees to their circulation; null for a draft. */
  agreementVersion: string | null;
  generatedAt: string;
}
