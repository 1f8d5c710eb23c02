import type { ReferralDraft } from "../../domain/referrals/referral-draft.js";

// Each practitioner's referral forms being filled in, by the form's id.

export interface ReferralDrafts {
  /** The person's draft of this form, if they have one still kept. */
  draft(personId: string, formId: string): Promise<ReferralDraft | undefined>;
  save(d: ReferralDraft): Promise<void>;
  /** Forgets a draft: once its referral is sent, or when it is no longer kept. */
  forget(personId: string, formId: string): Promise<void>;
  /** Forgets every draft kept until before `day`; how many it forgot. */
  forgetOlder(day: string): Promise<number>;
}
