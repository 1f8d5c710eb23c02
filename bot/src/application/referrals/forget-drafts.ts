import { localDay } from "../../domain/schedule/dates.js";
import type { ReferralDrafts } from "../ports/referral-drafts.js";

/** Forgets the referral drafts nobody sent in the time a draft is kept; how many it forgot. */
export async function forgetUnsentDrafts(ports: {
  drafts: ReferralDrafts;
  now: () => Date;
}): Promise<number> {
  return ports.drafts.forgetOlder(localDay(ports.now()));
}
