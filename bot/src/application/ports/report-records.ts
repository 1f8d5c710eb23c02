import type { Referral } from "../../domain/referrals/referral.js";
import type { StoredCase } from "./stored-records.js";

// What the figures run reads of a panel's casework beyond what its pages read: the referrals made
// in a period and the cases closed since a moment. Each is one key range of a list the casework
// keeps anyway, so working out a month costs what that month holds, not the panel's whole history.

export interface ReportRecords {
  /**
   * The panel's referrals that reached its coordinators, made from `from` up to, not including,
   * `to` (ISO instants), newest first.
   */
  referralsMade(areaId: string, panelId: string, from: string, to: string): Promise<Referral[]>;
  /** The panel's cases closed at or after `since` (an ISO instant), the latest closed first. */
  casesClosedSince(areaId: string, panelId: string, since: string): Promise<StoredCase[]>;
}
