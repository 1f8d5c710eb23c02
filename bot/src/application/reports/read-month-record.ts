import type { Area, Panel } from "../../domain/catalogue/panel.js";
import type { Case } from "../../domain/cohort/case.js";
import type { Link } from "../../domain/links/link.js";
import { otherEnd } from "../../domain/links/link.js";
import { localDay } from "../../domain/schedule/dates.js";
import { firstDayOf, lastDayOf, monthEndsAt, monthStartsAt } from "../../domain/reports/calendar-months.js";
import type { Month } from "../../domain/reports/month-figures.js";
import {
  casesOpenAtEnd,
  decidedAfter,
  type MonthMeeting,
  type MonthRecord,
} from "../../domain/reports/month-record.js";
import { reachedReferrals } from "../../domain/reports/referral-figures.js";
import type { Decision } from "../../domain/decisions/decision.js";
import { meetingsBetween, type MeetingView } from "../scheduling/meetings-between.js";
import type { StoredCase } from "../ports/casework.js";
import type { FiguresPorts } from "./figures-ports.js";

// The part of one panel's record a month touches, in three waves of reads sent together: the
// month's referrals, the cohort and the meetings; then each meeting's decisions, actions, sign-ins
// and agenda, the decisions about the subjects whose first discussion or earlier risk is asked,
// and the links of the cases open at the end; then the subjects at those links' other ends. Each
// read is a point read or one key range.

const PAGE = 500;

/** Every open case of the panel, a page at a time. */
async function openCases(ports: FiguresPorts, areaId: string, panelId: string): Promise<StoredCase[]> {
  const cases: StoredCase[] = [];
  for (;;) {
    const last = cases.at(-1);
    const page = await ports.casework.casePage(
      areaId,
      panelId,
      "open",
      PAGE,
      last && { at: last.openedAt, id: last.subjectId },
    );
    cases.push(...page.values.map((c) => c.value));
    if (!page.more) return cases;
  }
}

async function meetingOf(
  ports: FiguresPorts,
  panel: Panel & { areaId: string },
  m: MeetingView,
  today: string,
  placesByCategory: boolean,
  cases: Case[],
): Promise<MonthMeeting> {
  const meeting: MonthMeeting = {
    id: m.id,
    date: m.date,
    cancelled: m.status === "cancelled",
    decisions: [],
    actions: [],
    signIns: [],
    categories: [],
  };
  if (meeting.cancelled) return meeting;
  const held = m.date <= today;
  const [decisions, actions, room, draft] = await Promise.all([
    held ? ports.casework.decisionsAt(panel.areaId, panel.id, m.id) : [],
    held ? ports.casework.actionsAt(panel.areaId, panel.id, m.id) : [],
    held ? ports.room.room(panel.id, m.id) : undefined,
    placesByCategory ? ports.agendas.draft(panel.id, m.id) : undefined,
  ]);
  return {
    ...meeting,
    decisions: decisions.map((d) => d.value),
    actions: actions.map((a) => a.value),
    signIns: room?.signIns ?? [],
    categories: categoriesAt(m.id, draft?.value.choices ?? {}, cases),
  };
}

/**
 * The category each case was placed in for a meeting: by its thresholding meeting (003), or, for
 * cases placed before the thresholding meeting recorded it, by the coordinator's agenda.
 */
function categoriesAt(
  meetingId: string,
  choices: Record<string, { category: number | null }>,
  cases: Case[],
) {
  const placed = new Map<string, number>();
  for (const [subjectId, c] of Object.entries(choices)) if (c.category) placed.set(subjectId, c.category);
  for (const c of cases)
    for (const t of c.thresholdedFor ?? [])
      if (t.meetingId === meetingId) placed.set(c.subjectId, t.category);
  return [...placed.values()];
}

/** Whether the panel's agenda template has sections that take cases by thresholding category. */
const placesCasesByCategory = (ports: FiguresPorts, panel: Panel): boolean =>
  !!ports.catalogue.agendaTemplates
    .get(panel.agendaTemplateId)
    ?.items.some((i) => i.kind === "cases" && !!i.takes.categories?.length);

export async function readMonthRecord(
  ports: FiguresPorts,
  area: Area,
  panel: Panel & { areaId: string },
  month: Month,
): Promise<MonthRecord> {
  const now = ports.now();
  const today = localDay(now);
  const { areaId } = panel;
  const placesByCategory = placesCasesByCategory(ports, panel);
  const [referrals, open, closed, meetings] = await Promise.all([
    ports.casework.referralsMade(areaId, panel.id, monthStartsAt(month), monthEndsAt(month)),
    openCases(ports, areaId, panel.id),
    ports.casework.casesClosedSince(areaId, panel.id, monthStartsAt(month)),
    meetingsBetween(ports, panel.id, firstDayOf(month), lastDayOf(month)),
  ]);
  const cases: Case[] = [...open, ...closed];
  const atEnd = casesOpenAtEnd(cases, month);
  const historyOf = new Set([
    ...reachedReferrals(referrals).flatMap((r) =>
      r.status === "accepted" && r.subjectId ? [r.subjectId] : [],
    ),
    ...atEnd.filter((c) => decidedAfter(c, month)).map((c) => c.subjectId),
  ]);
  const [monthMeetings, histories, links] = await Promise.all([
    Promise.all(meetings.map((m) => meetingOf(ports, panel, m, today, placesByCategory, cases))),
    Promise.all(
      [...historyOf].map(async (id): Promise<[string, Decision[]]> => [
        id,
        await ports.casework.subjectDecisions(areaId, id),
      ]),
    ),
    Promise.all(
      atEnd.map(async (c): Promise<[string, Link[]]> => [
        c.subjectId,
        await ports.casework.subjectLinks(areaId, c.subjectId),
      ]),
    ),
  ]);
  const ends = links.flatMap(([id, found]) => found.map((l) => otherEnd(l, id)));
  const linked = ends.length ? await ports.casework.subjects(areaId, ends) : new Map();
  return {
    area,
    panel,
    agencies: new Map([...ports.catalogue.agencies].filter(([, a]) => a.areaId === areaId)),
    placesByCategory,
    month,
    today,
    builtAt: now.toISOString(),
    referrals,
    meetings: monthMeetings,
    cases,
    decisionsOf: new Map(histories),
    linksOf: new Map(links),
    linked,
  };
}
