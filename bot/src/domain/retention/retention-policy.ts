import { DateTime } from "luxon";
import { z } from "zod";

// How long an area keeps the record of a closed case, and what happens after. No source document
// sets it: each partnership's data protection officer does. Some keep everything while the IICSA
// moratorium on destroying records that may bear on child sexual abuse holds: "indefinitely".

export const RetentionPolicy = z.strictObject({
  closedCasesKeptFor: z.union([
    z.strictObject({ years: z.number().int().min(1).max(100) }),
    z.literal("indefinitely"),
  ]),
  /** Once the period has run: every row removed, or names and answers replaced and the counts kept. */
  then: z.enum(["delete", "anonymise"]),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

/** How the policy reads: "6 years after closing, then deleted" or "indefinitely". */
export function describePolicy(policy: RetentionPolicy): string {
  const kept = policy.closedCasesKeptFor;
  if (kept === "indefinitely") return "kept indefinitely";
  const years = `${kept.years} year${kept.years === 1 ? "" : "s"}`;
  return `kept ${years} after closing, then ${policy.then === "delete" ? "deleted" : "anonymised"}`;
}

/**
 * The last closing day whose period has run by `today` (both YYYY-MM-DD): a case closed on it or
 * before is due. Undefined when records are kept indefinitely. A case closed on 29 February is due
 * from 1 March of its year.
 */
export function lastClosingDayDue(policy: RetentionPolicy, today: string): string | undefined {
  const kept = policy.closedCasesKeptFor;
  if (kept === "indefinitely") return undefined;
  return DateTime.fromISO(today, { zone: "utc" }).minus({ years: kept.years }).toISODate() ?? undefined;
}

/** The first day a case closed on `closedOn` is due, under a policy with a period. */
export function dueFrom(policy: RetentionPolicy, closedOn: string): string | undefined {
  const kept = policy.closedCasesKeptFor;
  if (kept === "indefinitely") return undefined;
  const due = DateTime.fromISO(closedOn, { zone: "utc" }).plus({ years: kept.years });
  // Luxon moves 29 February to the 28th; the day after the 28th is the first whose period has run.
  const first = due.day !== Number(closedOn.slice(8, 10)) ? due.plus({ days: 1 }) : due;
  return first.toISODate() ?? undefined;
}
