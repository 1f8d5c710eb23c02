import type { Action } from "../../domain/actions/action.js";
import type { ThresholdingOutcome } from "../../domain/agenda/thresholding.js";
import type { Subject } from "../../domain/cohort/case.js";
import { otherEnd, type Link } from "../../domain/links/link.js";
import { matchKeys } from "../../domain/referrals/duplicates.js";
import { isAccessNotice, type Notice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { CaseNote } from "../../domain/minutes/record.js";
import type { Casework, MatchRow, StoredCase, StoredDecision } from "../ports/casework.js";
import type { Versioned } from "../ports/versioned.js";

// A subject's whole record in an area, as retention removes it: the subject, its case on each
// panel, the referrals that brought it, the decisions, thresholding outcomes and actions about it, the links drawn to it,
// its likely-duplicate match keys, the notes of its cases' discussion at meetings and the notices
// still owed about its referrals. A person or place
// recorded only from one of its links (no case of its own, linked to nothing else) goes with it.

export type RecordReads = Pick<
  Casework,
  | "subject"
  | "subjectCases"
  | "subjectDecisions"
  | "subjectActions"
  | "subjectLinks"
  | "referralById"
  | "matches"
  | "notices"
  | "subjectNotes"
  | "subjectThresholdings"
>;

export interface WholeRecord {
  subject: Versioned<Subject>;
  cases: StoredCase[];
  referrals: Referral[];
  decisions: StoredDecision[];
  /** The thresholding meeting's outcomes kept in the child's file. */
  thresholdings: ThresholdingOutcome[];
  actions: Action[];
  /** The notes of its discussion at meetings, each found by the subject's copy. */
  notes: CaseNote[];
  links: Link[];
  /** This subject's match rows only: another subject with the same name keeps its own. */
  matches: MatchRow[];
  /** Waiting referrals found by the same match keys: likely the same child, coming back. */
  waitingReferrals: string[];
  notices: Notice[];
  /** Subjects known only through this record's links. */
  linkedOnly: Versioned<Subject>[];
}

/** The record as stored now, or undefined when the subject is gone. Three rounds of reads. */
export async function readWholeRecord(
  casework: RecordReads,
  areaId: string,
  subjectId: string,
): Promise<WholeRecord | undefined> {
  const [subject, cases, decisions, actions, links, notices, notes, thresholdings] = await Promise.all([
    casework.subject(areaId, subjectId),
    casework.subjectCases(areaId, subjectId),
    casework.subjectDecisions(areaId, subjectId),
    casework.subjectActions(areaId, subjectId),
    casework.subjectLinks(areaId, subjectId),
    casework.notices(areaId),
    casework.subjectNotes(areaId, subjectId),
    casework.subjectThresholdings(areaId, subjectId),
  ]);
  if (!subject) return undefined;
  const linkIds = new Set(links.map((l) => l.id));
  const others = [...new Set(links.map((l) => otherEnd(l, subjectId)))].filter((id) => id !== subjectId);
  const [referrals, ends] = await Promise.all([
    Promise.all(subject.value.referralIds.map((id) => casework.referralById(areaId, id))),
    Promise.all(
      others.map(async (id) => {
        const [other, theirCases, theirLinks] = await Promise.all([
          casework.subject(areaId, id),
          casework.subjectCases(areaId, id),
          casework.subjectLinks(areaId, id),
        ]);
        const onlyHere =
          other &&
          !other.value.referralIds.length &&
          !theirCases.length &&
          theirLinks.every((l) => linkIds.has(l.id));
        return onlyHere ? other : undefined;
      }),
    ),
  ]);
  const found = referrals.filter((r): r is Referral => r !== undefined);
  const linkedOnly = ends.filter((s): s is Versioned<Subject> => s !== undefined);
  // A referred subject's keys follow from its referrals; a subject recorded from a link holds its own.
  const owners = [subject, ...linkedOnly];
  const hashes = [
    ...found.flatMap((r) => matchKeys(r.kind, r.values).map((k) => k.hash)),
    ...owners.flatMap((s) => (s.value.matchKeys ?? []).map((k) => k.hash)),
  ];
  const matches = hashes.length ? await casework.matches(areaId, [...new Set(hashes)]) : [];
  const ownerIds = new Set(owners.map((s) => s.value.id));
  const referralIds = new Set(subject.value.referralIds);
  return {
    subject,
    cases,
    referrals: found,
    decisions,
    thresholdings,
    actions,
    notes,
    links,
    matches: matches.filter((m) => m.subjectId !== undefined && ownerIds.has(m.subjectId)),
    waitingReferrals: [...new Set(matches.flatMap((m) => (m.referralId ? [m.reference] : [])))],
    notices: notices.map((n) => n.value).filter((n) => !isAccessNotice(n) && referralIds.has(n.referralId)),
    linkedOnly,
  };
}

/** The references a record holds, each once: the subject's, its cases', referrals' and actions'. */
export const referencesOf = (r: WholeRecord): string[] => [
  ...new Set([
    r.subject.value.reference,
    ...r.cases.map((c) => c.reference),
    ...r.referrals.map((x) => x.reference),
    ...r.actions.map((a) => a.reference),
    ...r.linkedOnly.map((s) => s.value.reference),
  ]),
];
