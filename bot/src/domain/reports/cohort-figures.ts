import type { RiskScale } from "../catalogue/panel.js";
import type { Case } from "../cohort/case.js";
import type { Decision } from "../decisions/decision.js";
import { dayTaken } from "../decisions/taken.js";
import { inForceDuring, otherEnd } from "../links/link.js";
import { lastDayOf, monthEndsAt, monthStartsAt } from "./calendar-months.js";
import { casesOpenAtEnd, decidedAfter, lastDayCounted, tally, type MonthRecord } from "./month-record.js";
import type { Month, MonthFigures } from "./month-figures.js";

// The panel's cohort over the month: the cases that joined and left it, those in it at the end
// with their risk then, how that risk moved from the risk they joined with, and the locations and
// groups linked to most of them (by reference only).

const NOT_RECORDED = "not-recorded";
const MOST_LINKED = 10;

/**
 * A case's risk at the end of the month: its risk now, unless a later meeting decided about it;
 * then its risk on joining, as each of its decisions up to the month's end left it.
 */
export function riskAtEndOf(c: Case, month: Month, decisions: Decision[]): string | null {
  if (!decidedAfter(c, month)) return c.riskLevel;
  const joined = c.openedAt.slice(0, 10);
  const last = lastDayOf(month);
  return decisions
    .filter((d) => d.panelId === c.panelId && dayTaken(d) >= joined && dayTaken(d) <= last)
    .sort((a, b) => dayTaken(a).localeCompare(dayTaken(b)))
    .reduce<string | null>((risk, d) => d.riskLevel ?? risk, c.entryRiskLevel ?? null);
}

/** Up, same or down on the area's scale; "not-known" when either end is not on it. */
function movement(scale: RiskScale, entry: string | null | undefined, end: string | null): string {
  const rank = (level: string | null | undefined) => scale.levels.findIndex((l) => l.id === level);
  const from = rank(entry);
  const to = rank(end);
  if (from < 0 || to < 0) return "not-known";
  return to > from ? "up" : to < from ? "down" : "same";
}

export function cohortFigures(record: MonthRecord): Pick<MonthFigures, "cohort" | "linkedToOpenCases"> {
  const { month, cases, meetings } = record;
  const starts = Date.parse(monthStartsAt(month));
  const ends = Date.parse(monthEndsAt(month));
  const opened = cases.filter((c) => {
    const at = Date.parse(c.openedAt);
    return at >= starts && at < ends;
  });
  const closing = meetings.flatMap((m) =>
    m.decisions.filter((d) => d.kind === "remove" || d.kind === "transfer"),
  );
  const open = casesOpenAtEnd(cases, month);
  const atEnd = open.map((c) => ({
    c,
    risk: riskAtEndOf(c, month, record.decisionsOf.get(c.subjectId) ?? []),
  }));
  return {
    cohort: {
      opened: opened.length,
      closedByReason: tally(closing.map((d) => d.kind)),
      riskAtEntry: tally(opened.map((c) => c.entryRiskLevel ?? NOT_RECORDED)),
      openAtEnd: open.length,
      riskAtEnd: tally(atEnd.map(({ risk }) => risk ?? NOT_RECORDED)),
      movement: tally(atEnd.map(({ c, risk }) => movement(record.area.riskScale, c.entryRiskLevel, risk))),
    },
    linkedToOpenCases: mostLinked(record, open),
  };
}

/** The locations and groups linked to most of the cases open at the end, while the links were in force. */
function mostLinked(record: MonthRecord, open: Case[]): MonthFigures["linkedToOpenCases"] {
  const day = lastDayCounted(record.month, record.today);
  const casesOf = new Map<string, Set<string>>();
  for (const c of open)
    for (const l of record.linksOf.get(c.subjectId) ?? []) {
      if (!inForceDuring(l, day, day)) continue;
      const end = otherEnd(l, c.subjectId);
      casesOf.set(end, (casesOf.get(end) ?? new Set()).add(c.subjectId));
    }
  return [...casesOf]
    .flatMap(([id, linkedCases]) => {
      const s = record.linked.get(id);
      if (s?.kind !== "location-of-concern" && s?.kind !== "group") return [];
      return [{ reference: s.reference, kind: s.kind, openCases: linkedCases.size }];
    })
    .sort((a, b) => b.openCases - a.openCases || a.reference.localeCompare(b.reference))
    .slice(0, MOST_LINKED);
}
