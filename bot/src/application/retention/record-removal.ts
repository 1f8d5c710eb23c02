import { isDeepStrictEqual } from "node:util";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { howTaken } from "../../domain/decisions/taken.js";
import { fieldsOf, memberRowsIn, referralForm } from "../../domain/referrals/form.js";
import type { Referral } from "../../domain/referrals/referral.js";
import {
  anonymisedAction,
  anonymisedCase,
  anonymisedDecision,
  anonymisedLink,
  anonymisedNote,
  anonymisedReferral,
  anonymisedSubject,
  anonymisedThresholding,
} from "../../domain/retention/anonymise.js";
import type { Casework, CaseworkUnit, StoredAudit } from "../ports/casework.js";
import { OPERATIONS_PER_RECORD, OPERATIONS_PER_UNIT } from "../ports/record-removals.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import type { WholeRecord } from "./whole-record.js";

// A subject's record removed, or anonymised, in as many units of work as it needs. The order is
// what makes a run stopped part-way safe: what finds the rest goes last. Match keys are found from
// the referrals' answers, so they go before the referrals; the closed cases are what the next run
// finds, so they go last, the subject with the last of them. A run stopped between two units
// leaves a record the next run finds again and finishes.

/** One record's change, added to a unit of work. */
type Write = (unit: CaseworkUnit) => void;

/** Records per unit: each takes at most OPERATIONS_PER_RECORD, and one unit also holds the audit entry. */
const RECORDS_PER_UNIT = Math.floor((OPERATIONS_PER_UNIT - 1) / OPERATIONS_PER_RECORD);

/** Units filled from the end, so that the last holds the subject with its last cases. */
function unitsOf(writes: Write[]): Write[][] {
  const units: Write[][] = [];
  for (let end = writes.length; end > 0; end -= RECORDS_PER_UNIT)
    units.unshift(writes.slice(Math.max(0, end - RECORDS_PER_UNIT), end));
  return units;
}

export type RemovalPorts = {
  catalogue: Catalogue;
  casework: Pick<
    Casework,
    "unit" | "subject" | "subjectCases" | "case" | "referral" | "decision" | "action" | "link"
  >;
};

/** One write per item. */
const each = <T>(items: T[], write: (u: CaseworkUnit, item: T) => void): Write[] =>
  items.map((item) => (u) => write(u, item));

/** Every row of the record, in the order that keeps a stopped run finishable. */
function deletions(record: WholeRecord): Write[] {
  return [
    ...each(record.notices, (u, n) => u.removeNotice(n)),
    ...each(record.matches, (u, m) => u.removeMatch(m)),
    ...each(record.linkedOnly, (u, s) => u.removeSubject(s.value)),
    ...each(record.links, (u, l) => u.removeLink(l)),
    ...each(record.notes, (u, n) => u.removeCaseNote(n)),
    ...each(record.thresholdings, (u, t) => u.removeThresholdingOutcome(t)),
    ...each(record.decisions, (u, d) => u.removeDecision(d)),
    ...each(record.actions, (u, a) => u.removeAction(a)),
    ...each(record.referrals, (u, r) => u.removeReferral(r)),
    ...each(record.cases, (u, c) => u.removeCase(c)),
    (u) => u.removeSubject(record.subject.value),
  ];
}

/** A replacement where the anonymised value differs, from the version read just now. */
function replacing<T>(
  read: Versioned<T> | undefined,
  anonymised: (v: T) => T,
  write: (u: CaseworkUnit, next: T, before: Versioned<T>) => void,
): Write[] {
  if (!read) return [];
  const next = anonymised(read.value);
  return isDeepStrictEqual(next, read.value) ? [] : [(u) => write(u, next, read)];
}

/** The form's fields a referral was answered on, to keep its choices; none when the panel has gone. */
function formFields(catalogue: Catalogue, r: Referral) {
  const panel = catalogue.panels.get(r.panelId);
  const area = catalogue.areas.find((a) => a.id === r.areaId);
  return panel && area ? fieldsOf(referralForm(panel, area, r.kind, [], memberRowsIn(r.values))) : [];
}

