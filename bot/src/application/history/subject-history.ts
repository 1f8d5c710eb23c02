import type { ReferralKind } from "../../domain/catalogue/panel.js";
import {
  chronology,
  referencesShown,
  type ChronologyEntry,
  type SubjectRecord,
} from "../../domain/cohort/chronology.js";
import type { Actor } from "../../domain/people/actor.js";
import { KIND_TITLES } from "../../domain/referrals/form.js";
import { readableNotes } from "../access/note-access.js";
import { accessArea, AreaIdInput, refuseUnlessMaySee } from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { HistoryPorts } from "./history-ports.js";
import {
  casesOf,
  heldRecord,
  namesFrom,
  noSuchSubject,
  onPanels,
  presentedBy,
  subjectIdOf,
  withWhatItNames,
  type CaseSummary,
} from "./subject-record.js";

// A subject's case history across the area's panels, for the members of any of them; a presenter
// sees the history of the cases they present, and of those only; the notes of a discussion only
// as the minutes' readers do (access/note-access.ts). Two round trips of reads
// whatever the history's length (who the person is goes with the first), and one entry in the
// audit trail naming every reference the page shows.

export interface SubjectHistory {
  subject: { id: string; reference: string; kind: ReferralKind; kindLabel: string; label: string };
  cases: CaseSummary[];
  /** Oldest first. */
  entries: ChronologyEntry[];
}

export async function subjectHistory(
  ports: HistoryPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  via: string,
): Promise<SubjectHistory> {
  const id = subjectIdOf(subjectId);
  const area = AreaIdInput.safeParse(areaId);
  // An area that cannot be one is refused by the access check; nothing is read for it.
  const [access, held] = await Promise.all([
    accessArea(ports, actor.id, areaId),
    area.success ? heldRecord(ports, area.data, id) : undefined,
  ]);
  const subject = held?.subject;
  if (!held || !subject) throw noSuchSubject();
  refuseUnlessMaySee(access, held.cases);
  const shown = access.presenterOnly ? onPanels(held, presentedBy(actor.id, held.cases)) : held;
  // The notes' meetings are read with what the record names, in the same round trip.
  const [{ record: whole, people }, notes] = await Promise.all([
    withWhatItNames(ports, access.areaId, subject, shown, !access.presenterOnly),
    readableNotes(ports, actor.id, access.roles, shown.notes),
  ]);
  const record = { ...whole, notes };
  const names = namesFrom(ports.catalogue, people);
  const entries = chronology(access.presenterOnly ? withoutLinkedNames(record) : record, names);
  await ports.casework.appendAudit(access.areaId, [
    auditEntry(ports.now(), {
      areaId: access.areaId,
      // The history crosses the area's panels: the entry is the area's.
      panelId: "",
      actorId: actor.id,
      action: "history.viewed",
      subjectId: subject.id,
      reference: subject.reference,
      shown: referencesShown(subject, entries),
      via,
    }),
  ]);
  return {
    subject: {
      id: subject.id,
      reference: subject.reference,
      kind: subject.kind,
      kindLabel: KIND_TITLES[subject.kind],
      label: subject.label,
    },
    cases: casesOf(record, names),
    entries,
  };
}

/**
 * What a presenter sees of the subjects their case is linked to: the reference and kind, as on the
 * map, not the names or the notes the panel wrote about them, since they present only their case.
 */
function withoutLinkedNames(record: SubjectRecord): SubjectRecord {
  return {
    ...record,
    linked: new Map([...record.linked].map(([id, s]) => [id, { ...s, label: "" }])),
    links: record.links.map((l) => ({ ...l, note: "" })),
  };
}
