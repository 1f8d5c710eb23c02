import type { AgendaCase, AgendaEntry } from "../../domain/agenda/build.js";
import type { Attends } from "../../domain/agenda/slot-attendance.js";
import { NO_CHOICE, type AgendaChoice } from "../../domain/agenda/due-cases.js";
import { templateThemes } from "../../domain/agenda/template.js";
import {
  CATEGORY_LABELS,
  outcomeFor,
  thresholdingMeetingBefore,
  type ThresholdCategory,
} from "../../domain/agenda/thresholding.js";
import { presentersOf, type Case } from "../../domain/cohort/case.js";
import { DECISION_LABELS, type Decision } from "../../domain/decisions/decision.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { dayInWords } from "../../domain/schedule/dates.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { strategicAgenda, type StrategicAgenda } from "../strategic/strategic-agenda.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { agendaPanel, auditAgenda, loadAgenda } from "./load-agenda.js";

// A meeting's agenda as each role sees it: members see the whole agenda with names, and the chairs'
// decisions taken since the last meeting, to be reported at this one; a presenter sees only their
// own slots. Every name shown is audited.

export interface AgendaSubject {
  subjectId: string;
  reference: string;
  /** The name, for roles that may see it; null otherwise. */
  label: string | null;
  /** Where the thresholding meeting placed it, with why; the rationale waits for sign-in, as names do. */
  thresholded?: { category: ThresholdCategory; label: string; rationale: string | null } | null;
}

export interface AgendaSlotView {
  start: string;
  end: string;
  minutes: number;
  subjects: AgendaSubject[];
  presenters: string[];
  workerMustAttend: boolean;
  /** Who is expected at the slot, each with why, and those who need not attend. */
  expected: ExpectedView[];
  /** Why plans are having impact, so the case's people need not attend (000 §4); held back as names are. */
  plansHaveImpact: string | null;
  /** The coordinator's choices for the slot's (first) case, to edit. */
  choice: AgendaChoice;
  /** The slot's (first) case's theme, with the case's version to change it on. */
  theme: CaseTheme;
}

export interface ExpectedView {
  /** The person's name, or the role the terms of reference name. */
  who: string;
  attends: Attends;
  reasons: string[];
}

export interface CaseTheme {
  id: string | null;
  caseVersion: string;
}

export interface AgendaEntryView extends Omit<AgendaEntry, "slots" | "listed"> {
  slots: AgendaSlotView[];
  listed: (AgendaSubject & { rationale: string | null; choice: AgendaChoice })[];
}

export interface AgendaView {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  role: PanelRole;
  /** Names are held back until the person signs in to the meeting. */
  namesHidden: boolean;
  editable: boolean;
  /** The draft's version, to send back with a change; null before the first change. */
  version: string | null;
  publishedVersions: number;
  start: string;
  end: string;
  entries: AgendaEntryView[];
  unplaced: (AgendaSubject & { choice: AgendaChoice; theme: CaseTheme })[];
  sections: { id: string; title: string }[];
  /** The area's statements, read out at the start of the meeting (000 §17; 001 agenda item 1). */
  statements: { confidentiality: string; antiDiscriminatory: string };
  /** The themes the template's sections take cases by, each with the first section taking it. */
  themes: { id: string; title: string }[];
  usesCategories: boolean;
  /**
   * Where the panel's terms of reference let the coordinator excuse a case's worker and manager
   * because plans are having impact: the rule's source, such as "000 §4"; null elsewhere.
   */
  plansHavingImpact: string | null;
  /** The thresholding meeting whose outcomes place this agenda's cases (003); null where none does. */
  thresholdedAt: { panelId: string; panelName: string; meetingId: string } | null;
  /** Chairs' decisions taken outside the meeting since the last one, to be reported at it. */
  outsideDecisions: OutsideDecision[];
  /** A strategic meeting's register entries and planned topics, under the items that show them. */
  strategic: StrategicAgenda | null;
}

export interface OutsideDecision {
  subjectId: string;
  reference: string;
  decision: string;
  /** "Agreed by Tom Ashworth (chair) on 20 December 2026; recorded by Priya Okafor." */
  agreed: string;
  /** Why it could not wait; null until the person has signed in, as names are. */
  reason: string | null;
}

/** The chairs' decisions recorded against this meeting, as the agenda reports them. */
function outsideDecisionsOf(decisions: Decision[], namesHidden: boolean): OutsideDecision[] {
  return decisions.flatMap((d) =>
    d.taken?.how === "chairs-decision"
      ? [
          {
            subjectId: d.subjectId,
            reference: d.reference,
            decision: DECISION_LABELS[d.kind],
            agreed: `Agreed by ${d.taken.chairName} (chair) on ${dayInWords(d.taken.on)}; recorded by ${d.recordedByName}.`,
            reason: namesHidden ? null : d.taken.reason,
          },
        ]
      : [],
  );
}

