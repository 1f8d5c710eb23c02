import type { AgencyActions, MonthFigures } from "../month-figures.js";
import { share } from "../statistics.js";
import {
  columnSums,
  derived,
  figure,
  said,
  type DraftCell,
  type DraftTable,
  type SectionDraft,
  type Sum,
} from "./draft.js";
import { added, agencyName, summed, type Scope } from "./scope.js";
import { chartOf } from "./tables.js";

// The performance of individual agencies (002): the actions they own and how they were done, and
// the meetings they came to, with each panel's meetings held and quorate.

const ACTION_KEYS = ["agreed", "doneOnTime", "doneLate", "overdue", "open", "notPossible"] as const;
/** Every action agreed was done on time, done late, is overdue, is not yet due or was not possible. */
const HOW_DONE = ["doneOnTime", "doneLate", "overdue", "open", "notPossible"] as const;
const none = (): AgencyActions => ({
  agreed: 0,
  doneOnTime: 0,
  doneLate: 0,
  overdue: 0,
  open: 0,
  notPossible: 0,
});
const HELD = "meetings:held";
const QUORATE = "meetings:quorate";

const ofPanel = (id: string, panelId: string) => `${id}/panel:${panelId}`;
const actionId = (key: string, agencyId: string | null) =>
  agencyId === null ? `actions:${key}` : `actions:${key}/agency:${agencyId}`;

/** The area's agencies in its order, then any other id the figures hold. */
function agencyOrder(scope: Scope, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const listed = scope.agencies.map((a) => a.id).filter((id) => wanted.has(id));
  return [...listed, ...[...wanted].filter((id) => !listed.includes(id)).sort()];
}

/** An agency's actions (or all agencies', for null), with the share of those due that were done by then. */
function actionsRow(label: string, agencyId: string | null, a: AgencyActions): Record<string, DraftCell> {
  const row: Record<string, DraftCell> = { agency: label };
  for (const k of ACTION_KEYS) row[k] = figure(actionId(k, agencyId), a[k]);
  const due = ["doneOnTime", "doneLate", "overdue"].map((k) => actionId(k, agencyId));
  row.onTimeShare = derived(due, share(a.doneOnTime, a.doneOnTime + a.doneLate + a.overdue));
  return row;
}

function actionsTable(scope: Scope): { table: DraftTable; rowSums: Sum[] } {
  const byAgency = new Map<string, AgencyActions>();
  for (const f of scope.figures)
    for (const [id, a] of Object.entries(f.actions.byAgency)) {
      const sum = byAgency.get(id) ?? none();
      for (const k of ACTION_KEYS) sum[k] += a[k];
      byAgency.set(id, sum);
    }
  const total = none();
  const ids = agencyOrder(scope, byAgency.keys()).filter((id) => byAgency.has(id));
  const rows = ids.map((id) => {
    const a = byAgency.get(id) ?? total;
    for (const k of ACTION_KEYS) total[k] += a[k];
    return actionsRow(agencyName(scope, id), id, a);
  });
  rows.push(actionsRow("Total", null, total));
  const rowSums = [...ids, null].map((id) => ({
    whole: actionId("agreed", id),
    parts: HOW_DONE.map((k) => actionId(k, id)),
  }));
  const table: DraftTable = {
    id: "agencies-actions",
    caption: "Actions agreed by the agency that owns them",
    columns: [
      { key: "agency", label: "Agency", kind: "label" },
      { key: "agreed", label: "Agreed", kind: "count" },
      { key: "doneOnTime", label: "Done on time", kind: "count" },
      { key: "doneLate", label: "Done late", kind: "count" },
      { key: "overdue", label: "Overdue", kind: "count" },
      { key: "open", label: "Open, not yet due", kind: "count" },
      { key: "notPossible", label: "Not possible", kind: "count" },
      { key: "onTimeShare", label: "On time", kind: "share" },
    ],
    rows,
    hasTotal: true,
    notes: [
      "Actions agreed at the period's meetings, as they stood when each month was worked out.",
      "On time: of the actions due by then, the share done by their due date.",
      "Not possible: closed with a reason why the action could not be done, which is not the same as not done.",
    ],
  };
  return { table, rowSums };
}