/** What anonymising changes, read by key so each replacement is conditional on its version. */
async function anonymisations(ports: RemovalPorts, record: WholeRecord, at: string): Promise<Write[]> {
  const { casework } = ports;
  const areaId = record.subject.value.areaId;
  const [linkedOnly, links, decisions, actions, referrals, cases] = await Promise.all([
    Promise.all(record.linkedOnly.map((s) => casework.subject(areaId, s.value.id))),
    Promise.all(record.links.map((l) => casework.link(areaId, l.id))),
    Promise.all(
      record.decisions.map((d) =>
        casework.decision(areaId, d.panelId, d.meetingId, d.subjectId, howTaken(d)),
      ),
    ),
    Promise.all(record.actions.map((a) => casework.action(areaId, a.panelId, a.id))),
    Promise.all(record.referrals.map((r) => casework.referral(areaId, r.panelId, r.id))),
    Promise.all(record.cases.map((c) => casework.case(areaId, c.panelId, c.subjectId))),
  ]);
  return [
    ...record.notices.map(
      (n): Write =>
        (u) =>
          u.removeNotice(n),
    ),
    ...record.matches.map(
      (m): Write =>
        (u) =>
          u.removeMatch(m),
    ),
    ...linkedOnly.flatMap((s) => replacing(s, anonymisedSubject, (u, v, b) => u.replaceSubject(v, b))),
    ...links.flatMap((l) => replacing(l, anonymisedLink, (u, v, b) => u.replaceLink(v, b))),
    ...record.notes.flatMap((n): Write[] => {
      const next = anonymisedNote(n);
      return isDeepStrictEqual(next, n) ? [] : [(u) => u.replaceCaseNote(next)];
    }),
    ...record.thresholdings.flatMap((t): Write[] => {
      const next = anonymisedThresholding(t);
      return isDeepStrictEqual(next, t) ? [] : [(u) => u.putThresholdingOutcome(next)];
    }),
    ...decisions.flatMap((d) => replacing(d, anonymisedDecision, (u, v, b) => u.replaceDecision(v, b.etag))),
    ...actions.flatMap((a) => replacing(a, anonymisedAction, (u, v, b) => u.replaceAction(v, b))),
    ...referrals.flatMap((r) =>
      replacing(
        r,
        (v) => anonymisedReferral(v, formFields(ports.catalogue, v)),
        (u, v, b) => u.replaceReferral(v, b),
      ),
    ),
    ...cases.flatMap((c) =>
      replacing(
        c,
        (v) => anonymisedCase(v, at),
        (u, v, b) => u.replaceCase(v, b),
      ),
    ),
    ...replacing(record.subject, anonymisedSubject, (u, v, b) => u.replaceSubject(v, b)),
  ];
}

/**
 * Removes (or anonymises) the record in order, the audit entry in the first unit. A removal is not
 * conditional on versions, so the subject and its cases are read again before the last unit: a
 * record that changed since it was read (a referral joined it) is left for the next run to judge.
 * ConcurrencyConflict when it changed.
 */
export async function removeRecord(
  ports: RemovalPorts,
  record: WholeRecord,
  then: "delete" | "anonymise",
  audit: StoredAudit,
  by: string,
): Promise<void> {
  const areaId = record.subject.value.areaId;
  const writes = then === "delete" ? deletions(record) : await anonymisations(ports, record, audit.at);
  const units = unitsOf(writes);
  for (const [i, unitWrites] of units.entries()) {
    if (then === "delete" && i === units.length - 1) await unchangedSinceRead(ports, record);
    const unit = ports.casework.unit(areaId, by);
    if (i === 0) unit.audit(audit);
    unitWrites.forEach((write) => write(unit));
    await unit.commit();
  }
}

async function unchangedSinceRead(ports: RemovalPorts, record: WholeRecord): Promise<void> {
  const { areaId, id } = record.subject.value;
  const [subject, cases] = await Promise.all([
    ports.casework.subject(areaId, id),
    ports.casework.subjectCases(areaId, id),
  ]);
  if (!isDeepStrictEqual(subject?.value, record.subject.value) || !isDeepStrictEqual(cases, record.cases))
    throw new ConcurrencyConflict("AreaRecords", undefined);
}
