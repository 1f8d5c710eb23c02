import type { AgencyActions, MonthFigures } from "../month-figures.js";
import type { Cell, ReportSection, ReportTable } from "../report.js";
import { share } from "../statistics.js";
import { added, agencyName, summed, type Scope } from "./scope.js";
import { chartOf } from "./tables.js";

// The performance of individual agencies (002): the actions they own and how they were done, and
// the meetings they came to, with each panel's meetings held and quorate.

const ACTION_KEYS = ["agreed", "doneOnTime", "doneLate", "overdue", "open"] as const;

/** The area's agencies in its order, then any other id the figures hold. */
function agencyOrder(scope: Scope, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const listed = scope.agencies.map((a) => a.id).filter((id) => wanted.has(id));
  return [...listed, ...[...wanted].filter((id) => !listed.includes(id)).sort()];
}

/** Of the actions whose due date has passed, the share done by it. */
const onTime = (a: AgencyActions): number | null =>
  share(a.doneOnTime, a.doneOnTime + a.doneLate + a.overdue);

function actionsTable(scope: Scope): ReportTable {
  const byAgency = new Map<string, AgencyActions>();
  for (const f of scope.figures)
    for (const [id, a] of Object.entries(f.actions.byAgency)) {
      const sum = byAgency.get(id) ?? { agreed: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
      for (const k of ACTION_KEYS) sum[k] += a[k];
      byAgency.set(id, sum);
    }
  const total: AgencyActions = { agreed: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
  const rows: Record<string, Cell>[] = agencyOrder(scope, byAgency.keys()).flatMap((id) => {
    const a = byAgency.get(id);
    if (!a) return [];
    for (const k of ACTION_KEYS) total[k] += a[k];
    return [{ agency: agencyName(scope, id), ...a, onTimeShare: onTime(a) }];
  });
  rows.push({ agency: "Total", ...total, onTimeShare: onTime(total) });
  return {
    id: "agencies-actions",
    caption: "Actions agreed by the agency that owns them",
    columns: [
      { key: "agency", label: "Agency", kind: "label" },
      { key: "agreed", label: "Agreed", kind: "count" },
      { key: "doneOnTime", label: "Done on time", kind: "count" },
      { key: "doneLate", label: "Done late", kind: "count" },
      { key: "overdue", label: "Overdue", kind: "count" },
      { key: "open", label: "Open, not yet due", kind: "count" },
      { key: "onTimeShare", label: "On time", kind: "share" },
    ],
    rows,
    hasTotal: true,
    notes: [
      "Actions agreed at the period's meetings, as they stood when each month was worked out.",
      "On time: of the actions due by then, the share done by their due date.",
    ],
  };
}

function meetingsTable(scope: Scope): ReportTable {
  const rows: Record<string, Cell>[] = scope.panels.map((p) => {
    const of: MonthFigures[] = scope.figures.filter((f) => f.panelId === p.id);
    const held = of.reduce((a, f) => a + f.meetings.held, 0);
    const quorate = of.reduce((a, f) => a + f.meetings.quorate, 0);
    return { panel: p.name, held, quorate, quorateShare: share(quorate, held) };
  });
  const held = added(scope, (f) => f.meetings.held);
  const quorate = added(scope, (f) => f.meetings.quorate);
  const several = scope.panels.length > 1;
  if (several) rows.push({ panel: "Total", held, quorate, quorateShare: share(quorate, held) });
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

function attendanceTable(scope: Scope): ReportTable {
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
      return { agency: agencyName(scope, id), attended: n, attendedShare: share(n, held) };
    }),
    hasTotal: false,
    notes: ["The panels' core agencies are listed even when they attended none."],
  };
}

export function agenciesSection(scope: Scope): ReportSection {
  const actions = actionsTable(scope);
  const meetings = meetingsTable(scope);
  const attendance = attendanceTable(scope);
  const total = actions.rows[actions.rows.length - 1];
  const held = added(scope, (f) => f.meetings.held);
  const quorate = added(scope, (f) => f.meetings.quorate);
  const summary = [`${held} meetings held, ${quorate} of them quorate.`];
  if (total)
    summary.push(
      `${total.agreed} actions agreed: ${total.doneOnTime} done on time, ${total.doneLate} done late, ${total.overdue} overdue and ${total.open} not yet due.`,
    );
  return {
    id: "agencies",
    title: "Agencies: actions and attendance",
    summary,
    tables: [actions, meetings, attendance],
    charts: [
      chartOf(actions, "stacked-bar", ["doneOnTime", "doneLate", "overdue", "open"]),
      chartOf(attendance, "bar", ["attendedShare"]),
    ],
  };
}
