import type { Action } from "../actions/action.js";
import { closedAtOf, type Case, type Subject } from "../cohort/case.js";
import type { Decision } from "../decisions/decision.js";
import type { Link } from "../links/link.js";
import type { FieldSpec, FormValue } from "../referrals/form.js";
import type { Referral } from "../referrals/referral.js";

// An anonymised record keeps what the panel's figures count (references, dates, kinds, decisions,
// risk levels, disruptions, agencies, and who on the panel did what) and loses what identifies the
// subject: names, addresses, dates of birth and every word written about them, each replaced with
// one marker so a reader sees that something was there. Applied twice, it changes nothing more.

export const ANONYMISED = "Anonymised";

const marked = (text: string): string => (text.trim() ? ANONYMISED : text);
const REASON_REMOVED = "Anonymised: reason removed";

/**
 * A form's answer as kept: a choice from the form's own list, a score or a yes/no says nothing of
 * who the subject is; anything typed, and any answer the form no longer knows, is replaced.
 */
function answerKept(field: FieldSpec | undefined, value: FormValue): FormValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  const choices = new Set((field?.choices ?? []).map((c) => c.value));
  if (Array.isArray(value)) return field?.type === "multichoice" ? value.filter((v) => choices.has(v)) : [];
  if (field?.type === "choice" && choices.has(value)) return value;
  return marked(value);
}

/** `fields` are the referral form's, to tell its choices from what was typed. */
export function anonymisedReferral(r: Referral, fields: FieldSpec[]): Referral {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return {
    ...r,
    values: Object.fromEntries(
      Object.entries(r.values).map(([id, value]) => [id, answerKept(byId.get(id), value)]),
    ),
    approval: r.approval && { ...r.approval, comment: marked(r.approval.comment) },
    triage: r.triage && { ...r.triage, note: marked(r.triage.note) },
    ...(r.withdrawal && { withdrawal: { ...r.withdrawal, reason: marked(r.withdrawal.reason) } }),
    questions: r.questions.map((q) => ({
      ...q,
      question: marked(q.question),
      answer: q.answer === null ? null : marked(q.answer),
    })),
    ...(r.transferredFrom && {
      transferredFrom: { ...r.transferredFrom, summary: marked(r.transferredFrom.summary) },
    }),
  };
}

/** The subject loses its name and the postcode it was found by; its reference stays. */
export function anonymisedSubject(s: Subject): Subject {
  const kept: Subject = { ...s, label: ANONYMISED };
  delete kept.postcode;
  return kept;
}

/** The closed case loses its name, and says when: kept if it was anonymised since it last closed. */
export function anonymisedCase<C extends Case>(c: C, at: string): C {
  const since = c.anonymisedAt && c.anonymisedAt >= closedAtOf(c) ? c.anonymisedAt : at;
  return {
    ...c,
    ...(c.label !== undefined && { label: ANONYMISED }),
    // The thresholding meeting's rationale is free text, as a decision's is.
    ...(c.thresholding && {
      thresholding: { ...c.thresholding, rationale: marked(c.thresholding.rationale) },
    }),
    anonymisedAt: since,
  };
}

export function anonymisedDecision<D extends Decision>(d: D): D {
  const names = (list: string[]) => list.map(() => ANONYMISED);
  return {
    ...d,
    rationale: marked(d.rationale),
    disruptionDetail: marked(d.disruptionDetail),
    volt: {
      personsOfConcern: names(d.volt.personsOfConcern),
      locations: names(d.volt.locations),
      groups: names(d.volt.groups),
      themes: names(d.volt.themes),
    },
    ...(d.taken?.how === "chairs-decision" && { taken: { ...d.taken, reason: marked(d.taken.reason) } }),
  };
}

export function anonymisedAction(a: Action): Action {
  return {
    ...a,
    title: ANONYMISED,
    text: ANONYMISED,
    updates: a.updates.map((u) => ({ ...u, text: ANONYMISED })),
    completed: a.completed && { ...a.completed, note: marked(a.completed.note) },
    // Why it was extended, passed on or not possible is free text too; a reason is read back as
    // a few words, so its replacement is three.
    ...(a.changes && { changes: a.changes.map((c) => ({ ...c, reason: REASON_REMOVED })) }),
    ...(a.closed && { closed: { ...a.closed, reason: REASON_REMOVED } }),
    // An outside owner's role is kept for the figures; their organisation (a school) can point to the child.
    ...(a.outsideOwner && { outsideOwner: { role: a.outsideOwner.role, organisation: ANONYMISED } }),
  };
}

export function anonymisedLink(l: Link): Link {
  return {
    ...l,
    note: marked(l.note),
    ended: l.ended && { ...l.ended, reason: marked(l.ended.reason) },
  };
}

/** A thresholding outcome kept in the child's file: its rationale is free text, as a decision's is. */
export function anonymisedThresholding<T extends { rationale: string }>(t: T): T {
  return { ...t, rationale: marked(t.rationale) };
}

/** A note of a case's discussion is every word written about the subject: its text is replaced. */
export function anonymisedNote<N extends { text: string }>(n: N): N {
  return { ...n, text: marked(n.text) };
}
