import type { ReferralDrafts } from "../../../bot/src/application/ports/referral-drafts.js";
import type { ReferralDraft } from "../../../bot/src/domain/referrals/referral-draft.js";

/** Referral drafts in memory, by person and form. */
export function fakeDrafts(): ReferralDrafts & { all: () => ReferralDraft[] } {
  const held = new Map<string, ReferralDraft>();
  const key = (personId: string, formId: string) => `${personId}|${formId}`;
  return {
    draft: async (personId, formId) => structuredClone(held.get(key(personId, formId))),
    save: async (d) => void held.set(key(d.personId, d.formId), structuredClone(d)),
    forget: async (personId, formId) => void held.delete(key(personId, formId)),
    forgetOlder: async (day) => {
      const old = [...held.entries()].filter(([, d]) => d.keptUntil < day);
      for (const [k] of old) held.delete(k);
      return old.length;
    },
    all: () => [...held.values()],
  };
}
