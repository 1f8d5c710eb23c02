import {
  chronology,
  momentInWords,
  referencesShown,
  type ChronologyEntry,
} from "../../domain/cohort/chronology.js";
import { DOCUMENT_KIND_LABELS, type AttachedDocument } from "../../domain/documents/document.js";
import { KIND_TITLES, memberRowsIn, referralForm } from "../../domain/referrals/form.js";
import { answersOf, type FormAnswer } from "../../domain/referrals/form-answers.js";
import { STATUS_LABELS, type Referral } from "../../domain/referrals/referral.js";
import { Refusal } from "../../domain/refusal.js";
import { auditEntry } from "../audit/audit-trail.js";
import { refuseSuspended } from "../access/panel-access.js";
import { knownArea, namedInConfiguration } from "../people/people-access.js";
import type { Caller } from "../people/people-ports.js";
import type { HistoryPorts } from "./history-ports.js";
import {
  casesOf,
  heldRecord,
  namesFrom,
  noSuchSubject,
  subjectIdOf,
  withWhatItNames,
  type CaseSummary,
} from "./subject-record.js";

// Everything the product holds about one subject, for a subject access request under UK GDPR:
// its referrals with their answers, its cases, decisions, actions, notes of its discussion at
// meetings and links, and the audit trail
// of who read or changed it. Only the area's administrators export it, and the export is audited.
// Reading the audit trail goes through every month since the subject's first record: a long read,
// for an administrator now and then, never a page.

export interface ReferralRecord {
  reference: string;
  panelName: string;
  kind: string;
  status: string;
  submittedAt: string;
  referrer: { name: string; agency: string; jobTitle: string; email: string };
  meetingDate: string | null;
  answers: FormAnswer[];
}

/** A document held about the subject: what it is, never its contents (those are sent with the export on request). */
export interface DocumentLine {
  name: string;
  kind: string;
  attachedTo: string;
  uploadedBy: string;
  uploadedAt: string;
  review: string;
}

/** A note of the subject's case's discussion at a meeting. */
export interface NoteRecord {
  panelName: string;
  meetingDate: string;
  /** The agenda item it was kept against: the case's reference. */
  item: string;
  text: string;
  recordedBy: string;
  at: string;
  corrections: number;
}

export interface AuditLine {
  at: string;
  who: string;
  /** What they did, in words: "history viewed". */
  action: string;
  via: string;
  panelName: string;
}

export interface SubjectAccessRecord {
  areaName: string;
  producedAt: string;
  producedBy: string;
  subject: {
    reference: string;
    kind: string;
    label: string;
    postcode: string | null;
    recordedAt: string | null;
  };
  referrals: ReferralRecord[];
  cases: CaseSummary[];
  /** The notes of its cases' discussion at meetings, oldest meeting first. */
  notes: NoteRecord[];
  /** Oldest first. */
  entries: ChronologyEntry[];
  /** The documents attached to its cases and referrals, oldest first. */
  documents: DocumentLine[];
  /** Who read or changed the record, oldest first. */
  audit: AuditLine[];
}

/** Every document attached to the subject's cases and to its referrals, oldest first, read together. */
async function documentsHeld(
  ports: Pick<HistoryPorts, "documents">,
  areaId: string,
  subjectId: string,
  referrals: Referral[],
): Promise<AttachedDocument[]> {
  const lists = await Promise.all([
    ports.documents.ofSubject(areaId, subjectId),
    ...referrals.map((r) => ports.documents.ofReferral(areaId, r.id)),
  ]);
  return lists
    .flat()
    .map((d) => d.value)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
}

/** The start of the day of the earliest moment: where the subject's record begins. */
const dayOfFirst = (moments: (string | null | undefined)[]): string | undefined => {
  const first = moments.filter((m): m is string => !!m).sort()[0];
  return first && `${first.slice(0, 10)}T00:00:00.000Z`;
};

