import type { Referral } from "../../domain/referrals/referral.js";
import type { StoredCase } from "./stored-records.js";

// What the figures run reads of a panel's casework beyond what its pages read: the referrals made
// in a period and the cases closed since a moment, each one key range of a list the casework keeps
// anyway. The referrals cost what the month holds; the cases closed are every one closed since the
// month began (a case open at its end may have closed since), so a month long past reads more.

export interface ReportRecords {
  /**
   * The panel's referrals that reached its coordinators, made from `from` up to, not including,
   * `to` (ISO instants), newest first.
   */
  referralsMade(areaId: string, panelId: string, from: string, to: string): Promise<Referral[]>;
  /** Every case of the panel closed at or after `since` (an ISO instant), up to now, latest first. */
  casesClosedSince(areaId: string, panelId: string, since: string): Promise<StoredCase[]>;
}
