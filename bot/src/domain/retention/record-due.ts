import { closedAtOf, type Case } from "../cohort/case.js";
import { dueFrom, lastClosingDayDue, type RetentionPolicy } from "./retention-policy.js";

// Whether a subject's record has passed its area's retention period. The record is one whole: it
// goes only when every case the subject has on the area's panels is closed and due. A subject with
// an open case anywhere, or a case closed too recently, is kept with everything about it, so no
// panel loses the history of a child it still works with.

type CaseOfRecord = Pick<Case, "panelId" | "status" | "closedAt" | "decidedOn" | "openedAt">;

export type RecordVerdict =
  /** Due: the case that closed last, and the first day its period had run. */
  | { due: true; lastClosed: { panelId: string; on: string }; dueFrom: string }
  | { due: false; why: "kept-indefinitely" }
  /** A subject recorded only from a link has no case of its own to run a period from. */
  | { due: false; why: "no-case" }
  | { due: false; why: "open"; panelId: string }
  /** A referral still waiting may be about the subject (a likely duplicate of it): it may come back. */
  | { due: false; why: "referral-waiting"; references: string[] }
  | { due: false; why: "not-yet-due"; panelId: string; closedOn: string; dueFrom: string };

/** The day a closed case left the cohort (YYYY-MM-DD). */
const closedOn = (c: CaseOfRecord): string => closedAtOf(c).slice(0, 10);

export function recordVerdict(
  cases: CaseOfRecord[],
  policy: RetentionPolicy,
  today: string,
  /** The references of waiting referrals that are likely duplicates of the subject. */
  waiting: string[] = [],
): RecordVerdict {
  const lastDue = lastClosingDayDue(policy, today);
  if (lastDue === undefined) return { due: false, why: "kept-indefinitely" };
  const open = cases.find((c) => c.status === "open");
  if (open) return { due: false, why: "open", panelId: open.panelId };
  if (waiting.length) return { due: false, why: "referral-waiting", references: waiting };
  const latest = [...cases].sort((a, b) => closedOn(b).localeCompare(closedOn(a)))[0];
  if (!latest) return { due: false, why: "no-case" };
  const on = closedOn(latest);
  const from = dueFrom(policy, on) ?? on;
  if (on > lastDue)
    return { due: false, why: "not-yet-due", panelId: latest.panelId, closedOn: on, dueFrom: from };
  return { due: true, lastClosed: { panelId: latest.panelId, on }, dueFrom: from };
}
