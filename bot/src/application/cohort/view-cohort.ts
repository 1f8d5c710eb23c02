import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { closedAtOf, PLACEMENTS, presentersOf, type Placement } from "../../domain/cohort/case.js";
import { DECISION_LABELS, DecisionKind } from "../../domain/decisions/decision.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { accessPanel } from "../access/panel-access.js";
import { auditListView } from "../audit/audit-trail.js";
import { namesHiddenToday } from "../meeting-room/room-view.js";
import { pageOf } from "../paging/pages.js";
import type { Casework, StoredCase } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { MeetingRoomStore, MeetingStore } from "../ports/meetings.js";

// A panel's cohort, for its members: each case with its kind, risk on the area's scale, the
// meeting it comes to next, its open and overdue actions and its last decision. A page is one
// range of the cohort's list and one of the panel's open actions, however long its history.

export interface CohortPorts {
  catalogue: Catalogue;
  directory: Directory;
  casework: Pick<Casework, "casePage" | "openActions" | "appendAudit">;
  room: MeetingRoomStore;
  /** The panel's meetings as scheduled: whether one is held today. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  now: () => Date;
}

export type CohortList = "open" | "closed";

/** A panel's cohort is short enough that a page usually holds all of it. */
export const COHORT_PAGE_SIZE = 100;

export const PLACEMENT_LABELS: Record<Placement, string> = {
  victim: "Child or young adult",
  group: "Group",
  "person-of-concern": "Person of concern",
  location: "Location",
};

export interface CohortCase {
  subjectId: string;
  reference: string;
  /** The subject's name, or null while names wait for sign-in to today's meeting. */
  name: string | null;
  placement: Placement;
  kind: string;
  riskLevel: string | null;
  /** The risk level as the area's scale calls it. */
  risk: string | null;
  nextMeetingDate: string | null;
  openActions: number;
  overdueActions: number;
  /** A case decided before decisions' kinds were kept on it has only the date. */
  lastDecision: { kind: string | null; label: string | null; on: string } | null;
  openedAt: string;
  /** The day it left the cohort; null while it is open. */
  closedOn: string | null;
}

export interface CohortPage {
  panelId: string;
  areaId: string;
  list: CohortList;
  role: PanelRole;
  /** On the day the panel meets, names wait until the person has signed in to the meeting. */
  namesHidden: boolean;
  cases: CohortCase[];
  /** The cursor for the page after this one, or null when this is the last. */
  next: string | null;
  /** What the filters offer: the area's risk scale and the kinds of case. */
  riskLevels: { id: string; label: string }[];
  kinds: { value: Placement; label: string }[];
}

export interface CohortRequest {
  list: CohortList;
  pageSize?: number;
  after?: string;
}

function lastDecisionOf(c: StoredCase): CohortCase["lastDecision"] {
  if (c.lastDecision) {
    const kind = DecisionKind.safeParse(c.lastDecision.kind);
    return {
      kind: c.lastDecision.kind,
      label: kind.success ? DECISION_LABELS[kind.data] : c.lastDecision.kind,
      on: c.lastDecision.on,
    };
  }
  return c.decidedOn ? { kind: null, label: null, on: c.decidedOn } : null;
}

/**
 * One page of the panel's open cases (by subject) or closed ones (the latest closed first). A
 * presenter sees only the cases they present. The view is audited in one entry listing the
 * references it showed. `exporting` is the CSV, which is for the panel's members.
 */
export async function viewCohort(
  ports: CohortPorts,
  actor: Actor,
  panelId: unknown,
  request: CohortRequest,
  via: string,
  exporting = false,
): Promise<CohortPage> {
  const { panel, role } = await accessPanel(ports, actor.id, panelId);
  if (exporting && role === "presenter")
    throw new Refusal(
      "not-allowed",
      "The cohort's CSV is for the panel's members. The Cohort page shows the cases you present.",
      { code: "members-only" },
    );
  const { areaId } = panel;
  const area = ports.catalogue.areas.find((a) => a.id === areaId);
  const today = localDay(ports.now());
  const [page, actions, namesHidden] = await Promise.all([
    pageOf(
      "cases",
      { pageSize: request.pageSize ?? COHORT_PAGE_SIZE, ...(request.after && { after: request.after }) },
      (c: StoredCase) => ({ at: request.list === "open" ? c.openedAt : closedAtOf(c), id: c.subjectId }),
      (size, after) => ports.casework.casePage(areaId, panel.id, request.list, size, after),
    ),
    ports.casework.openActions(areaId, panel.id),
    namesHiddenToday(ports, actor, panel.id),
  ]);

  const counts = new Map<string, { open: number; overdue: number }>();
  for (const { value: a } of actions) {
    if (!a.subjectId || a.status !== "open") continue;
    const held = counts.get(a.subjectId) ?? { open: 0, overdue: 0 };
    counts.set(a.subjectId, { open: held.open + 1, overdue: held.overdue + (a.dueDate < today ? 1 : 0) });
  }
  const riskLevels = area?.riskScale.levels ?? [];
  const cases = page.values
    .map((s) => s.value)
    .filter((c) => role !== "presenter" || presentersOf(c).includes(actor.id))
    .map((c): CohortCase => {
      const actionCounts = counts.get(c.subjectId) ?? { open: 0, overdue: 0 };
      return {
        subjectId: c.subjectId,
        reference: c.reference,
        name: namesHidden ? null : (c.label ?? null),
        placement: c.placement,
        kind: PLACEMENT_LABELS[c.placement],
        riskLevel: c.riskLevel,
        risk: c.riskLevel ? (riskLevels.find((l) => l.id === c.riskLevel)?.label ?? c.riskLevel) : null,
        nextMeetingDate: c.status === "open" ? c.nextMeetingDate : null,
        openActions: actionCounts.open,
        overdueActions: actionCounts.overdue,
        lastDecision: lastDecisionOf(c),
        openedAt: c.openedAt,
        closedOn: c.status === "closed" ? localDay(new Date(closedAtOf(c))) : null,
      };
    });

  await auditListView(ports, {
    areaId,
    panelId: panel.id,
    actorId: actor.id,
    action: "cohort.viewed",
    shown: cases.map((c) => c.reference),
    via,
  });
  return {
    panelId: panel.id,
    areaId,
    list: request.list,
    role,
    namesHidden,
    cases,
    next: page.next,
    riskLevels: riskLevels.map((l) => ({ id: l.id, label: l.label })),
    kinds: PLACEMENTS.map((value) => ({ value, label: PLACEMENT_LABELS[value] })),
  };
}
