import type { Action } from "../actions/action.js";
import { quorumOf, representsAgency } from "../attendance/sign-in.js";
import type { Case } from "../cohort/case.js";
import { howTaken } from "../decisions/taken.js";
import { localDay } from "../schedule/dates.js";
import { tally, type MonthMeeting, type MonthRecord } from "./month-record.js";
import type { AgencyActions, MonthFigures } from "./month-figures.js";

// What the month's meetings did: the disruptions they agreed, the persons of concern, places and
// groups they discussed and the themes of their cases, the actions they agreed and how each
// agency has done them, who attended and whether each meeting was quorate.

/** The month's meetings that took place: not cancelled, and not still to come. */
export const heldMeetings = (record: MonthRecord): MonthMeeting[] =>
  record.meetings.filter((m) => !m.cancelled && m.date <= record.today);

function actionsByAgency(actions: Action[], today: string): Record<string, AgencyActions> {
  const byAgency: Record<string, AgencyActions> = {};
  for (const a of actions) {
    const counts = (byAgency[a.ownerAgencyId] ??= {
      agreed: 0,
      doneOnTime: 0,
      doneLate: 0,
      overdue: 0,
      open: 0,
      notPossible: 0,
    });
    counts.agreed += 1;
    if (a.status === "done") {
      const doneOn = a.completed ? localDay(new Date(a.completed.at)) : a.dueDate;
      if (doneOn <= a.dueDate) counts.doneOnTime += 1;
      else counts.doneLate += 1;
    } else if (a.status === "not-possible") counts.notPossible += 1;
    else if (a.dueDate < today) counts.overdue += 1;
    else counts.open += 1;
  }
  return byAgency;
}

/** The agencies that had a member or deputy signed in, once for each meeting. */
const attendedBy = (meetings: MonthMeeting[]): string[] =>
  meetings.flatMap((m) => [
    ...new Set(m.signIns.filter((s) => representsAgency(s.capacity)).map((s) => s.agencyId)),
  ]);

export function meetingFigures(
  record: MonthRecord,
): Pick<MonthFigures, "disruption" | "actions" | "meetings" | "thresholding" | "themes"> {
  const held = heldMeetings(record);
  const decisions = held.flatMap((m) => m.decisions);
  const caseOf = new Map<string, Case>(
    record.cases.filter((c) => c.panelId === record.panel.id).map((c) => [c.subjectId, c]),
  );
  // Each case once, however many of the month's meetings discussed it; a chairs' decision
  // reported at a meeting was not a discussion there.
  const discussed = [
    ...new Set(decisions.filter((d) => howTaken(d) === "at-the-meeting").map((d) => d.subjectId)),
  ].map((id) => caseOf.get(id));
  const placed = (placement: Case["placement"]) => discussed.filter((c) => c?.placement === placement).length;
  return {
    disruption: {
      byType: tally(decisions.flatMap((d) => d.disruption)),
      decisionsWithDisruption: decisions.filter((d) => d.disruption.length > 0).length,
      personsOfConcernDiscussed: placed("person-of-concern"),
      locationsDiscussed: placed("location"),
      groupsDiscussed: placed("group"),
    },
    actions: {
      byAgency: actionsByAgency(
        held.flatMap((m) => m.actions),
        record.today,
      ),
    },
    meetings: {
      held: held.length,
      quorate: held.filter((m) => quorumOf(record.panel, record.agencies, m.signIns).quorate).length,
      attendedByAgency: tally(attendedBy(held)),
    },
    thresholding: record.placesByCategory
      ? tally(record.meetings.filter((m) => !m.cancelled).flatMap((m) => m.categories.map(String)))
      : null,
    themes: tally(discussed.map((c) => c?.theme ?? "not-recorded")),
  };
}
