import type { MatchKey } from "../../domain/referrals/duplicates.js";
import {
  MAX_POSSIBLE_DUPLICATES,
  type PossibleDuplicate,
  type Referral,
  type ReferralStatus,
} from "../../domain/referrals/referral.js";
import type { CaseworkUnit, MatchRow } from "../ports/casework.js";

// A referral waiting for a decision is found by its match keys as a known subject is, so that a
// second referral for the same child while the first waits is flagged. Its keys are written with
// it and go in the step that decides it; an accepted one's become its subject's (join-cohort.ts).

export const WAITING: readonly ReferralStatus[] = ["awaiting-approval", "new", "more-information-requested"];

const rowsOf = (r: Referral): MatchRow[] =>
  (r.pendingMatchKeys ?? []).map((k) => ({
    areaId: r.areaId,
    hash: k.hash,
    on: k.on,
    referralId: r.id,
    reference: r.reference,
  }));

/** A new referral with its match keys, written in its own unit of work. */
export function holdMatchKeys(unit: CaseworkUnit, referral: Referral, keys: MatchKey[]): Referral {
  const held: Referral = {
    ...referral,
    pendingMatchKeys: keys.map((k) => ({ on: k.on, hash: k.hash })),
  };
  for (const row of rowsOf(held)) unit.addMatch(row);
  return held;
}

/** A referral after a step: once decided, its match keys go in the step's unit of work. */
export function settleMatchKeys(unit: CaseworkUnit, after: Referral): Referral {
  if (WAITING.includes(after.status) || !after.pendingMatchKeys) return after;
  for (const row of rowsOf(after)) unit.removeMatch(row);
  const { pendingMatchKeys, ...settled } = after;
  return settled;
}

/** What the matches found say to the referrer and the coordinator: each subject or referral once per key. */
export function possibleDuplicates(matches: MatchRow[]): PossibleDuplicate[] {
  const seen = new Set<string>();
  return matches
    .map((m): PossibleDuplicate =>
      m.subjectId
        ? { subjectId: m.subjectId, reference: m.reference, matchedOn: m.on }
        : { referralId: m.referralId, reference: m.reference, matchedOn: m.on },
    )
    .filter((d) => {
      const key = `${d.subjectId ?? d.referralId ?? ""}|${d.matchedOn}`;
      return !seen.has(key) && !!seen.add(key);
    })
    .slice(0, MAX_POSSIBLE_DUPLICATES);
}
