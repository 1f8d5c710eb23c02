import { DateTime } from "luxon";
import type { ThresholdingOutcome } from "../agenda/thresholding.js";
import { ownerInWords, type Action } from "../actions/action.js";
import { DECISION_LABELS, DecisionKind, describeDecision, type Decision } from "../decisions/decision.js";
import { quorumWhenTaken } from "../decisions/taken.js";
import { linkWording, otherEnd, type Link } from "../links/link.js";
import type { CaseNote } from "../minutes/record.js";
import type { Referral } from "../referrals/referral.js";
import { dayInWords } from "../schedule/dates.js";
import { presentersOf, type Case, type Subject } from "./case.js";
import { thresholdingEntry } from "./thresholding-entry.js";
import {
  detail,
  type ChronologyEntry,
  type ChronologyKind,
  type ChronologyNames,
} from "./chronology-entry.js";
import { referralEntries } from "./referral-entries.js";
export type {
  ChronologyDetail,
  ChronologyEntry,
  ChronologyKind,
  ChronologyNames,
} from "./chronology-entry.js";
export { dayInWords };

// A subject's case history across the area's panels, oldest first: how it was referred and
// triaged, the case opened and closed on each panel, each meeting's decision (a chairs' decision
// between meetings marked as one), the thresholding meeting's outcomes, the actions agreed and what became of them, and the links
// drawn to other subjects. Built from the records alone, so the tab's page and the subject access
// export tell the same story.

// What comes first when two things happened at the same moment: the acceptance opens the case,
// the discussion's note comes before its decision, and a decision closes the case (or opens it on
// the strategic MACE).
const RANK: Record<ChronologyKind, number> = {
  referral: 0,
  "transfer-in": 1,
  approval: 2,
  question: 3,
  answer: 4,
  triage: 5,
  note: 6,
  decision: 7,
  thresholding: 8,
  "transfer-out": 9,
  "case-opened": 10,
  action: 11,
  "link-added": 12,
  "link-ended": 13,
  "case-closed": 14,
};

/** Everything the panel's record holds about one subject, as read. */
export interface SubjectRecord {
  subject: Subject;
  referrals: Referral[];
  cases: Case[];
  decisions: Decision[];
  /** Staffordshire's thresholding meeting's outcomes for its cases, with their rationale. */
  thresholdings: ThresholdingOutcome[];
  actions: Action[];
  /** The notes of its cases' discussion at meetings. */
  notes: CaseNote[];
  links: Link[];
  /** The subjects at the other ends of its links, by id. */
  linked: Map<string, Pick<Subject, "reference" | "label">>;
}

/** "21 January 2027 at 10:05", in UK time. */
export const momentInWords = (iso: string): string =>
  DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("d LLLL yyyy 'at' HH:mm");

function caseEntries(c: Case, names: ChronologyNames): ChronologyEntry[] {
  const at = { panelId: c.panelId, panelName: names.panel(c.panelId), reference: c.reference };
  const presenters = presentersOf(c).map((id) => names.person(id) ?? "someone no longer in the directory");
  const last = DecisionKind.safeParse(c.lastDecision?.kind);
  const opened: ChronologyEntry = {
    ...at,
    at: c.openedAt,
    kind: "case-opened",
    title: `Case opened on ${at.panelName}`,
    by: null,
    details: detail("Presented by", presenters.join(", ")),
  };
  const closed: ChronologyEntry[] =
    c.status === "closed" && c.closedAt
      ? [
          {
            ...at,
            at: c.closedAt,
            kind: "case-closed",
            title: `Case closed on ${at.panelName}`,
            by: null,
            details: detail("Last decision", last.success ? DECISION_LABELS[last.data] : null),
          },
        ]
      : [];
  return [opened, ...closed];
}

function decisionEntry(d: Decision, names: ChronologyNames): ChronologyEntry {
  const noted = [
    ...d.volt.personsOfConcern.map((x) => `Person of concern: ${x}`),
    ...d.volt.locations.map((x) => `Location: ${x}`),
    ...d.volt.groups.map((x) => `Group: ${x}`),
    ...d.volt.themes.map((x) => `Theme: ${x}`),
  ];
  // A removal's or a remain-considered's rationale is already in the decision's words.
  const rationaleShown = d.kind === "remove" || d.kind === "remain-considered";
  const chairs = d.taken?.how === "chairs-decision" ? d.taken : null;
  return {
    at: d.at,
    kind: d.kind === "transfer" ? "transfer-out" : "decision",
    panelId: d.panelId,
    panelName: names.panel(d.panelId),
    reference: d.reference,
    title: chairs
      ? `Chairs' decision outside the meeting, on ${dayInWords(chairs.on)}: ${DECISION_LABELS[d.kind]}`
      : `Decided at the meeting on ${dayInWords(d.meetingId)}: ${DECISION_LABELS[d.kind]}`,
    by: d.recordedByName,
    details: [
      ...detail("Decision", describeDecision(d, names.panel)),
      ...detail("Agreed by the chair", chairs?.chairName),
      ...detail("Why it could not wait for the meeting", chairs?.reason),
      ...detail("Reported at the meeting on", chairs && dayInWords(d.meetingId)),
      ...detail("Quorum", quorumWhenTaken(d.taken)),
      ...detail("Risk after discussion", d.riskLevel && names.risk(d.panelId, d.riskLevel)),
      ...detail("Rationale", rationaleShown ? "" : d.rationale),
      ...detail("Links noted", noted.join("; ")),
      ...detail("Disruption", [...d.disruption, d.disruptionDetail].filter(Boolean).join("; ")),
    ],
  };
}

