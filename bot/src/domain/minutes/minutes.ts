import { ownerParts, type Action } from "../actions/action.js";
import type { Apology, Quorum, SignIn } from "../attendance/sign-in.js";
import { DECISION_LABELS, describeDecision, type Decision } from "../decisions/decision.js";
import { howTaken, quorumWhenTaken } from "../decisions/taken.js";
import { dayInWords } from "../schedule/dates.js";
import { caseKey, itemKeyOf, type MinutesStatus } from "./record.js";

// The minutes of a meeting, generated from what was recorded during it: attendance and apologies,
// quorum, each item's decision (and whether the panel was quorate when it was taken) and actions,
// the chairs' decisions taken since the last meeting, reported here, and the themes for the
// strategic MACE, and the coordinator's note of each item's discussion, in agenda order. They
// start as a draft, read only by the coordinators and chairs, until the panel agrees them at its
// next meeting; only agreed minutes are exported for the agencies' own records.

export interface MinutesItem {
  subjectId: string;
  reference: string;
  /** The subject's name, for members. */
  label: string | null;
  section: string;
  decision: string | null;
  decisionKind: string | null;
  /** Whether the meeting was quorate when the decision was taken, in a sentence; null when not known. */
  quorum: string | null;
  riskLevel: string | null;
  links: string[];
  disruption: string[];
  actions: { reference: string; title: string; owner: string; agency: string; dueDate: string }[];
  /** The note of the discussion; null when none was taken, or before sign-in on the day. */
  note: string | null;
  /** The item's place on the agenda, among the cases and the other items. */
  position: number;
}

/** An agenda item that is not a case (agency updates, themes, any other business), with its note. */
export interface DiscussionMinute {
  id: string;
  title: string;
  note: string;
  position: number;
}

/** A chairs' decision taken outside the meeting, reported at it. */
export interface ChairsDecisionMinute {
  subjectId: string;
  reference: string;
  label: string | null;
  decision: string;
  decisionKind: string;
  /** "Agreed by Tom Ashworth (chair) on 20 December 2026." */
  agreed: string;
  reason: string;
  recordedBy: string;
}

export interface Minutes {
  panelName: string;
  areaName: string;
  meetingId: string;
  meetingDescription: string;
  confidentialityStatement: string;
  attendance: { name: string; agency: string; capacity: string }[];
  apologies: { name: string; agency: string }[];
  quorum: Quorum;
  items: MinutesItem[];
  /** The other items' notes, placed among the cases by `position`. */
  discussion: DiscussionMinute[];
  chairsDecisions: ChairsDecisionMinute[];
  themes: string[];
  /** Draft, agreed, or agreed and awaiting a chair's agreement to circulate them. */
  status: MinutesStatus;
  /** The agreement's version, sent back when a chair agrees to circulate them; null for a draft. */
  agreementVersion: string | null;
  generatedAt: string;
}

export interface MinutesSource {
  panelName: string;
  areaName: string;
  meetingId: string;
  meetingDescription: string;
  confidentialityStatement: string;
  signIns: SignIn[];
  apologies: Apology[];
  quorum: Quorum;
  agendaItems: { subjectId: string; reference: string; label: string | null; section: string }[];
  /** The agenda's fixed items, in order, each placed before the case item it precedes. */
  fixedItems: { id: string; title: string; before: number }[];
  /** Each item's note by its key (`case:…`, `item:…`); empty before sign-in on the day. */
  notes: Map<string, string>;
  status: MinutesStatus;
  agreementVersion: string | null;
  decisions: Decision[];
  actions: (Action & { ownerAgency: string })[];
  agencyName: (id: string) => string;
  panelNameOf: (id: string) => string;
  riskLabel: (id: string) => string;
  now: string;
}

const CAPACITY: Record<string, string> = {
  member: "member",
  deputy: "deputy",
  presenter: "presenter",
  guest: "guest",
};

/** The minutes: the agenda's items in order, each with what was decided and agreed. */
export function buildMinutes(s: MinutesSource): Minutes {
  const atTheMeeting = s.decisions.filter((d) => howTaken(d) === "at-the-meeting");
  const decisions = new Map(atTheMeeting.map((d) => [d.subjectId, d]));
  const labels = new Map(s.agendaItems.map((i) => [i.subjectId, i.label]));
  const items: MinutesItem[] = s.agendaItems.map((item, index) => {
    const d = decisions.get(item.subjectId);
    const links = d
      ? [
          ...d.volt.personsOfConcern.map((x) => `Person of concern: ${x}`),
          ...d.volt.locations.map((x) => `Location: ${x}`),
          ...d.volt.groups.map((x) => `Group: ${x}`),
          ...d.volt.themes.map((x) => `Theme: ${x}`),
        ]
      : [];
    return {
      subjectId: item.subjectId,
      reference: item.reference,
      label: item.label,
      section: item.section,
      decision: d ? describeDecision(d, s.panelNameOf) : null,
      decisionKind: d ? DECISION_LABELS[d.kind] : null,
      quorum: d ? quorumWhenTaken(d.taken) : null,
      riskLevel: d?.riskLevel ? s.riskLabel(d.riskLevel) : null,
      links,
      disruption: d ? [...d.disruption, ...(d.disruptionDetail ? [d.disruptionDetail] : [])] : [],
      actions: s.actions
        .filter((a) => a.subjectId === item.subjectId && a.meetingId === s.meetingId)
        .map((a) => ({
          reference: a.reference,
          title: a.title,
          ...ownerParts(a, a.ownerAgency),
          dueDate: a.dueDate,
        })),
      note: s.notes.get(caseKey(item.subjectId)) ?? null,
      position: positionOf(s.fixedItems, index),
    };
  });
  const discussion = s.fixedItems.flatMap((f, i) => {
    const note = s.notes.get(itemKeyOf(f.id));
    return note ? [{ id: f.id, title: f.title, note, position: f.before + i }] : [];
  });
  const themes = [...new Set(s.decisions.flatMap((d) => d.volt.themes))].sort();
  return {
    panelName: s.panelName,
    areaName: s.areaName,
    meetingId: s.meetingId,
    meetingDescription: s.meetingDescription,
    confidentialityStatement: s.confidentialityStatement,
    attendance: s.signIns
      .map((x) => ({
        name: x.name,
        agency: s.agencyName(x.agencyId),
        capacity: CAPACITY[x.capacity] ?? x.capacity,
      }))
      .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name)),
    apologies: s.apologies.map((a) => ({ name: a.personName, agency: s.agencyName(a.agencyId) })),
    quorum: s.quorum,
    items,
    discussion,
    chairsDecisions: s.decisions.flatMap((d) =>
      d.taken?.how === "chairs-decision"
        ? [
            {
              subjectId: d.subjectId,
              reference: d.reference,
              label: labels.get(d.subjectId) ?? null,
              decision: describeDecision(d, s.panelNameOf),
              decisionKind: DECISION_LABELS[d.kind],
              agreed: `Agreed by ${d.taken.chairName} (chair) on ${dayInWords(d.taken.on)}.`,
              reason: d.taken.reason,
              recordedBy: d.recordedByName,
            },
          ]
        : [],
    ),
    themes,
    status: s.status,
    agreementVersion: s.agreementVersion,
    generatedAt: s.now,
  };
}

/** The place of the `index`th case on the agenda: after the cases and fixed items before it. */
const positionOf = (fixed: { before: number }[], index: number): number =>
  index + fixed.filter((f) => f.before <= index).length;
