// The tab's client for the service's /api. Every call carries a bearer token from sign-in.
// What each call sends and answers is the service's contract. The calls live by concern in ./api/;
// callers import them, the plumbing and the contract's types from here alone.

import type { PanelSummary } from "../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "./tokens.js";
import { actionCalls } from "./api/actions.js";
import { meetingCalls } from "./api/meetings.js";
import { peopleCalls } from "./api/people.js";
import { referralCalls } from "./api/referrals.js";
import { reportCalls } from "./api/reports.js";
import { signInCalls } from "./api/sign-in.js";
import { subjectCalls } from "./api/subjects.js";

export { ApiError, file, request } from "./api/request.js";
export type { TokenSource } from "./tokens.js";
export type * from "../../bot/src/adapters/http/contract/register.js";

// Types only: the service's schemas stay out of the tab's bundle.
export type * from "../../bot/src/adapters/http/contract/index.js";
export type {
  Cell,
  Column,
  Period,
  PeriodKind,
  Report,
  ReportChart,
  ReportSection,
  ReportTable,
  SectionId,
} from "../../bot/src/domain/reports/report.js";

/** What every panel view is opened with. */
export interface PanelViewProps {
  /** The signed-in person's tokens, renewed as they expire. */
  token: TokenSource;
  /** The signed-in person's id. */
  meId: string;
  panel: PanelSummary;
  onBack: () => void;
}

export const api = {
  ...signInCalls,
  ...referralCalls,
  ...meetingCalls,
  ...peopleCalls,
  ...actionCalls,
  ...subjectCalls,
  ...reportCalls,
};
