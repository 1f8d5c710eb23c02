import { finishedAt, type Action } from "../../domain/actions/action.js";
import { closedAtOf, type Subject } from "../../domain/cohort/case.js";
import { searchKeys } from "../../domain/cohort/subject-search.js";
import { howTaken } from "../../domain/decisions/taken.js";
import { linkIdentity, type Link } from "../../domain/links/link.js";
import type { AccessRequest } from "../../domain/people/access-request.js";
import type { RegisterItem } from "../../domain/strategic/register-item.js";
import { reachedPanel, type Referral } from "../../domain/referrals/referral.js";
import type { StoredCase, StoredDecision } from "../../application/ports/casework.js";
import { keyOf } from "./entity-store.js";

// The lists people read come from copies of each record under keys in the list's order, so a list
// is one contiguous key range that holds only what it shows: the panel's open actions never pass
// over its closed ones, and the newest referrals come first without reading the older ones. A
// record's copies are written in the same transaction as the record, with the same revision.

/** Newest first in key order: milliseconds before the year 2286, fixed width. */
export const newestFirst = (iso: string): string =>
  String(9_999_999_999_999 - Date.parse(iso)).padStart(13, "0");

export const referralLists = {
  /** Every referral that has reached the panel's coordinators, newest first. */
  reached: (panelId: string) => `referral-reached|${panelId}|`,
  /** Those waiting for the coordinator's triage, newest first. */
  waiting: (panelId: string) => `referral-waiting|${panelId}|`,
  /** Those waiting for a manager's approval, newest first. */
  approval: (managerId: string) => `referral-approval|${keyOf(managerId)}|`,
  /** Every referral its referrer made, whatever became of it, newest first: their own list. */
  by: (referrerId: string) => `referral-by|${keyOf(referrerId)}|`,
} as const;
export const referralByIdRow = (id: string) => `referral-id|${id}`;
/** A referral's place in an ordered list, after the list's prefix. */
export const referralPlace = (at: string, id: string) => `${newestFirst(at)}|${id}`;

/** Keys compared by their code units, as storage orders rows. */
export const inKeyOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function referralCopies(r: Referral): string[] {
  const place = referralPlace(r.submitted.at, r.id);
  const reached = reachedPanel(r);
  const waiting = r.status === "new" || r.status === "more-information-requested";
  return [
    referralByIdRow(r.id),
    referralLists.by(r.submitted.by) + place,
    ...(reached ? [referralLists.reached(r.panelId) + place] : []),
    ...(waiting ? [referralLists.waiting(r.panelId) + place] : []),
    ...(r.status === "awaiting-approval" && r.managerId ? [referralLists.approval(r.managerId) + place] : []),
  ];
}

export const caseLists = {
  open: (panelId: string) => `case-open|${panelId}|`,
  decidedOn: (panelId: string, day: string) => `case-decided|${panelId}|${day}|`,
  /** A panel's closed cases, the latest closed first. */
  closed: (panelId: string) => `case-closed|${panelId}|`,
  /** The area's closed cases by the day they closed, oldest first: what retention reads. */
  closedOn: "case-closed-on|",
  /** A subject's case on each panel. */
  ofSubject: (subjectId: string) => `subject-case|${subjectId}|`,
} as const;

/** Retention has dealt with a case it anonymised, until the case closes again. */
const awaitsRetention = (c: StoredCase, closed: string): boolean =>
  !c.anonymisedAt || c.anonymisedAt < closed;

export function caseCopies(c: StoredCase): string[] {
  const closed = c.status === "closed" ? closedAtOf(c) : undefined;
  return [
    caseLists.ofSubject(c.subjectId) + c.panelId,
    ...(c.status === "open" ? [caseLists.open(c.panelId) + c.subjectId] : []),
    ...(c.decidedOn ? [caseLists.decidedOn(c.panelId, c.decidedOn) + c.subjectId] : []),
    ...(closed
      ? [
          `${caseLists.closed(c.panelId)}${newestFirst(closed)}|${c.subjectId}`,
          ...(awaitsRetention(c, closed)
            ? [`${caseLists.closedOn}${closed.slice(0, 10)}|${c.panelId}|${c.subjectId}`]
            : []),
        ]
      : []),
  ];
}

