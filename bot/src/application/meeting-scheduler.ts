import { Refusal, reasonOfStatus } from "./refusal.js";
import { DateTime } from "luxon";
import { createHash, randomUUID } from "node:crypto";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { Panel as PanelRule } from "../domain/catalogue/panel.js";
import type { Meeting, Series } from "../domain/schedule/meeting.js";
import { describeOccurrence } from "../domain/schedule/describe.js";
import { occurrenceOn, occurrencesBetween } from "../domain/schedule/occurrences.js";
import { seriesFor, type SeriesPlan } from "../domain/schedule/series.js";
import { slotInviteText, type PresenterSlot } from "../domain/schedule/slot-invite.js";
import {
  AlreadyExists,
  ConcurrencyConflict,
  keyOf,
  type Versioned,
} from "../adapters/tables/entity-store.js";
import type { MeetingRecords } from "../adapters/tables/meeting-records.js";
import { peopleByIds, type Repositories } from "../adapters/tables/repositories.js";
import { CalendarProblem, type Invitee, type TeamsCalendar } from "./teams-calendar.js";

// Puts a panel's meetings into the organiser's Teams calendar as one recurring series, keeps the
// product's record of each meeting (date, time, join link, moved or cancelled), and changes one
// meeting at a time when the coordinator moves or cancels it.

export class SchedulingRefused extends Refusal {
  constructor(
    readonly status: 400 | 404 | 409,
    code: string,
    message: string,
  ) {
    super(reasonOfStatus(status), message, { code });
    this.name = "SchedulingRefused";
  }
}

export interface MeetingView {
  id: string;
  date: string;
  start: string;
  end: string;
  description: string;
  /** planned: the rule gives it but it is not in Teams calendars yet. */
  status: "planned" | Meeting["status"];
  joinUrl: string | null;
  note: string | null;
  version: string | null;
}

export interface ScheduleResult {
  outcome: "created" | "updated" | "unchanged";
  organiser: string;
  from: string;
  to: string;
  meetings: MeetingView[];
}

interface Actor {
  id: string;
  name: string;
}

type Panel = PanelRule & { areaId: string };
const LONDON = "Europe/London";
const ATTENDING_ROLES = new Set(["coordinator", "chair", "member"]);
const longDay = (date: string): string => DateTime.fromISO(date).toFormat("cccc d LLLL yyyy");

