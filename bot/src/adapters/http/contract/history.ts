import { z } from "zod";
import type { ReferralKind } from "../../../domain/catalogue/panel.js";
import type { ChronologyKind } from "../../../domain/cohort/chronology.js";

// A subject's case history across the area's panels, from any reference in the tab.

/** A subject access request names the subject by the reference it quotes. */
export const SubjectAccessQuery = z.strictObject({ reference: z.string().max(40) });

export interface HistoryEntry {
  /** When it happened (ISO 8601). */
  at: string;
  kind: ChronologyKind;
  panelId: string;
  panelName: string;
  /** The referral's, the case's or the action's reference; for a link, the other subject's. */
  reference: string;
  title: string;
  /** Who did it, with their agency where known. */
  by: string | null;
  details: { label: string; text: string }[];
  /** A link's other subject: its own history opens from the reference. */
  otherSubjectId?: string;
}

export interface HistoryCase {
  panelId: string;
  panelName: string;
  reference: string;
  status: "open" | "closed";
  /** The label on the area's risk scale. */
  riskLevel: string | null;
  openedAt: string;
  closedAt: string | null;
  nextMeetingDate: string | null;
  presenters: string[];
}

export interface HistoryResponse {
  subject: { id: string; reference: string; kind: ReferralKind; kindLabel: string; label: string };
  cases: HistoryCase[];
  /** Oldest first. */
  entries: HistoryEntry[];
}
