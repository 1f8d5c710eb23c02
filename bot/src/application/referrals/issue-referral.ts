import { DateTime } from "luxon";
import type { Person } from "../../domain/people/membership.js";
import type { MatchKey } from "../../domain/referrals/duplicates.js";
import type { ReferralNotice } from "../../domain/referrals/notice.js";
import { referenceFor, type Referral } from "../../domain/referrals/referral.js";
import type { BeforeSubmit, MatchRow } from "../ports/casework.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import { holdMatchKeys } from "./pending-matches.js";
import { referralAudit, referralNotice } from "./referral-records.js";
import type { ReferralPorts } from "./referral-ports.js";

// The one way a referral is issued, whether a practitioner submitted it or another area's panel
// transferred it: the year's next reference, the referral with its match keys, its audit entry and
// its notice in one unit of work. The referral's id is the idempotency key: issuing it again
// returns the first.

// Issues in one area share the year's reference counter; a clash is retried after a pause that
// grows with each try and is spread at random, so a crowd of submits all get through in turn.
const ATTEMPTS = 60;
const pause = (attempt: number) => Math.random() * Math.min(800, 10 * 2 ** Math.min(attempt, 7));

export interface ReferralToIssue {
  areaId: string;
  referencePrefix: string;
  panelId: string;
  id: string;
  by: Person;
  /** Match keys of the subject: likely duplicates already known are found by them, and this referral too while it waits. */
  keys: MatchKey[];
  /** The referral, given its reference and the known subjects and waiting referrals it may duplicate. */
  draft: (reference: string, matches: MatchRow[], at: Date) => Referral;
  via: string;
  notice: ReferralNotice["kind"];
  /** What was read for these match keys while the form was still being checked, if anything. */
  readEarly?: { hashes: string[]; seen: BeforeSubmit };
}

/** The year a referral issued now takes its reference in. */
export const referenceYear = (now: Date): number => DateTime.fromJSDate(now, { zone: "Europe/London" }).year;

/** What `issueReferral` reads before it writes, for an area, a year and match keys. */
export const readBeforeIssue = (
  ports: Pick<ReferralPorts, "casework">,
  areaId: string,
  year: number,
  hashes: string[],
): Promise<BeforeSubmit> => ports.casework.beforeSubmit(areaId, year, hashes);

export async function issueReferral(
  ports: Pick<ReferralPorts, "casework" | "now" | "onNotices">,
  spec: ReferralToIssue,
): Promise<{ referral: Referral; created: boolean }> {
  const now = ports.now();
  const year = referenceYear(now);
  const early = spec.readEarly;
  const hashes = spec.keys.map((k) => k.hash);
  for (let attempt = 1; ; attempt++) {
    const seen =
      attempt === 1 && early && early.hashes.join() === hashes.join()
        ? early.seen
        : await readBeforeIssue(ports, spec.areaId, year, hashes);
    const issued = (seen.counter?.value.issued ?? 0) + 1;
    const drafted = spec.draft(referenceFor(spec.referencePrefix, year, issued), seen.matches, now);
    const unit = ports.casework.unit(spec.areaId, spec.by.displayName);
    unit.setCounter("referral", { areaId: spec.areaId, year, issued }, seen.counter?.etag);
    const referral = holdMatchKeys(unit, drafted, spec.keys);
    unit.createReferral(referral);
    unit.audit(referralAudit(referral, spec.by.id, "referral.created", spec.via, now));
    unit.queueNotice(referralNotice(referral, spec.notice, now));
    try {
      await unit.commit();
      ports.onNotices(spec.areaId);
      return { referral, created: true };
    } catch (e) {
      // The same form was stored already (sent twice, or raced in twice): that one is the answer.
      // Otherwise another referral took the number: look again.
      if (!(e instanceof ConcurrencyConflict)) throw e;
      const stored = await ports.casework.referral(spec.areaId, spec.panelId, spec.id);
      if (stored) return { referral: stored.value, created: false };
      if (attempt >= ATTEMPTS)
        throw new Refusal(
          "conflict",
          "Many referrals are being made at this moment. Send the form again in a minute.",
          {
            code: "busy",
          },
        );
      await new Promise((resolve) => setTimeout(resolve, pause(attempt)));
    }
  }
}
