import { z } from "zod";
import { addDays, localDay, localHour } from "../schedule/dates.js";
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from "../schedule/bank-holidays.js";

// When an action's owner is reminded and when an overdue action is escalated to the chairs.
// Wandsworth's: in the week of the action tracking meeting, a reminder on Monday, updates expected
// by Wednesday, outstanding actions escalated after that (000 §3). Elsewhere, by default: a reminder
// a few working days before the due date and on it, and escalation when overdue.

export const ReminderPolicy = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("tracking-week"),
    /** The panel whose meetings track this panel's actions. */
    trackingPanelId: z.string().max(80),
  }),
  z.strictObject({
    kind: z.literal("before-due"),
    workingDaysBefore: z.number().int().min(1).max(10),
    escalateAfterWorkingDays: z.number().int().min(1).max(20),
  }),
]);
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  kind: "before-due",
  workingDaysBefore: 3,
  escalateAfterWorkingDays: 2,
};

/**
 * "assigned": the owner is sent their new action after the meeting; "reassigned": a new owner is
 * sent the action passed to them; the rest follow the policy.
 */
export const ReminderKind = z.enum(["assigned", "reassigned", "reminder", "updates-due", "escalation"]);
export type ReminderKind = z.infer<typeof ReminderKind>;

export interface ReminderStep {
  kind: ReminderKind;
  /** The local date it goes out on (a working day). */
  on: string;
}

const mondayOf = (isoDate: string): string =>
  addDays(isoDate, -((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * The reminders an open action gets under a policy. For the tracking week, `trackingDates` are the
 * tracking panel's meeting dates; the week used is that of the first one on or after the due date.
 */
export function reminderSteps(
  dueDate: string,
  policy: ReminderPolicy,
  trackingDates: string[] = [],
): ReminderStep[] {
  if (policy.kind === "tracking-week") {
    const meeting = trackingDates.filter((d) => d >= dueDate).sort()[0];
    if (!meeting) return [];
    const monday = mondayOf(meeting);
    const wednesday = addDays(monday, 2);
    return [
      { kind: "reminder", on: nextWorkingDay(monday) },
      { kind: "updates-due", on: nextWorkingDay(wednesday) },
      { kind: "escalation", on: addWorkingDays(nextWorkingDay(wednesday), 1) },
    ];
  }
  const dueWorkingDay = isWorkingDay(dueDate) ? dueDate : previousWorkingDay(dueDate);
  return [
    { kind: "reminder", on: addWorkingDays(dueWorkingDay, -policy.workingDaysBefore) },
    { kind: "updates-due", on: dueWorkingDay },
    { kind: "escalation", on: addWorkingDays(dueWorkingDay, policy.escalateAfterWorkingDays) },
  ];
}

/**
 * The steps still to come for an action recorded on `today`: steps already past are not lost but
 * folded into one, sent today (the latest of them, so a late action is not reminded three times).
 */
export function stepsFrom(steps: ReminderStep[], today: string): ReminderStep[] {
  const past = steps.filter((s) => s.on < today);
  const latestPast = past.sort((a, b) => a.on.localeCompare(b.on)).at(-1);
  const future = steps.filter((s) => s.on >= today);
  return latestPast && !future.some((s) => s.kind === latestPast.kind && s.on === today)
    ? [{ kind: latestPast.kind, on: today }, ...future]
    : future;
}

/**
 * The dates whose reminders are due at `now`: the last `lookbackDays` (reminders missed while the
 * service was down still go) and today, once the UK working day has reached `fromHour`.
 */
export function sweepWindow(now: Date, lookbackDays: number, fromHour: number): string[] {
  const today = localDay(now);
  const last = localHour(now) >= fromHour ? today : addDays(today, -1);
  const dates: string[] = [];
  for (let d = addDays(today, -lookbackDays); d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}
