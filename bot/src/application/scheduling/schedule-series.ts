import { randomUUID } from "node:crypto";
import type { Actor } from "../../domain/people/actor.js";
import type { Series } from "../../domain/schedule/meeting.js";
import { seriesFor, type SeriesPlan } from "../../domain/schedule/series.js";
import { CalendarProblem, type Invitee, type TeamsCalendar } from "../ports/teams-calendar.js";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { linkChats } from "./meeting-chats.js";
import { meetingsBetween, type MeetingView } from "./meetings-between.js";
import { reconcileMeetings } from "./reconcile-meetings.js";
import {
  refuse,
  schedulingPanel,
  seriesTitle,
  type PanelInArea,
  type SchedulingPorts,
} from "./scheduling-ports.js";

// Puts a panel's meetings into the organiser's Teams calendar as one recurring series. Each step
// is recorded before the next (the transaction ID before the create request, the series ID as soon
// as the calendar gives it), so a failure anywhere leaves a record a rerun continues from.

export interface ScheduleResult {
  outcome: "created" | "updated" | "unchanged";
  organiser: string;
  from: string;
  to: string;
  meetings: MeetingView[];
}

const ATTENDING_ROLES = new Set(["coordinator", "chair", "member", "deputy"]);

/** The panel's core members: everyone on it but presenters, who are invited to their slot only. */
async function attendees(ports: Pick<SchedulingPorts, "directory">, panelId: string): Promise<Invitee[]> {
  const members = (await ports.directory.membersOf(panelId)).filter((m) => ATTENDING_ROLES.has(m.role));
  const people = await ports.directory.people(members.map((m) => m.personId));
  return [...people.values()]
    .map((p) => ({ name: p.displayName, email: p.email }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** The series for the range asked, never shorter than what is already in calendars. */
function planFor(
  ports: Pick<SchedulingPorts, "catalogue">,
  panel: PanelInArea,
  from: string,
  to: string,
): SeriesPlan {
  const plan = seriesFor(ports.catalogue, panel, from, to);
  if (plan) return plan;
  throw refuse(
    "invalid",
    "no-series",
    panel.schedule.cadence.kind === "days-before-panels"
      ? `${panel.name} meetings follow the dates of the panels they prepare for, so they are not one recurring series. Download them as a calendar file instead.`
      : "The panel's rule gives no meetings between those dates. Choose a longer range.",
  );
}

const ruleKeyOf = (plan: SeriesPlan): string =>
  JSON.stringify({
    pattern: plan.pattern,
    startDate: plan.startDate,
    endDate: plan.endDate,
    startTime: plan.startTime,
    durationMinutes: plan.durationMinutes,
  });

async function saveSeries(
  ports: Pick<SchedulingPorts, "meetings">,
  current: Versioned<Series>,
  next: Series,
  actor: Actor,
): Promise<Versioned<Series>> {
  try {
    return await ports.meetings.replaceSeries(next, current.etag, actor.name);
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    throw refuse(
      "conflict",
      "already-scheduling",
      "Someone else scheduled this panel at the same moment. Reload to see their result, then try again if you still need to.",
    );
  }
}

/** The record this run works from: a new one, a fresh start after another organiser's failed try, or the one held. */
async function startRecord(
  ports: Pick<SchedulingPorts, "meetings">,
  existing: Versioned<Series> | undefined,
  fresh: () => Series,
  calendar: TeamsCalendar,
  actor: Actor,
): Promise<Versioned<Series>> {
  if (!existing) {
    try {
      return await ports.meetings.insertSeries(fresh(), actor.name);
    } catch (e) {
      if (!(e instanceof AlreadyExists)) throw e;
      throw refuse(
        "conflict",
        "already-scheduling",
        "Someone else is scheduling this panel at the same moment. Reload in a minute to see their result.",
      );
    }
  }
  // An earlier attempt by another coordinator never reached Teams: this one starts afresh.
  if (!existing.value.seriesId && existing.value.organiserId !== calendar.organiser.id)
    return saveSeries(ports, existing, fresh(), actor);
  return existing;
}

/**
 * Puts the panel's meetings from `from` to `to` in Teams calendars. The first time it creates the
 * series; afterwards it updates the same series if the rule or the range grew, and otherwise
 * changes nothing. Bank holidays and coordinators' moves and cancellations are kept.
 */
export async function scheduleSeries(
  ports: SchedulingPorts,
  actor: Actor,
  panelId: string,
  range: { from: string; to: string },
  calendar: TeamsCalendar,
): Promise<ScheduleResult> {
  const panel = schedulingPanel(ports, panelId);
  const existing = await ports.meetings.seriesOf(panelId);
  // A later run extends the series; it never drops meetings already in calendars.
  const from = existing && existing.value.from < range.from ? existing.value.from : range.from;
  const to = existing && existing.value.to > range.to ? existing.value.to : range.to;
  const plan = planFor(ports, panel, from, to);
  if (existing?.value.seriesId && existing.value.organiserId !== calendar.organiser.id) {
    throw refuse(
      "conflict",
      "other-organiser",
      `${existing.value.organiserName} organises this panel's meetings in Teams, so only they can change the series. Ask them to schedule it again.`,
    );
  }
  const ruleKey = ruleKeyOf(plan);
  const title = seriesTitle(ports, panel);
  const request = {
    plan,
    subject: title,
    body: `${title}. The agenda and papers are in the MACE panels tab in Teams. Please do not reply with case details.`,
    attendees: await attendees(ports, panelId),
  };
  const fresh = (): Series => ({
    panelId,
    transactionId: randomUUID(),
    seriesId: null,
    organiserId: calendar.organiser.id,
    organiserName: calendar.organiser.name,
    ruleKey,
    from,
    to,
    joinUrl: null,
    scheduledAt: ports.now().toISOString(),
  });
  let record = await startRecord(ports, existing, fresh, calendar, actor);

  let outcome: ScheduleResult["outcome"] = "unchanged";
  const create = async () => {
    // The same transaction ID as any earlier attempt: the calendar answers with the series it has.
    const created = await calendar.createSeries({ ...request, transactionId: record.value.transactionId });
    record = await saveSeries(
      ports,
      record,
      { ...record.value, seriesId: created.seriesId, joinUrl: created.joinUrl },
      actor,
    );
    outcome = "created";
  };
  const reconcile = () =>
    reconcileMeetings(ports, panel, plan, record.value.seriesId ?? "", calendar, from, to);
  try {
    if (!record.value.seriesId) await create();
    else if (record.value.ruleKey !== ruleKey || !record.value.joinUrl) {
      const { joinUrl } = await calendar.updateSeries(record.value.seriesId, {
        ...request,
        transactionId: record.value.transactionId,
      });
      record = await saveSeries(ports, record, { ...record.value, joinUrl }, actor);
      outcome = "updated";
    }
    await reconcile();
  } catch (e) {
    // The series was deleted from the organiser's calendar (in Outlook, say): make it again,
    // keeping the coordinators' moves and cancellations.
    if (!(e instanceof CalendarProblem && e.kind === "not-found" && record.value.seriesId)) throw e;
    record = await saveSeries(
      ports,
      record,
      { ...fresh(), organiserName: record.value.organiserName },
      actor,
    );
    await create();
    await reconcile();
  }

  const saved = await saveSeries(
    ports,
    record,
    { ...record.value, ruleKey, from, to, scheduledAt: ports.now().toISOString() },
    actor,
  );
  if (!saved.value.joinUrl) {
    throw new CalendarProblem(
      "no-teams-licence",
      `The meetings are in ${saved.value.organiserName}'s calendar but have no Teams join link: the organiser may have no Teams licence. Ask your IT team to assign one, then schedule the panel again.`,
    );
  }
  const meetings = await meetingsBetween(ports, panelId, range.from, range.to);
  // The app opened inside one of these meetings finds the panel by the meeting's chat.
  await linkChats(ports, panelId, [saved.value.joinUrl, ...meetings.map((m) => m.joinUrl)], actor.name);
  return { outcome, organiser: saved.value.organiserName, from, to, meetings };
}
