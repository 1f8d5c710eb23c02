import type { SlotAttendance } from "../catalogue/panel.js";
import type { PresenterRole } from "../cohort/case.js";

// Who is expected at a case's slot, and why (000 §2, §4, §5; 001 "Case presentation"; 003; 004):
// the referrer, the allocated worker and their manager the form named, and others the terms of
// reference name. Where the panel's terms of reference allow it and plans are clearly having
// impact, the people they name (000 §4: the social worker and manager) need not attend, unless
// actions have drifted; the referrer and the others are still expected. Those expected, or invited
// in case the worker cannot come, get the slot's invitation; nobody is invited to a slot they need not attend.

export type Attends = "expected" | "if-needed" | "need-not";

export interface SlotPerson {
  /** The person in the directory; null for a role the terms of reference name without a person. */
  personId: string | null;
  /** For a role without a person: who, such as "The child's lead professional". */
  who: string | null;
  attends: Attends;
  /** Each reason, such as "allocated social worker (000 §2)". */
  reasons: string[];
}

export interface SlotCase {
  presenterRoles: { personId: string; role: PresenterRole | null }[];
  riskLevel: string | null;
  workerMustAttend: boolean;
  /** The coordinator's note that plans are having impact, so the case's people need not attend. */
  plansHaveImpact: string | null;
}

export const DRIFT_REASON = "actions have drifted: attendance is required (000 §4)";

const RANK: Record<Attends, number> = { "need-not": 0, "if-needed": 1, expected: 2 };

function roleReason(
  rules: SlotAttendance | undefined,
  role: PresenterRole | null,
  riskLevel: string | null,
): { reason: string; attends: Attends } {
  if (role === "referrer") return { reason: "referred the case", attends: "expected" };
  if (role === "worker") return { reason: rules?.worker ?? "allocated worker", attends: "expected" };
  if (role === "manager") {
    const atRisk = rules?.managerAtRisk;
    if (!atRisk) return { reason: rules?.manager ?? "their manager", attends: "expected" };
    return riskLevel && atRisk.levels.includes(riskLevel)
      ? { reason: atRisk.reason, attends: "expected" }
      : { reason: atRisk.otherwise, attends: "if-needed" };
  }
  return { reason: "named on the referral", attends: "expected" };
}

/** The people expected at a slot holding these cases (a mapped group's children share one). */
export function expectedAtSlot(rules: SlotAttendance | undefined, cases: SlotCase[]): SlotPerson[] {
  const people = new Map<string, SlotPerson>();
  const add = (key: string, person: Omit<SlotPerson, "reasons">, reasons: string[]) => {
    const held = people.get(key);
    if (!held) {
      people.set(key, { ...person, reasons: [...reasons] });
      return;
    }
    if (RANK[person.attends] > RANK[held.attends]) held.attends = person.attends;
    for (const r of reasons) if (!held.reasons.includes(r)) held.reasons.push(r);
  };
  for (const c of cases) {
    // Drift wins over impact: the worker must attend the next panel (000 §4).
    const impact = rules?.plansHavingImpact;
    const excusing = c.plansHaveImpact !== null && !c.workerMustAttend && impact ? impact.excuses : [];
    const excused = (role: PresenterRole | null) =>
      (role === "worker" || role === "manager") && excusing.includes(role);
    const extra = c.workerMustAttend ? [DRIFT_REASON] : [];
    for (const place of c.presenterRoles) {
      const { reason, attends } = roleReason(rules, place.role, c.riskLevel);
      add(
        `person:${place.personId}`,
        {
          personId: place.personId,
          who: null,
          attends: excused(place.role) ? "need-not" : c.workerMustAttend ? "expected" : attends,
        },
        excused(place.role)
          ? [reason, `plans are having impact (${impact?.source ?? ""})`]
          : [reason, ...extra],
      );
    }
    for (const other of rules?.others ?? [])
      add(`role:${other.who}`, { personId: null, who: other.who, attends: "expected" }, [other.reason]);
  }
  return [...people.values()];
}

/** Whom the slot's invitation goes to: everyone in the directory who is expected or may be needed. */
export const invitedTo = (people: SlotPerson[]): string[] =>
  people.flatMap((p) => (p.personId && p.attends !== "need-not" ? [p.personId] : []));