export class MeetingScheduler {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      meetings: MeetingRecords;
      now: () => Date;
    },
  ) {}

  private panel(panelId: string): Panel {
    const panel = this.deps.catalogue.panels.get(panelId);
    if (!panel) throw new SchedulingRefused(404, "unknown-panel", "There is no such panel.");
    return panel;
  }

  private title(panel: Panel): string {
    const area = this.deps.catalogue.areas.find((a) => a.id === panel.areaId)?.name ?? "";
    return `${area} ${panel.name}`.trim();
  }

  /** The panel's core members: everyone on it but presenters, who are invited to their slot only. */
  private async attendees(panelId: string): Promise<Invitee[]> {
    const members = (await this.deps.repos.panelMembers.listPartition(keyOf(panelId)))
      .map((m) => m.value)
      .filter((m) => ATTENDING_ROLES.has(m.role));
    const people = await peopleByIds(
      this.deps.repos,
      members.map((m) => m.personId),
    );
    return [...people.values()]
      .map((p) => ({ name: p.displayName, email: p.email }))
      .sort((a, b) => a.email.localeCompare(b.email));
  }

  /** The panel's meetings from `from` to `to`: as recorded once in Teams, otherwise as the rule gives them. */
  async meetingsBetween(panelId: string, from: string, to: string): Promise<MeetingView[]> {
    const panel = this.panel(panelId);
    const [series, stored] = await Promise.all([
      this.deps.meetings.seriesOf(panelId),
      this.deps.meetings.between(panelId, from, to),
    ]);
    const inSeries = (date: string) =>
      series?.value.seriesId ? date >= series.value.from && date <= series.value.to : false;
    const recorded = stored.map(view);
    const planned = occurrencesBetween(this.deps.catalogue, panel.id, from, to)
      .filter((o) => !inSeries(o.date))
      .map((o) => ({
        id: o.date,
        date: o.date,
        start: o.start,
        end: o.end,
        description: describeOccurrence(o),
        status: "planned" as const,
        joinUrl: null,
        note: null,
        version: null,
      }));
    return [...recorded, ...planned].sort((a, b) => a.start.localeCompare(b.start));
  }

  async seriesOf(panelId: string): Promise<Versioned<Series> | undefined> {
    return this.deps.meetings.seriesOf(panelId);
  }

  /**
   * Puts the panel's meetings from `from` to `to` in Teams calendars. The first time it creates
   * the series; afterwards it updates the same series if the rule or the range grew, and otherwise
   * changes nothing. Bank holidays and coordinators' moves and cancellations are kept.
   */
  async schedule(
    actor: Actor,
    panelId: string,
    range: { from: string; to: string },
    calendar: TeamsCalendar,
  ): Promise<ScheduleResult> {
    const panel = this.panel(panelId);
    const existing = await this.deps.meetings.seriesOf(panelId);
    // A later run extends the series; it never drops meetings already in calendars.
    const from = existing && existing.value.from < range.from ? existing.value.from : range.from;
    const to = existing && existing.value.to > range.to ? existing.value.to : range.to;
    const plan = seriesFor(this.deps.catalogue, panel, from, to);
    if (!plan) {
      throw new SchedulingRefused(
        400,
        "no-series",
        panel.schedule.cadence.kind === "days-before-panels"
          ? `${panel.name} meetings follow the dates of the panels they prepare for, so they are not one recurring series. Download them as a calendar file instead.`
          : "The panel's rule gives no meetings between those dates. Choose a longer range.",
      );
    }
    if (existing?.value.seriesId && existing.value.organiserId !== calendar.organiser.id) {
      throw new SchedulingRefused(
        409,
        "other-organiser",
        `${existing.value.organiserName} organises this panel's meetings in Teams, so only they can change the series. Ask them to schedule it again.`,
      );
    }
    const ruleKey = JSON.stringify({
      pattern: plan.pattern,
      startDate: plan.startDate,
      endDate: plan.endDate,
      startTime: plan.startTime,
      durationMinutes: plan.durationMinutes,
    });
    const request = {
      plan,
      subject: this.title(panel),
      body: `${this.title(panel)}. The agenda and papers are in the MACE panels tab in Teams. Please do not reply with case details.`,
      attendees: await this.attendees(panelId),
    };

    // Each step is recorded before the next: the transaction ID before the create request, the
    // series ID as soon as Graph gives it. A failure anywhere leaves a record a rerun continues from.
    let record: Versioned<Series>;
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
      scheduledAt: this.deps.now().toISOString(),
    });
    if (!existing) {
      try {
        record = await this.deps.meetings.series.insert(fresh(), actor.name);
      } catch (e) {
        if (!(e instanceof AlreadyExists)) throw e;
        throw new SchedulingRefused(
          409,
          "already-scheduling",
          "Someone else is scheduling this panel at the same moment. Reload in a minute to see their result.",
        );
      }
    } else if (!existing.value.seriesId && existing.value.organiserId !== calendar.organiser.id) {
      // An earlier attempt by another coordinator never reached Teams: this one starts afresh.
      record = await this.save(existing, fresh(), actor);
    } else {
      record = existing;
    }

    let outcome: ScheduleResult["outcome"] = "unchanged";
    const create = async () => {
      // The same transaction ID as any earlier attempt: Graph answers with the series it already has.
      const created = await calendar.createSeries({ ...request, transactionId: record.value.transactionId });
      record = await this.save(
        record,
        { ...record.value, seriesId: created.seriesId, joinUrl: created.joinUrl },
        actor,
      );
      outcome = "created";
    };
    try {
      if (!record.value.seriesId) await create();
      else if (record.value.ruleKey !== ruleKey || !record.value.joinUrl) {
        const { joinUrl } = await calendar.updateSeries(record.value.seriesId, {
          ...request,
          transactionId: record.value.transactionId,
        });
        record = await this.save(record, { ...record.value, joinUrl }, actor);
        outcome = "updated";
      }
      await this.reconcile(panel, plan, record.value.seriesId ?? "", calendar, from, to);
    } catch (e) {
      // The series was deleted from the organiser's calendar (in Outlook, say): make it again,
      // keeping the coordinators' moves and cancellations.
      if (!(e instanceof CalendarProblem && e.kind === "not-found" && record.value.seriesId)) throw e;
      record = await this.save(record, { ...fresh(), organiserName: record.value.organiserName }, actor);
      await create();
      await this.reconcile(panel, plan, record.value.seriesId ?? "", calendar, from, to);
    }

    const saved = await this.save(
      record,
      { ...record.value, ruleKey, from, to, scheduledAt: this.deps.now().toISOString() },
      actor,
    );
    const joinUrl = saved.value.joinUrl;
    if (!joinUrl) {
      throw new CalendarProblem(
        "no-teams-licence",
        `The meetings are in ${saved.value.organiserName}'s calendar but have no Teams join link: the organiser may have no Teams licence. Ask your IT team to assign one, then schedule the panel again.`,
      );
    }
    const views = await this.meetingsBetween(panelId, range.from, range.to);
    return {
      outcome,
      organiser: saved.value.organiserName,
      from,
      to,
      meetings: views,
    };
  }

  private async save(current: Versioned<Series>, next: Series, actor: Actor): Promise<Versioned<Series>> {
    try {
      return await this.deps.meetings.series.replace(next, current.etag, actor.name);
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
      throw new SchedulingRefused(
        409,
        "already-scheduling",
        "Someone else scheduled this panel at the same moment. Reload to see their result, then try again if you still need to.",
      );
    }
  }

  /**
   * Brings each occurrence in the calendar to the date the product holds for it (the bank holiday
   * policy, then any coordinator's move or cancellation), then records every meeting.
   */
  private async reconcile(
    panel: Panel,
    plan: SeriesPlan,
    seriesId: string,
    calendar: TeamsCalendar,
    from: string,
    to: string,
  ): Promise<void> {
    const byRule = new Map<string, { date: string; cancelled: boolean; note: string | null }>();
    for (const m of plan.moved) {
      byRule.set(m.original, {
        date: m.date,
        cancelled: false,
        note: `Moved from ${longDay(m.original)}, a bank holiday`,
      });
    }
    for (const d of plan.skipped) byRule.set(d, { date: d, cancelled: true, note: "Not held: bank holiday" });
    const held = await this.deps.meetings.between(panel.id, from, to);
    const stored = new Map(held.map((m) => [m.value.id, m.value]));
    const versions = new Map(held.map((m) => [m.value.id, m.etag]));
    const occurrences = await calendar.occurrences(seriesId, from, to);
    const now = this.deps.now();
    const rows: Meeting[] = [];
    for (const o of occurrences) {
      const before = stored.get(o.originalDate);
      const rule = byRule.get(o.originalDate);
      const target =
        before?.setBy === "coordinator"
          ? {
              start: before.start,
              end: before.end,
              cancelled: before.status === "cancelled",
              note: before.note,
              setBy: "coordinator" as const,
            }
          : {
              ...occurrenceOn(panel, rule?.date ?? o.originalDate),
              cancelled: rule?.cancelled ?? false,
              note: rule?.note ?? null,
              setBy: "rule" as const,
            };
      // Meetings already held are left as they were.
      if (new Date(o.end) > now) {
        if (target.cancelled) {
          await calendar.cancelOccurrence(o.occurrenceId, target.note ?? "Cancelled");
        } else if (!sameInstant(o.start, target.start) || !sameInstant(o.end, target.end)) {
          await calendar.moveOccurrence(o.occurrenceId, target.start, target.end);
        }
      }
      const date =
        DateTime.fromISO(target.start, { setZone: true }).setZone(LONDON).toISODate() ?? o.originalDate;
      rows.push({
        panelId: panel.id,
        id: o.originalDate,
        date,
        start: target.start,
        end: target.end,
        status: target.cancelled
          ? "cancelled"
          : date !== o.originalDate || target.note
            ? "moved"
            : "scheduled",
        joinUrl: o.joinUrl,
        occurrenceId: o.occurrenceId,
        note: target.note,
        setBy: target.setBy,
      });
    }
    // A meeting the calendar no longer lists was cancelled: by a coordinator here (kept as it is),
    // or by the organiser in Outlook (recorded as cancelled).
    for (const before of stored.values()) {
      if (rows.some((r) => r.id === before.id)) continue;
      rows.push(
        before.status === "cancelled"
          ? before
          : {
              ...before,
              status: "cancelled",
              joinUrl: null,
              note: "Cancelled in the organiser's calendar",
              setBy: "coordinator",
            },
      );
    }
    try {
      await this.deps.meetings.saveAll(
        rows.map((value) => ({ value, etag: versions.get(value.id) })),
        "schedule",
      );
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
      throw new SchedulingRefused(
        409,
        "changed-while-scheduling",
        "A meeting was changed while the panel was being scheduled. Schedule it again to bring everything up to date.",
      );
    }
  }

  private async heldMeeting(
    panelId: string,
    meetingId: string,
    version: string,
  ): Promise<Versioned<Meeting>> {
    const held = await this.deps.meetings.meeting(panelId, meetingId);
    if (!held) {
      throw new SchedulingRefused(
        404,
        "not-in-teams",
        "That meeting is not in Teams calendars yet. Schedule the panel in Teams first.",
      );
    }
    if (held.etag !== version) {
      throw new SchedulingRefused(
        409,
        "changed-by-someone-else",
        `This meeting was changed by ${held.updatedBy} at ${DateTime.fromISO(held.updatedAt).setZone(LONDON).toFormat("HH:mm")} after you opened it. Reload to see their change, then make yours again.`,
      );
    }
    if (held.value.status === "cancelled") {
      throw new SchedulingRefused(
        409,
        "cancelled",
        "That meeting has been cancelled, so it cannot be changed.",
      );
    }
    if (!held.value.occurrenceId) {
      throw new SchedulingRefused(404, "not-in-teams", "That meeting is not in Teams calendars yet.");
    }
    return held;
  }

  /**
   * Invites a presenter to their own slot of a meeting in Teams: a separate calendar event with the
   * slot's times, the meeting's join link and the case reference. Inviting again for the same slot
   * does not send a second invitation.
   */
  async invitePresenter(
    panelId: string,
    meetingId: string,
    slot: PresenterSlot,
    presenter: Invitee,
    calendar: TeamsCalendar,
  ): Promise<{ eventId: string }> {
    const panel = this.panel(panelId);
    const held = await this.deps.meetings.meeting(panelId, meetingId);
    if (!held || held.value.status === "cancelled") {
      throw new SchedulingRefused(
        409,
        "not-in-teams",
        "That meeting is not in Teams calendars, so its presenters cannot be invited through Teams.",
      );
    }
    const text = slotInviteText(this.title(panel), slot, held.value.joinUrl);
    const key = [panelId, meetingId, slot.caseReference, slot.start, presenter.email.toLowerCase()].join("|");
    return calendar.inviteToSlot({
      ...text,
      start: slot.start,
      end: slot.end,
      attendees: [presenter],
      joinUrl: held.value.joinUrl,
      transactionId: `slot-${createHash("sha256").update(key).digest("hex").slice(0, 40)}`,
    });
  }

  /** Moves one meeting to another date and start time; attendees get Teams' update for it alone. */
  async move(
    actor: Actor,
    panelId: string,
    meetingId: string,
    change: { date: string; startTime: string; reason: string },
    version: string,
    calendar: TeamsCalendar,
  ): Promise<MeetingView> {
    const held = await this.heldMeeting(panelId, meetingId, version);
    const length = DateTime.fromISO(held.value.end).diff(DateTime.fromISO(held.value.start));
    const start = DateTime.fromISO(`${change.date}T${change.startTime}`, { zone: LONDON });
    if (!start.isValid) throw new SchedulingRefused(400, "invalid-time", "That date and time do not exist.");
    if (start.toJSDate() <= this.deps.now()) {
      throw new SchedulingRefused(400, "in-the-past", "Choose a date and time that has not passed yet.");
    }
    await this.checkBetweenNeighbours(panelId, held.value, change.date);
    const startIso = start.toISO({ suppressMilliseconds: true }) ?? "";
    const endIso = start.plus(length).toISO({ suppressMilliseconds: true }) ?? "";
    return this.change(
      held,
      {
        ...held.value,
        date: change.date,
        start: startIso,
        end: endIso,
        status: "moved",
        note: change.reason || `Moved from ${longDay(held.value.id)}`,
        setBy: "coordinator",
      },
      actor,
      () => calendar.moveOccurrence(held.value.occurrenceId ?? "", startIso, endIso),
    );
  }

  /** Cancels one meeting; attendees get Teams' cancellation for it alone. */
  async cancel(
    actor: Actor,
    panelId: string,
    meetingId: string,
    reason: string,
    version: string,
    calendar: TeamsCalendar,
  ): Promise<MeetingView> {
    const held = await this.heldMeeting(panelId, meetingId, version);
    return this.change(
      held,
      { ...held.value, status: "cancelled", note: reason, setBy: "coordinator" },
      actor,
      () => calendar.cancelOccurrence(held.value.occurrenceId ?? "", reason),
    );
  }

  /**
   * Records the change (refused if the meeting changed since it was read), then makes it in the
   * calendar; if the calendar refuses, the record goes back to what it was.
   */
  private async change(
    held: Versioned<Meeting>,
    next: Meeting,
    actor: Actor,
    inCalendar: () => Promise<void>,
  ): Promise<MeetingView> {
    const saved = await this.deps.meetings.meetings.replace(next, held.etag, actor.name);
    try {
      await inCalendar();
    } catch (e) {
      await this.deps.meetings.meetings.replace(held.value, saved.etag, actor.name);
      throw e;
    }
    return view(saved);
  }

  /** A series keeps its meetings in order: one can move only to a day between its neighbours. */
  private async checkBetweenNeighbours(panelId: string, meeting: Meeting, date: string): Promise<void> {
    const shift = (days: number) =>
      DateTime.fromISO(meeting.id, { zone: "UTC" }).plus({ days }).toISODate() ?? meeting.id;
    const around = (await this.deps.meetings.between(panelId, shift(-100), shift(100)))
      .map((m) => m.value)
      .filter((m) => m.id !== meeting.id && m.status !== "cancelled");
    const before = around.filter((m) => m.id < meeting.id).pop();
    const after = around.find((m) => m.id > meeting.id);
    if ((before && date <= before.date) || (after && date >= after.date)) {
      const limits = [before && `after ${longDay(before.date)}`, after && `before ${longDay(after.date)}`]
        .filter(Boolean)
        .join(" and ");
      throw new SchedulingRefused(
        400,
        "outside-its-place",
        `A meeting in a series can move only to a day ${limits}. To meet outside that, cancel this meeting and use the next one.`,
      );
    }
  }
}

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

function view(stored: Versioned<Meeting>): MeetingView {
  const m = stored.value;
  return {
    id: m.id,
    date: m.date,
    start: m.start,
    end: m.end,
    description: describeOccurrence({ panelId: m.panelId, date: m.date, start: m.start, end: m.end }),
    status: m.status,
    joinUrl: m.status === "cancelled" ? null : m.joinUrl,
    note: m.note,
    version: stored.etag,
  };
}