function noteEntry(n: CaseNote, names: ChronologyNames): ChronologyEntry {
  return {
    // In order with the meeting's decisions: when it was taken there, whenever it was corrected.
    at: n.takenAt ?? n.at,
    kind: "note",
    panelId: n.panelId,
    panelName: names.panel(n.panelId),
    reference: n.reference ?? "",
    title: `Note of the discussion at the meeting on ${dayInWords(n.meetingId)}`,
    by: n.recordedByName,
    details: [
      ...detail("Note", n.text),
      ...detail(
        "Corrected",
        n.corrections ? `${n.corrections} time${n.corrections > 1 ? "s" : ""} after the meeting` : null,
      ),
    ],
  };
}

function actionEntry(a: Action, names: ChronologyNames): ChronologyEntry {
  const outcome = a.completed
    ? `Done on ${momentInWords(a.completed.at)} by ${a.completed.byName}${a.completed.note ? `: ${a.completed.note}` : ""}`
    : "Open";
  return {
    at: a.created.at,
    kind: "action",
    panelId: a.panelId,
    panelName: names.panel(a.panelId),
    reference: a.reference,
    title: `Action agreed at the meeting on ${dayInWords(a.meetingId)}: ${a.title}`,
    by: a.created.byName,
    details: [
      ...detail("What is to be done", a.text),
      ...detail("Owner", ownerInWords(a, names.agency(a.ownerAgencyId))),
      ...detail("Due", dayInWords(a.dueDate)),
      ...a.updates.flatMap((u) => detail("Update", `${momentInWords(u.at)}, ${u.byName}: ${u.text}`)),
      ...detail("Outcome", outcome),
    ],
  };
}

function linkEntries(l: Link, record: SubjectRecord, names: ChronologyNames): ChronologyEntry[] {
  const otherId = otherEnd(l, record.subject.id);
  const other = record.linked.get(otherId);
  const wording = linkWording(l, record.subject.id);
  const about = {
    panelId: l.panelId,
    panelName: names.panel(l.panelId),
    reference: other?.reference ?? "",
    otherSubjectId: otherId,
  };
  const named = other && (other.label ? `${other.reference} (${other.label})` : other.reference);
  const described = `${wording} ${named ?? "a subject no longer held"}`;
  return [
    {
      ...about,
      at: l.added.at,
      kind: "link-added",
      title: `Linked: ${described}`,
      by: l.added.byName,
      details: detail("Why", l.note),
    },
    ...(l.ended
      ? [
          {
            ...about,
            at: l.ended.at,
            kind: "link-ended" as const,
            title: `Link ended: ${described}`,
            by: l.ended.byName,
            details: detail("Reason", l.ended.reason),
          },
        ]
      : []),
  ];
}

/** The subject's chronology, oldest first; what happened at the same moment in the order it follows. */
export function chronology(record: SubjectRecord, names: ChronologyNames): ChronologyEntry[] {
  const entries = [
    ...record.referrals.flatMap((r) => referralEntries(r, names)),
    ...record.cases.flatMap((c) => caseEntries(c, names)),
    ...record.decisions.map((d) => decisionEntry(d, names)),
    ...record.thresholdings.map((t) => thresholdingEntry(t, names)),
    ...record.notes.map((n) => noteEntry(n, names)),
    ...record.actions.map((a) => actionEntry(a, names)),
    ...record.links.flatMap((l) => linkEntries(l, record, names)),
  ];
  return entries.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      RANK[a.kind] - RANK[b.kind] ||
      a.reference.localeCompare(b.reference),
  );
}

/** The references a chronology shows, the subject's first: what the audit entry of a view lists. */
export const referencesShown = (
  subject: Pick<Subject, "reference">,
  entries: ChronologyEntry[],
): string[] => [...new Set([subject.reference, ...entries.map((e) => e.reference).filter(Boolean)])];
