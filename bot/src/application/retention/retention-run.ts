import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { recordVerdict, type RecordVerdict } from "../../domain/retention/record-due.js";
import {
  describePolicy,
  lastClosingDayDue,
  type RetentionPolicy,
} from "../../domain/retention/retention-policy.js";
import { otherEnd } from "../../domain/links/link.js";
import { localDay } from "../../domain/schedule/dates.js";
import { Refusal } from "../../domain/refusal.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Casework, StoredCase } from "../ports/casework.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { removeRecord } from "./record-removal.js";
import { removeDocumentsOf, type DocumentRemovalPorts } from "./remove-documents.js";
import { readWholeRecord, referencesOf, type WholeRecord } from "./whole-record.js";

// The retention job: in each area whose policy has a period, the records of subjects whose every
// case closed longer ago than the period are deleted or anonymised, subject by subject. A dry run
// reads the same and writes nothing. A run can be stopped between two subjects, and run again:
// each subject is read as it is now, and what is gone is not found again.

export interface RetentionPorts extends DocumentRemovalPorts {
  catalogue: Catalogue;
  casework: Casework;
  now: () => Date;
}

export interface RetentionOptions {
  /** One area, or every area of the catalogue. */
  areaId?: string;
  dryRun: boolean;
  /** Who runs it and through what, for the audit entries. */
  actorId: string;
  via: string;
  /** Stops the run before the next subject. */
  signal?: AbortSignal;
  onProgress?: (p: RetentionProgress) => void;
}

export type RetentionProgress =
  | { step: "looked"; areaId: string; due: number; kept: number }
  | {
      step: "record";
      areaId: string;
      done: number;
      of: number;
      reference: string;
      outcome: "deleted" | "anonymised" | "changed";
    };

/** A record that has passed its period: its references, and why it is due, in words. */
export interface DueRecord {
  subjectId: string;
  reference: string;
  why: string;
  references: string[];
}
export interface KeptRecord {
  subjectId: string;
  reference: string;
  why: string;
}

export interface AreaRetention {
  areaId: string;
  policy: string;
  then: RetentionPolicy["then"];
  /** Cases closed on or before this day are past the period; none when kept indefinitely. */
  closedUpTo?: string;
  due: DueRecord[];
  /** Subjects with a case closed long enough ago, kept for another case. */
  kept: KeptRecord[];
  /** In a run: the records removed or anonymised, and those that changed while it ran (left to the next). */
  done: string[];
  changed: string[];
}

export interface RetentionReport {
  today: string;
  dryRun: boolean;
  /** Stopped before every due record was dealt with; running again finishes. */
  stopped: boolean;
  areas: AreaRetention[];
}

/** Closed cases read at a time, and subjects' records read together. */
const PAGE = 100;
const READ_TOGETHER = 10;

export async function runRetention(
  ports: RetentionPorts,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const today = localDay(ports.now());
  const areas = options.areaId
    ? ports.catalogue.areas.filter((a) => a.id === options.areaId)
    : ports.catalogue.areas;
  if (!areas.length)
    throw new Refusal("not-found", `There is no area "${options.areaId ?? ""}" in the panel catalogue.`);
  const report: RetentionReport = { today, dryRun: options.dryRun, stopped: false, areas: [] };
  for (const area of areas) {
    if (options.signal?.aborted) return { ...report, stopped: true };
    const outcome = await retainArea(ports, options, area.id, area.retention, today);
    report.areas.push(outcome.area);
    if (outcome.stopped) return { ...report, stopped: true };
  }
  return report;
}

async function retainArea(
  ports: RetentionPorts,
  options: RetentionOptions,
  areaId: string,
  policy: RetentionPolicy,
  today: string,
): Promise<{ area: AreaRetention; stopped: boolean }> {
  const area: AreaRetention = {
    areaId,
    policy: describePolicy(policy),
    then: policy.then,
    due: [],
    kept: [],
    done: [],
    changed: [],
  };
  const lastDue = lastClosingDayDue(policy, today);
  if (!lastDue) return { area, stopped: false };
  area.closedUpTo = lastDue;

  const looked = await lookThrough(ports, areaId, lastDue, options.signal, async (subjectIds) => {
    const records = await Promise.all(subjectIds.map((id) => readWholeRecord(ports.casework, areaId, id)));
    for (const record of records) {
      if (!record) continue;
      const { id: subjectId, reference } = record.subject.value;
      const verdict = recordVerdict(record.cases, policy, today, record.waitingReferrals);
      if (verdict.due)
        area.due.push({
          subjectId,
          reference,
          why: whyDue(ports, verdict),
          references: referencesOf(record),
        });
      else area.kept.push({ subjectId, reference, why: whyKept(ports, verdict) });
    }
  });
  options.onProgress?.({ step: "looked", areaId, due: area.due.length, kept: area.kept.length });
  if (looked.stopped || options.dryRun) return { area, stopped: looked.stopped };

  for (const [i, { subjectId, reference }] of area.due.entries()) {
    if (options.signal?.aborted) return { area, stopped: true };
    const removed = await removeAsItIsNow(ports, options, subjectId, areaId, policy, today);
    (removed ? area.done : area.changed).push(reference);
    options.onProgress?.({
      step: "record",
      areaId,
      done: i + 1,
      of: area.due.length,
      reference,
      outcome: removed ? (policy.then === "delete" ? "deleted" : "anonymised") : "changed",
    });
  }
  return { area, stopped: false };
}