function meetingsTable(scope: Scope): DraftTable {
  const rows: Record<string, DraftCell>[] = scope.panels.map((p) => {
    const of: MonthFigures[] = scope.figures.filter((f) => f.panelId === p.id);
    const held = of.reduce((a, f) => a + f.meetings.held, 0);
    const quorate = of.reduce((a, f) => a + f.meetings.quorate, 0);
    const [heldId, quorateId] = [HELD, QUORATE].map((id) => ofPanel(id, p.id)) as [string, string];
    return {
      panel: p.name,
      held: figure(heldId, held),
      quorate: figure(quorateId, quorate),
      quorateShare: derived([heldId, quorateId], share(quorate, held)),
    };
  });
  const held = added(scope, (f) => f.meetings.held);
  const quorate = added(scope, (f) => f.meetings.quorate);
  const several = scope.panels.length > 1;
  if (several)
    rows.push({
      panel: "Total",
      held: figure(HELD, held),
      quorate: figure(QUORATE, quorate),
      quorateShare: derived([HELD, QUORATE], share(quorate, held)),
    });
  return {
    id: "agencies-meetings",
    caption: "Meetings held and quorate",
    columns: [
      { key: "panel", label: "Panel", kind: "label" },
      { key: "held", label: "Meetings held", kind: "count" },
      { key: "quorate", label: "Quorate", kind: "count" },
      { key: "quorateShare", label: "Quorate: share", kind: "share" },
    ],
    rows,
    hasTotal: several,
    notes: ["Quorate by each panel's own rule for the agencies that must attend."],
  };
}

function attendanceTable(scope: Scope): DraftTable {
  const attended = summed(scope, (f) => f.meetings.attendedByAgency);
  const held = added(scope, (f) => f.meetings.held);
  const ids = agencyOrder(scope, [...scope.panels.flatMap((p) => p.coreAgencyIds), ...Object.keys(attended)]);
  return {
    id: "agencies-attendance",
    caption: "Meetings each agency attended",
    columns: [
      { key: "agency", label: "Agency", kind: "label" },
      { key: "attended", label: "Meetings attended", kind: "count" },
      { key: "attendedShare", label: "Share of meetings held", kind: "share" },
    ],
    rows: ids.map((id) => {
      const n = attended[id] ?? 0;
      const attendedId = `meetings:attended/agency:${id}`;
      return {
        agency: agencyName(scope, id),
        attended: figure(attendedId, n),
        attendedShare: derived([attendedId, HELD], share(n, held)),
      };
    }),
    hasTotal: false,
    notes: ["The panels' core agencies are listed even when they attended none."],
  };
}

export function agenciesSection(scope: Scope): SectionDraft {
  const { table: actions, rowSums } = actionsTable(scope);
  const meetings = meetingsTable(scope);
  const attendance = attendanceTable(scope);
  const panelSums = [HELD, QUORATE].map((whole) => ({
    whole,
    parts: scope.panels.map((p) => ofPanel(whole, p.id)),
  }));
  const a = (k: string) => actionId(k, null);
  return {
    id: "agencies",
    title: "Agencies: actions and attendance",
    tables: [actions, meetings, attendance],
    sums: [...columnSums(actions), ...rowSums, ...panelSums],
    facts: [
      figure(
        HELD,
        added(scope, (f) => f.meetings.held),
      ),
      figure(
        QUORATE,
        added(scope, (f) => f.meetings.quorate),
      ),
    ],
    summary: (n) => [
      said`${n(HELD)} meetings held, ${n(QUORATE)} of them quorate.`,
      said`${n(a("agreed"))} actions agreed: ${n(a("doneOnTime"))} done on time, ${n(a("doneLate"))} done late, ${n(a("overdue"))} overdue and ${n(a("open"))} not yet due.`,
    ],
    charts: [
      chartOf(actions, "stacked-bar", ["doneOnTime", "doneLate", "overdue", "open"]),
      chartOf(attendance, "bar", ["attendedShare"]),
    ],
  };
}
