import { z } from "zod";

// Staffordshire's thresholding meeting (003): the district cases awaiting a category, and the
// outcome recorded for one.

export { ThresholdingInput } from "../../../domain/agenda/thresholding.js";
export const ThresholdingMeetingId = z.iso.date("use the meeting's date as YYYY-MM-DD");
export const ThresholdingSubjectId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export type ThresholdingBody = { districtPanelId: string; category: 1 | 2 | 3 | 4; rationale: string };

export interface ThresholdingCaseView {
  subjectId: string;
  reference: string;
  label: string | null;
  placement: "victim" | "group" | "person-of-concern" | "location";
  stage: "new" | "return" | "review";
  /** The case's version, to send back (If-Match) with its outcome. */
  version: string;
  outcome: {
    category: 1 | 2 | 3 | 4;
    label: string;
    rationale: string | null;
    recordedByName: string;
    at: string;
  } | null;
  question: { text: string; answer: string | null } | null;
}

export interface ThresholdingResponse {
  panelId: string;
  meetingId: string;
  namesHidden: boolean;
  editable: boolean;
  districts: { panelId: string; panelName: string; meetingId: string; cases: ThresholdingCaseView[] }[];
}