export async function subjectAccessExport(
  ports: HistoryPorts,
  caller: Caller,
  areaId: unknown,
  subjectId: unknown,
  via: string,
  /** What to say when there is no such subject, where the request named it otherwise. */
  say: { notFound?: string } = {},
): Promise<SubjectAccessRecord> {
  const area = knownArea(ports, areaId);
  const id = subjectIdOf(subjectId);
  const [access, held] = await Promise.all([
    ports.directory.accessOf(caller.id),
    heldRecord(ports, area.id, id),
  ]);
  refuseSuspended(access);
  if (!access.administers.includes(area.id) && !namedInConfiguration(ports, caller, area.id))
    throw new Refusal(
      "not-allowed",
      `Only ${area.name}'s administrators can export a subject's record for a subject access request. Ask one of them.`,
      { code: "administrators-only" },
    );
  const subject = held.subject;
  if (!subject)
    throw say.notFound
      ? new Refusal("not-found", say.notFound, { code: "unknown-subject" })
      : noSuchSubject();
  const { record, people } = await withWhatItNames(ports, area.id, subject, held, true);
  const documents = await documentsHeld(ports, area.id, subject.id, record.referrals);
  const now = ports.now().toISOString();
  const audit = await ports.casework.auditAbout(
    area.id,
    {
      subjectId: subject.id,
      referralIds: [...new Set([...subject.referralIds, ...record.referrals.map((r) => r.id)])],
      references: [
        ...new Set([
          subject.reference,
          ...record.referrals.map((r) => r.reference),
          ...record.actions.map((a) => a.reference),
        ]),
      ],
    },
    dayOfFirst([
      subject.createdAt,
      ...record.referrals.map((r) => r.submitted.at),
      ...record.cases.map((c) => c.openedAt),
    ]) ?? now,
    now,
  );
  const named = await ports.directory.people([
    ...new Set([
      ...audit.map((a) => a.actorId),
      ...record.referrals.flatMap((r) => (r.managerId ? [r.managerId] : [])),
    ]),
  ]);
  const names = namesFrom(ports.catalogue, new Map([...people, ...named]));
  const entries = chronology(record, names);

  const referralRecord = (r: Referral): ReferralRecord => {
    const panel = ports.catalogue.panels.get(r.panelId);
    const manager = r.managerId ? named.get(r.managerId) : undefined;
    const approvers = manager
      ? [{ id: manager.id, name: `${manager.displayName}, ${manager.jobTitle}` }]
      : [];
    return {
      reference: r.reference,
      panelName: names.panel(r.panelId),
      kind: KIND_TITLES[r.kind],
      status: STATUS_LABELS[r.status],
      submittedAt: r.submitted.at,
      referrer: {
        name: r.submitted.byName,
        agency: names.agency(r.referrer.agencyId),
        jobTitle: r.referrer.jobTitle,
        email: r.referrer.email,
      },
      meetingDate: r.meetingDate,
      answers: panel
        ? answersOf(referralForm(panel, area, r.kind, approvers, memberRowsIn(r.values)), r.values)
        : [],
    };
  };

  await ports.casework.appendAudit(area.id, [
    auditEntry(ports.now(), {
      areaId: area.id,
      panelId: "",
      actorId: caller.id,
      action: "subject-access.exported",
      subjectId: subject.id,
      reference: subject.reference,
      shown: referencesShown(subject, entries),
      via,
    }),
  ]);
  return {
    areaName: area.name,
    producedAt: now,
    producedBy: caller.name,
    subject: {
      reference: subject.reference,
      kind: KIND_TITLES[subject.kind],
      label: subject.label,
      postcode: subject.postcode ?? null,
      recordedAt: subject.createdAt ?? null,
    },
    referrals: record.referrals.map(referralRecord),
    cases: casesOf(record, names),
    notes: record.notes.map((n) => ({
      panelName: names.panel(n.panelId),
      meetingDate: n.meetingId,
      item: `Case ${n.reference ?? subject.reference}`,
      text: n.text,
      recordedBy: n.recordedByName,
      at: n.at,
      corrections: n.corrections,
    })),
    entries,
    documents: documents.map((d) => ({
      name: d.name,
      kind: DOCUMENT_KIND_LABELS[d.kind],
      attachedTo: `${d.owner.kind === "case" ? "Case" : "Referral"} ${d.reference}, ${names.panel(d.owner.panelId)}`,
      uploadedBy: d.uploadedBy.name,
      uploadedAt: d.uploadedAt,
      review: d.review
        ? `Reviewed by ${d.review.by.name} on ${momentInWords(d.review.at)}${d.review.note ? `: ${d.review.note}` : ""}`
        : "",
    })),
    audit: audit.map((a) => {
      const who = named.get(a.actorId);
      return {
        at: a.at,
        who: who
          ? `${who.displayName} (${names.agency(who.agencyId)})`
          : `someone no longer in the directory (${a.actorId})`,
        action: a.action.replace(/[.-]/g, " "),
        via: a.via,
        panelName: a.panelId ? names.panel(a.panelId) : area.name,
      };
    }),
  };
}
