import { Refusal } from "../../domain/refusal.js";

// The one place a refusal from the application or the domain becomes what Teams shows.

/**
 * Referral refusals are written to stand alone (they often name the referral); the others read as
 * the reason after an apology.
 */
export type RefusalTone = "plain" | "apologise";

export const isRefusal = (e: unknown): e is Refusal => e instanceof Refusal;

/** The message for a refusal, or undefined when `e` is not one (it is then a fault, not a "no"). */
export function refusalReply(e: unknown, tone: RefusalTone): string | undefined {
  if (!isRefusal(e)) return undefined;
  return tone === "apologise" ? `Sorry: ${e.message}` : e.message;
}
