import { DateTime } from "luxon";
import type { SlotAttendance } from "../catalogue/panel.js";
import type { Placement, PresenterRole } from "../cohort/case.js";
import { expectedAtSlot, type SlotPerson } from "./slot-attendance.js";
import type { AgendaTemplate, CaseStage, SectionTakes } from "./template.js";

// An agenda is computed from a meeting and the cases due at it, by the panel's template: every
// item's start follows from the meeting's start and the lengths before it.

export interface AgendaCase {
  subjectId: string;
  reference: string;
  placement: Placement;
  stage: CaseStage;
  theme: string | null;
  /** Cases mapped together as one group share one slot (003 category 1). */
  groupKey: string | null;
  /** Staffordshire's thresholding category, once recorded. */
  category: 1 | 2 | 3 | 4 | null;
  presenterIds: string[];
  /** Why each presenter presents it (null: named on a referral from before roles were kept). */
  presenterRoles: { personId: string; role: PresenterRole | null }[];
  riskLevel: string | null;
  /** Why plans are having impact, so its people need not attend (000 §4). */
  plansHaveImpact: string | null;
  /** Actions have drifted: the worker must attend (000 §4). */
  workerMustAttend: boolean;
  /** The coordinator's choices, which win over the template's. */
  sectionId: string | null;
  slotMinutes: number | null;
  order: number | null;
  /** Why a case is not fully discussed (003). */
  rationale: string | null;
}

export interface AgendaSlot {
  references: string[];
  subjectIds: string[];
  start: string;
  end: string;
  minutes: number;
  presenterIds: string[];
  workerMustAttend: boolean;
  /** Who is expected at the slot and why. */
  expected: SlotPerson[];
  /** Why plans are having impact, for the slot's (first) case. */
  plansHaveImpact: string | null;
}

export interface AgendaEntry {
  kind: "heading" | "item" | "section" | "break";
  id: string | null;
  title: string;
  lead: string;
  note: string | null;
  statements: ("confidentiality" | "anti-discriminatory")[];
  start: string;
  end: string;
  minutes: number;
  slots: AgendaSlot[];
  /** Cases recorded in the section without a slot, with the reason. */
  listed: { reference: string; subjectId: string; rationale: string | null }[];
}

export interface Agenda {
  templateId: string;
  start: string;
  end: string;
  entries: AgendaEntry[];
  /** Cases no section of the template takes: the coordinator places them. */
  unplaced: AgendaCase[];
}

const iso = (t: DateTime): string => t.toISO({ suppressMilliseconds: true }) ?? "";

function takes(rule: SectionTakes, c: AgendaCase): boolean {
  if (!rule.placements.includes(c.placement)) return false;
  if (rule.stages && !rule.stages.includes(c.stage)) return false;
  if (rule.themes && (!c.theme || !rule.themes.includes(c.theme))) return false;
  if (rule.categories && (!c.category || !rule.categories.includes(c.category))) return false;
  return true;
}

/** The section each case goes to: the coordinator's choice, else the first section that takes it. */
export function sectionOf(template: AgendaTemplate, c: AgendaCase): string | null {
  const sections = template.items.filter((i) => i.kind === "cases");
  if (c.sectionId && sections.some((s) => s.id === c.sectionId)) return c.sectionId;
  return sections.find((s) => takes(s.takes, c))?.id ?? null;
}

// Victims first wherever a section mixes placements (001: a child is discussed as a victim first).
const PLACEMENT_RANK: Record<AgendaCase["placement"], number> = {
  victim: 0,
  group: 1,
  "person-of-concern": 2,
  location: 3,
};

const byOrder = (a: AgendaCase, b: AgendaCase): number =>
  (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
  PLACEMENT_RANK[a.placement] - PLACEMENT_RANK[b.placement] ||
  a.reference.localeCompare(b.reference);

export function buildAgenda(
  template: AgendaTemplate,
  meetingStart: string,
  cases: AgendaCase[],
  panelSlotMinutes: number,
  attendance?: SlotAttendance,
): Agenda {
  const slotDefault = template.slotMinutes ?? panelSlotMinutes;
  const bySection = new Map<string, AgendaCase[]>();
  const unplaced: AgendaCase[] = [];
  for (const c of [...cases].sort(byOrder)) {
    const section = sectionOf(template, c);
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), c]);
    else unplaced.push(c);
  }

  const begins = DateTime.fromISO(meetingStart, { setZone: true })
    .setZone("Europe/London")
    .plus({ minutes: template.startOffsetMinutes });
  let cursor = begins;
  const entries: AgendaEntry[] = [];
  for (const item of template.items) {
    const start = cursor;
    const entry: AgendaEntry = {
      kind: item.kind === "cases" ? "section" : item.kind,
      id: "id" in item ? item.id : null,
      title: item.kind === "break" ? "Break" : item.title,
      lead: "lead" in item ? item.lead : "",
      note: "note" in item ? (item.note ?? null) : null,
      statements: item.kind === "item" ? (item.statements ?? []) : [],
      start: iso(start),
      end: iso(start),
      minutes: 0,
      slots: [],
      listed: [],
    };
    if (item.kind === "item" || item.kind === "break") {
      cursor = cursor.plus({ minutes: item.minutes });
    } else if (item.kind === "cases") {
      const members = bySection.get(item.id) ?? [];
      if (item.listedOnly) {
        entry.listed = members.map((c) => ({
          reference: c.reference,
          subjectId: c.subjectId,
          rationale: c.rationale,
        }));
        cursor = cursor.plus({ minutes: item.minutes });
      } else {
        // A mapped group is one slot, however many children are in it.
        const slots: AgendaCase[][] = [];
        for (const c of members) {
          const shared = c.groupKey ? slots.find((s) => s[0]?.groupKey === c.groupKey) : undefined;
          if (shared) shared.push(c);
          else slots.push([c]);
        }
        let slotCursor = cursor;
        for (const group of slots) {
          const length = group[0]?.slotMinutes ?? slotDefault;
          entry.slots.push({
            references: group.map((c) => c.reference),
            subjectIds: group.map((c) => c.subjectId),
            start: iso(slotCursor),
            end: iso(slotCursor.plus({ minutes: length })),
            minutes: length,
            presenterIds: [...new Set(group.flatMap((c) => c.presenterIds))],
            workerMustAttend: group.some((c) => c.workerMustAttend),
            expected: expectedAtSlot(attendance, group),
            plansHaveImpact: group[0]?.plansHaveImpact ?? null,
          });
          slotCursor = slotCursor.plus({ minutes: length });
        }
        // The section keeps its time; more cases than fit make it longer.
        cursor =
          slotCursor > cursor.plus({ minutes: item.minutes })
            ? slotCursor
            : cursor.plus({ minutes: item.minutes });
      }
    }
    entry.end = iso(cursor);
    entry.minutes = Math.round(cursor.diff(start, "minutes").minutes);
    entries.push(entry);
  }
  return { templateId: template.id, start: iso(begins), end: iso(cursor), entries, unplaced };
}