/** Every decision about a subject, by meeting: its history reads one range. */
export const decisionsOfSubject = (subjectId: string) => `subject-decision|${subjectId}|`;
export const decisionCopies = (d: StoredDecision): string[] => [
  `${decisionsOfSubject(d.subjectId)}${d.meetingId}|${d.panelId}${howTaken(d) === "chairs-decision" ? "|chairs" : ""}`,
];

/** Where subjects are found: by reference, and by the digest of a name word or a postcode. */
export const subjectLists = {
  reference: (reference: string) => `subject-ref|${reference}`,
  word: (key: string) => `subject-word|${key}|`,
  postcode: (key: string) => `subject-postcode|${key}|`,
} as const;

/** A subject is found by its reference, each word of its name, and its postcode and district. */
export function subjectCopies(s: Subject): string[] {
  const { words, postcodes } = searchKeys(s);
  return [
    subjectLists.reference(s.reference),
    ...words.map((w) => subjectLists.word(w) + s.id),
    ...postcodes.map((p) => subjectLists.postcode(p) + s.id),
  ];
}

/** A link is copied under both of its ends, so either subject's links are one range. */
export const linksOf = (subjectId: string) => `link|${subjectId}|`;
/** While in force, a link also holds the key of its identity, created (never overwritten) with it. */
export const linkInForce = (l: Link) => `link-pair|${linkIdentity(l)}`;
export const linkCopies = (l: Link): string[] => [
  linksOf(l.from) + l.id,
  linksOf(l.to) + l.id,
  ...(l.ended ? [] : [linkInForce(l)]),
];

export const actionLists = {
  /** Open actions by due date, so those overdue on a day are the range before it. */
  open: (panelId: string) => `action-open|${panelId}|`,
  /** Done actions, and those closed as not possible, the most recently finished first. */
  done: (panelId: string) => `action-done|${panelId}|`,
  /** The actions agreed at one meeting. */
  at: (panelId: string, meetingId: string) => `action-at|${panelId}|${meetingId}|`,
} as const;
/** A finished action's place: when it was finished (see `finishedAt`), then its id. */
export const donePlace = (at: string, id: string) => `${newestFirst(at)}|${id}`;

export const actionsOfSubject = (subjectId: string) => `subject-action|${subjectId}|`;

/** The actions on one of a strategic panel's register entries. */
export const actionsOnRegisterItem = (panelId: string, itemId: string) =>
  `register-action|${panelId}|${itemId}|`;

export function actionCopies(a: Action): string[] {
  return [
    ...(a.registerItem ? [actionsOnRegisterItem(a.panelId, a.registerItem.id) + a.id] : []),
    ...(a.subjectId ? [actionsOfSubject(a.subjectId) + a.id] : []),
    actionLists.at(a.panelId, a.meetingId) + a.id,
    a.status === "open"
      ? `${actionLists.open(a.panelId)}${a.dueDate}|${a.id}`
      : actionLists.done(a.panelId) + donePlace(finishedAt(a), a.id),
  ];
}

export const openAccessList = (panelId: string) => `access-open|${panelId}|`;

export function accessCopies(r: AccessRequest): string[] {
  return r.status === "open" ? [openAccessList(r.panelId) + keyOf(r.personId)] : [];
}

export const registerLists = {
  open: (panelId: string) => `register-open|${panelId}|`,
  /** Closed entries, the latest closed first. */
  closed: (panelId: string) => `register-closed|${panelId}|`,
} as const;
/** A closed entry's place: when it was closed, then its id. */
export const closedRegisterPlace = (at: string, id: string) => `${newestFirst(at)}|${id}`;

export function registerCopies(r: RegisterItem): string[] {
  return r.status === "open"
    ? [registerLists.open(r.panelId) + r.id]
    : [registerLists.closed(r.panelId) + closedRegisterPlace(r.outcome?.at ?? r.raised.at, r.id)];
}
