import { z } from "zod";
import type { Placement } from "../../../domain/cohort/case.js";
import type { PanelRole } from "../../../domain/people/membership.js";

// A panel's cohort: its open and closed cases, a page at a time, and the whole list as CSV.

export const CohortListName = z.enum(["open", "closed"], "ask for the open or the closed cases");
export const CohortQuery = z.strictObject({
  list: CohortListName.default("open"),
  /** The cursor the last page ended with. */
  after: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().optional(),
});
export const CohortCsvQuery = z.strictObject({ list: CohortListName.default("open") });

export interface CohortCase {
  subjectId: string;
  reference: string;
  /** The subject's name; null while names wait for sign-in to today's meeting. */
  name: string | null;
  placement: Placement;
  /** The placement in words: child or young adult, group, person of concern, location. */
  kind: string;
  riskLevel: string | null;
  /** The risk level as the area's scale calls it. */
  risk: string | null;
  nextMeetingDate: string | null;
  openActions: number;
  overdueActions: number;
  /** A case decided before decisions' kinds were kept on it has only the date. */
  lastDecision: { kind: string | null; label: string | null; on: string } | null;
  openedAt: string;
  closedOn: string | null;
}

export interface CohortResponse {
  panelId: string;
  areaId: string;
  list: "open" | "closed";
  role: PanelRole;
  /** On the day the panel meets, names wait until the person has signed in to the meeting. */
  namesHidden: boolean;
  cases: CohortCase[];
  /** The cursor for the next page, or null when there are no more. */
  next: string | null;
  riskLevels: { id: string; label: string }[];
  kinds: { value: Placement; label: string }[];
}