/**
 * Each subject with a case closed on or before `lastDue`, once, the longest closed first, a few
 * at a time: their records are read together.
 */
async function lookThrough(
  ports: RetentionPorts,
  areaId: string,
  lastDue: string,
  signal: AbortSignal | undefined,
  visit: (subjectIds: string[]) => Promise<void>,
): Promise<{ stopped: boolean }> {
  const seen = new Set<string>();
  let after: StoredCase | undefined;
  for (;;) {
    if (signal?.aborted) return { stopped: true };
    const page = await ports.casework.closedBy(areaId, lastDue, PAGE, after);
    const fresh = [...new Set(page.map((c) => c.subjectId))].filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    for (let i = 0; i < fresh.length; i += READ_TOGETHER) await visit(fresh.slice(i, i + READ_TOGETHER));
    after = page.at(-1);
    if (page.length < PAGE) return { stopped: false };
  }
}

/**
 * The record read again and judged again just before it goes, since time has passed since the
 * look; false when it changed (it is kept, and the next run judges it afresh).
 */
async function removeAsItIsNow(
  ports: RetentionPorts,
  options: RetentionOptions,
  subjectId: string,
  areaId: string,
  policy: RetentionPolicy,
  today: string,
): Promise<boolean> {
  const record = await readWholeRecord(ports.casework, areaId, subjectId);
  const verdict = record && recordVerdict(record.cases, policy, today, record.waitingReferrals);
  if (!record || !verdict?.due) return false;
  const audit = auditEntry(ports.now(), {
    areaId,
    panelId: verdict.lastClosed.panelId,
    actorId: options.actorId,
    action: "record.removed",
    subjectId,
    reference: record.subject.value.reference,
    via: `${options.via} (${policy.then === "delete" ? "deleted" : "anonymised"})`,
    shown: referencesOf(record),
  });
  try {
    await removeRecord(ports, record, policy.then, audit, options.actorId);
  } catch (e) {
    if (e instanceof ConcurrencyConflict) return false;
    throw e;
  }
  // The documents once the record's removal has committed, so a record kept by a change made
  // meanwhile keeps its documents too.
  await removeDocumentsOf(ports, record);
  if (policy.then === "delete") await auditKeptEnds(ports, options, record);
  return true;
}

/**
 * A deleted record's links go from the subjects it was linked to and whose records are kept: each
 * of those is told in its own audit trail, so the link is not gone from its record without a trace.
 */
async function auditKeptEnds(ports: RetentionPorts, options: RetentionOptions, record: WholeRecord) {
  const { id, areaId, reference } = record.subject.value;
  const removed = new Set([id, ...record.linkedOnly.map((s) => s.value.id)]);
  const kept = record.links.filter((l) => !removed.has(otherEnd(l, id)));
  if (!kept.length) return;
  const subjects = await ports.casework.subjects(
    areaId,
    kept.map((l) => otherEnd(l, id)),
  );
  await ports.casework.appendAudit(
    areaId,
    kept.flatMap((l) => {
      const end = subjects.get(otherEnd(l, id));
      return end
        ? [
            auditEntry(ports.now(), {
              areaId,
              panelId: l.panelId,
              actorId: options.actorId,
              action: "link.ended",
              subjectId: end.id,
              reference: end.reference,
              shown: [reference],
              via: `${options.via} (the linked record ${reference} was deleted)`,
            }),
          ]
        : [];
    }),
  );
}

const panelName = (ports: RetentionPorts, panelId: string): string =>
  ports.catalogue.panels.get(panelId)?.name ?? panelId;

function whyDue(ports: RetentionPorts, v: Extract<RecordVerdict, { due: true }>): string {
  return `every case closed; the last at ${panelName(ports, v.lastClosed.panelId)} on ${v.lastClosed.on}, due from ${v.dueFrom}`;
}

function whyKept(ports: RetentionPorts, v: Extract<RecordVerdict, { due: false }>): string {
  if (v.why === "open") return `still open at ${panelName(ports, v.panelId)}`;
  if (v.why === "not-yet-due")
    return `closed at ${panelName(ports, v.panelId)} on ${v.closedOn}, due from ${v.dueFrom}`;
  if (v.why === "referral-waiting")
    return `a referral waiting for a decision may be about the same subject (${v.references.join(", ")})`;
  return v.why === "no-case" ? "no case" : "kept indefinitely";
}