export async function viewAgenda(
  ports: AgendaPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  via: string,
  /** During the meeting, names wait until the person has signed in and agreed. */
  namesHidden = false,
): Promise<AgendaView> {
  const presenterOnly = role === "presenter";
  const known = agendaPanel(ports, panelId);
  const { areaId } = known;
  const knownTemplate = ports.catalogue.agendaTemplates.get(known.agendaTemplateId);
  const [{ panel, template, meeting, draft, cases, due, agenda, thresholding }, decided, strategic] =
    await Promise.all([
      loadAgenda(ports, panelId, meetingId),
      presenterOnly ? [] : ports.casework.decisionsAt(areaId, panelId, meetingId),
      knownTemplate ? strategicAgenda(ports, known, role, knownTemplate, meetingId) : null,
    ]);
  const outsideDecisions = outsideDecisionsOf(
    decided.map((d) => d.value),
    namesHidden,
  );
  const choices = draft?.value.choices ?? {};
  const byId = new Map<string, Case>(cases.map((c) => [c.value.subjectId, c.value]));
  const versions = new Map(cases.map((c) => [c.value.subjectId, c.etag]));
  const themeOf = (subjectId: string): CaseTheme => ({
    id: byId.get(subjectId)?.theme ?? null,
    caseVersion: versions.get(subjectId) ?? "",
  });

  const mine = (ids: string[]) => !presenterOnly || ids.includes(actor.id);
  const people = await ports.directory.people(due.flatMap((c) => c.presenterIds));
  const shown = new Set<string>();
  const subject = (subjectId: string): AgendaSubject => {
    const c = byId.get(subjectId);
    // A presenter sees the name only of a case they present, even in a group's shared slot.
    const named = !namesHidden && (!presenterOnly || (!!c && presentersOf(c).includes(actor.id)));
    if (named) shown.add(subjectId);
    const outcome = thresholding && c ? outcomeFor(c, meeting.id) : null;
    return {
      subjectId,
      reference: c?.reference ?? "",
      label: named ? (c?.label ?? null) : null,
      ...(thresholding && {
        thresholded: outcome && {
          category: outcome.category,
          label: CATEGORY_LABELS[outcome.category],
          rationale: named ? outcome.rationale || null : null,
        },
      }),
    };
  };
  // What the coordinator wrote of a case (a rationale, why plans are having impact) is the case's
  // detail, as its name is: it waits for sign-in on the day, and a presenter reads it only for the
  // cases they present, even in a group's shared slot.
  const readable = (subjectId: string): boolean => {
    const c = byId.get(subjectId);
    return !namesHidden && (!presenterOnly || (!!c && presentersOf(c).includes(actor.id)));
  };
  const choiceFor = (subjectId: string): AgendaChoice => {
    const stored = choices[subjectId] ?? NO_CHOICE;
    return readable(subjectId) ? stored : { ...stored, rationale: null, plansHaveImpact: null };
  };
  const dueById = new Map<string, AgendaCase>(due.map((c) => [c.subjectId, c]));
  const entries: AgendaEntryView[] = agenda.entries.map((e) => ({
    ...e,
    slots: e.slots
      .filter((s) => mine(s.presenterIds))
      .map((s) => ({
        start: s.start,
        end: s.end,
        minutes: s.minutes,
        subjects: s.subjectIds.map(subject),
        presenters: s.presenterIds.map((id) => people.get(id)?.displayName ?? "Presenter not known"),
        workerMustAttend: s.workerMustAttend,
        expected: s.expected.map((p) => ({
          who: p.personId ? (people.get(p.personId)?.displayName ?? "Presenter not known") : (p.who ?? ""),
          attends: p.attends,
          reasons: p.reasons,
        })),
        plansHaveImpact: readable(s.subjectIds[0] ?? "") ? s.plansHaveImpact : null,
        choice: choiceFor(s.subjectIds[0] ?? ""),
        theme: themeOf(s.subjectIds[0] ?? ""),
      })),
    listed: e.listed
      .filter((l) => mine(dueById.get(l.subjectId)?.presenterIds ?? []))
      .map((l) => ({
        ...subject(l.subjectId),
        rationale: readable(l.subjectId) ? l.rationale : null,
        choice: choiceFor(l.subjectId),
      })),
  }));
  const unplaced = presenterOnly
    ? []
    : agenda.unplaced.map((c) => ({
        ...subject(c.subjectId),
        choice: choiceFor(c.subjectId),
        theme: themeOf(c.subjectId),
      }));

  // Names, and what the chairs wrote of a case, were shown: each read of a subject's record is audited.
  const read = [
    ...[...shown].map((subjectId) => ({ subjectId, reference: byId.get(subjectId)?.reference ?? "" })),
    ...outsideDecisions.filter((d) => d.reason !== null && !shown.has(d.subjectId)),
  ];
  await auditAgenda(
    ports,
    panel.areaId,
    panelId,
    actor,
    read.map(({ subjectId, reference }) => ({ subjectId, reference })),
    "agenda.viewed",
    via,
  );

  return {
    panelId,
    meeting: {
      id: meeting.id,
      date: meeting.date,
      start: meeting.start,
      end: meeting.end,
      description: describeOccurrence({
        panelId,
        date: meeting.date,
        start: meeting.start,
        end: meeting.end,
      }),
      status: meeting.status,
    },
    role,
    namesHidden,
    editable: role === "coordinator" && meeting.status !== "cancelled",
    version: draft?.etag ?? null,
    publishedVersions: draft?.value.publishedVersions ?? 0,
    start: agenda.start,
    end: agenda.end,
    entries,
    unplaced,
    sections: template.items.flatMap((i) => (i.kind === "cases" ? [{ id: i.id, title: i.title }] : [])),
    statements: statementsOf(ports, panel.areaId),
    themes: templateThemes(template),
    usesCategories: template.items.some((i) => i.kind === "cases" && i.takes.categories),
    plansHavingImpact: panel.slotAttendance?.plansHavingImpact?.source ?? null,
    thresholdedAt: thresholding && {
      panelId: thresholding.id,
      panelName: thresholding.name,
      meetingId: thresholdingMeetingBefore(thresholding, meeting.id) ?? "",
    },
    outsideDecisions,
    strategic,
  };
}

function statementsOf(ports: AgendaPorts, areaId: string): AgendaView["statements"] {
  const area = ports.catalogue.areas.find((a) => a.id === areaId);
  return {
    confidentiality: area?.confidentialityStatement ?? "",
    antiDiscriminatory: area?.antiDiscriminatoryStatement ?? "",
  };
}
