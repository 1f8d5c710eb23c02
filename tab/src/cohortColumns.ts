import type { CohortCase } from "./api.js";

// The cohort's columns, on the open and the closed cases' tabs, and how each sorts.

export type List = "open" | "closed";
export type Column =
  "reference" | "name" | "kind" | "risk" | "next" | "open" | "overdue" | "closed" | "decision";
export interface Sort {
  column: Column;
  direction: "ascending" | "descending";
}

export const COLUMNS: Record<List, { id: Column; title: string; numeric?: boolean }[]> = {
  open: [
    { id: "reference", title: "Reference" },
    { id: "name", title: "Name" },
    { id: "kind", title: "Kind" },
    { id: "risk", title: "Risk" },
    { id: "next", title: "Next meeting" },
    { id: "open", title: "Open actions", numeric: true },
    { id: "overdue", title: "Overdue actions", numeric: true },
    { id: "decision", title: "Last decision" },
  ],
  closed: [
    { id: "reference", title: "Reference" },
    { id: "name", title: "Name" },
    { id: "kind", title: "Kind" },
    { id: "risk", title: "Risk" },
    { id: "closed", title: "Closed" },
    { id: "decision", title: "Last decision" },
  ],
};

/** What each column sorts by; cases with nothing in it go last either way. */
const SORT_KEYS: Record<Column, (c: CohortCase, riskOrder: string[]) => string | number | null> = {
  reference: (c) => c.reference,
  name: (c) => c.name,
  kind: (c) => c.kind,
  risk: (c, riskOrder) => (c.riskLevel ? riskOrder.indexOf(c.riskLevel) : null),
  next: (c) => c.nextMeetingDate,
  open: (c) => c.openActions,
  overdue: (c) => c.overdueActions,
  closed: (c) => c.closedOn,
  decision: (c) => c.lastDecision?.on ?? null,
};

export function sorted(cases: CohortCase[], sort: Sort, riskOrder: string[]): CohortCase[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...cases].sort((a, b) => {
    const x = SORT_KEYS[sort.column](a, riskOrder);
    const y = SORT_KEYS[sort.column](b, riskOrder);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.reference.localeCompare(b.reference);
  });
}
