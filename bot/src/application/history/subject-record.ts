import type { Action } from "../../domain/actions/action.js";
import type { ThresholdingOutcome } from "../../domain/agenda/thresholding.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { presentersOf, type Subject } from "../../domain/cohort/case.js";
import type { ChronologyNames, SubjectRecord } from "../../domain/cohort/chronology.js";
import { otherEnd, type Link } from "../../domain/links/link.js";
import type { CaseNote } from "../../domain/minutes/record.js";
import type { Person } from "../../domain/people/membership.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { Refusal } from "../../domain/refusal.js";
import { SubjectIdInput } from "../access/subject-access.js";
import type { StoredCase, StoredDecision } from "../ports/casework.js";
import type { HistoryPorts } from "./history-ports.js";

// A subject's record read in two round trips, however long its history: first the subject with
// its cases, decisions, thresholding outcomes, actions, notes of its discussion and links, each one key range, read together; then, together, what
// those name: its referrals, the subjects at its links' other ends and the case's presenters.

/** What the first round trip reads. */
export interface HeldRecord {
  subject: Subject | undefined;
  cases: StoredCase[];
  decisions: StoredDecision[];
  thresholdings: ThresholdingOutcome[];
  actions: Action[];
  notes: CaseNote[];
  links: Link[];
}

export const noSuchSubject = () =>
  new Refusal("not-found", "There is no such subject in this area. Check the reference and try again.", {
    code: "unknown-subject",
  });

/** The subject id a request names; one that cannot be an id names no subject. */
export function subjectIdOf(raw: unknown): string {
  const parsed = SubjectIdInput.safeParse(raw);
  if (!parsed.success) throw noSuchSubject();
  return parsed.data;
}

export async function heldRecord(
  ports: Pick<HistoryPorts, "casework">,
  areaId: string,
  subjectId: string,
): Promise<HeldRecord> {
  const { casework } = ports;
  const [subject, cases, decisions, thresholdings, actions, notes, links] = await Promise.all([
    casework.subject(areaId, subjectId),
    casework.subjectCases(areaId, subjectId),
    casework.subjectDecisions(areaId, subjectId),
    casework.subjectThresholdings(areaId, subjectId),
    casework.subjectActions(areaId, subjectId),
    casework.subjectNotes(areaId, subjectId),
    casework.subjectLinks(areaId, subjectId),
  ]);
  return { subject: subject?.value, cases, decisions, thresholdings, actions, notes, links };
}

/**
 * Only what happened on these panels: what a presenter sees of the cases they present. The notes
 * of the panel's discussion are for its members, not its presenters.
 */
export function onPanels(held: HeldRecord, panelIds: Set<string>): HeldRecord {
  const on = (r: { panelId: string }) => panelIds.has(r.panelId);
  return {
    subject: held.subject,
    cases: held.cases.filter(on),
    decisions: held.decisions.filter(on),
    thresholdings: held.thresholdings.filter((t) => panelIds.has(t.districtPanelId)),
    actions: held.actions.filter(on),
    notes: [],
    links: held.links.filter(on),
  };
}

/** The panels whose case of the subject this person presents. */
export const presentedBy = (personId: string, cases: StoredCase[]): Set<string> =>
  new Set(cases.filter((c) => presentersOf(c).includes(personId)).map((c) => c.panelId));

/**
 * The second round trip: the referrals of the cases held (all of the subject's when every panel's
 * record is held), the linked subjects and the presenters, read together.
 */
export async function withWhatItNames(
  ports: Pick<HistoryPorts, "casework" | "directory">,
  areaId: string,
  subject: Subject,
  held: HeldRecord,
  everyPanel: boolean,
): Promise<{ record: SubjectRecord; people: Map<string, Person> }> {
  const referralIds = [
    ...new Set([...(everyPanel ? subject.referralIds : []), ...held.cases.flatMap((c) => c.referralIds)]),
  ];
  const linkedIds = [...new Set(held.links.map((l) => otherEnd(l, subject.id)))];
  const presenterIds = [...new Set(held.cases.flatMap(presentersOf))];
  const [referrals, linked, people] = await Promise.all([
    Promise.all(referralIds.map((id) => ports.casework.referralById(areaId, id))),
    linkedIds.length ? ports.casework.subjects(areaId, linkedIds) : new Map<string, Subject>(),
    presenterIds.length ? ports.directory.people(presenterIds) : new Map<string, Person>(),
  ]);
  const found = referrals.filter((r): r is Referral => r !== undefined);
  return {
    record: {
      subject,
      referrals: found,
      cases: held.cases,
      decisions: held.decisions,
      thresholdings: held.thresholdings,
      actions: held.actions,
      notes: held.notes,
      links: held.links,
      linked,
    },
    people,
  };
}

/** How the record's identifiers read, from the catalogue and the people read with it. */
export function namesFrom(catalogue: Catalogue, people: Map<string, Person>): ChronologyNames {
  const areaOf = (panelId: string) =>
    catalogue.areas.find((a) => a.id === catalogue.panels.get(panelId)?.areaId);
  return {
    panel: (id) => catalogue.panels.get(id)?.name ?? id,
    agency: (id) => catalogue.agencies.get(id)?.name ?? id,
    risk: (panelId, level) => areaOf(panelId)?.riskScale.levels.find((l) => l.id === level)?.label ?? level,
    person: (id) => people.get(id)?.displayName,
  };
}

export interface CaseSummary {
  panelId: string;
  panelName: string;
  reference: string;
  status: "open" | "closed";
  riskLevel: string | null;
  openedAt: string;
  closedAt: string | null;
  nextMeetingDate: string | null;
  presenters: string[];
}

/** The subject's case on each panel as it stands. */
export const casesOf = (record: SubjectRecord, names: ChronologyNames): CaseSummary[] =>
  record.cases.map((c) => ({
    panelId: c.panelId,
    panelName: names.panel(c.panelId),
    reference: c.reference,
    status: c.status,
    riskLevel: c.riskLevel && names.risk(c.panelId, c.riskLevel),
    openedAt: c.openedAt,
    closedAt: c.closedAt ?? null,
    nextMeetingDate: c.nextMeetingDate,
    presenters: presentersOf(c).flatMap((id) => names.person(id) ?? []),
  }));
