import { DateTime } from "luxon";
import { createHash, randomUUID } from "node:crypto";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { Panel as PanelRule } from "../domain/catalogue/panel.js";
import type { Meeting, Series } from "../domain/schedule/meeting.js";
import { describeOccurrence } from "../domain/schedule/describe.js";
import { occurrenceOn, occurrencesBetween } from "../domain/schedule/occurrences.js";
import { seriesFor, type SeriesPlan } from "../domain/schedule/series.js";
import { slotInviteText, type PresenterSlot } from "../domain/schedule/slot-invite.js";
import { AlreadyExists, keyOf, type Versioned } from "../adapters/tables/entity-store.js";
import type { MeetingRecords } from "../adapters/tables/meeting-records.js";
import { peopleByIds, type Repositories } from "../adapters/tables/repositories.js";
import { CalendarProblem, type Invitee, type TeamsCalendar } from "./teams-calendar.js";

// Puts a panel's meetings into the organiser's Teams calendar as one recurring series, keeps the
// product's record of each meeting (date, time, join link, moved or cancelled), and changes one
// meeting at a time when the coordinator moves or cancels it.

export class SchedulingRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
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
    let existing = await this.deps.meetings.seriesOf(panelId);
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
    if (existing && existing.value.organiserId !== calendar.organiser.id) {
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
      transactionId: existing?.value.transactionId ?? randomUUID(),
    };

    if (!existing) {
      try {
        existing = await this.deps.meetings.series.insert(
          {
            panelId,
            transactionId: request.transactionId,
            seriesId: null,
            organiserId: calendar.organiser.id,
            organiserName: calendar.organiser.name,
            ruleKey,
            from,
            to,
            joinUrl: null,
            scheduledAt: this.deps.now().toISOString(),
          },
          actor.name,
        );
      } catch (e) {
        if (!(e instanceof AlreadyExists)) throw e;
        throw new SchedulingRefused(
          409,
          "already-scheduling",
          "Someone else is scheduling this panel at the same moment. Reload in a minute to see their result.",
        );
      }
    }

    let outcome: ScheduleResult["outcome"] = "unchanged";
    let seriesId = existing.value.seriesId;
    let joinUrl = existing.value.joinUrl;
    let transactionId = existing.value.transactionId;
    const create = async () => {
      // The same transaction ID as any earlier attempt: Graph answers with the series it already has.
      const created = await calendar.createSeries({ ...request, transactionId });
      seriesId = created.seriesId;
      joinUrl = created.joinUrl;
      outcome = "created";
    };
    try {
      if (!seriesId) await create();
      else if (existing.value.ruleKey !== ruleKey || !joinUrl) {
        joinUrl = (await calendar.updateSeries(seriesId, request)).joinUrl;
        outcome = "updated";
      }
      await this.reconcile(panel, plan, seriesId ?? "", calendar, from, to);
    } catch (e) {
      // The series was deleted from the organiser's calendar (in Outlook, say): make it again,
      // keeping the coordinators' moves and cancellations.
      if (!(e instanceof CalendarProblem && e.kind === "not-found" && existing.value.seriesId)) throw e;
      transactionId = randomUUID();
      await create();
      await this.reconcile(panel, plan, seriesId ?? "", calendar, from, to);
    }

    const saved = await this.deps.meetings.series.replace(
      {
        ...existing.value,
        transactionId,
        seriesId,
        ruleKey,
        from,
        to,
        joinUrl,
        scheduledAt: this.deps.now().toISOString(),
      },
      existing.etag,
      actor.name,
    );
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
    const stored = new Map(
      (await this.deps.meetings.between(panel.id, from, to)).map((m) => [m.value.id, m.value]),
    );
    const occurrences = await calendar.occurrences(seriesId, from, to);
    const rows: Meeting[] = [];
    for (const o of occurrences) {
      const held = stored.get(o.originalDate);
      const rule = byRule.get(o.originalDate);
      const target =
        held?.setBy === "coordinator"
          ? {
              start: held.start,
              end: held.end,
              cancelled: held.status === "cancelled",
              note: held.note,
              setBy: "coordinator" as const,
            }
          : {
              ...occurrenceOn(panel, rule?.date ?? o.originalDate),
              cancelled: rule?.cancelled ?? false,
              note: rule?.note ?? null,
              setBy: "rule" as const,
            };
      if (target.cancelled) {
        await calendar.cancelOccurrence(o.occurrenceId, target.note ?? "Cancelled");
      } else if (!sameInstant(o.start, target.start) || !sameInstant(o.end, target.end)) {
        await calendar.moveOccurrence(o.occurrenceId, target.start, target.end);
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
    // Occurrences already cancelled are no longer listed by the calendar: keep their record.
    for (const held of stored.values()) {
      if (held.status === "cancelled" && !rows.some((r) => r.id === held.id)) rows.push(held);
    }
    await this.deps.meetings.saveAll(rows, "schedule");
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
    const startIso = start.toISO({ suppressMilliseconds: true }) ?? "";
    const endIso = start.plus(length).toISO({ suppressMilliseconds: true }) ?? "";
    await calendar.moveOccurrence(held.value.occurrenceId ?? "", startIso, endIso);
    const saved = await this.deps.meetings.meetings.replace(
      {
        ...held.value,
        date: change.date,
        start: startIso,
        end: endIso,
        status: "moved",
        note: change.reason || `Moved from ${longDay(held.value.id)}`,
        setBy: "coordinator",
      },
      held.etag,
      actor.name,
    );
    return view(saved);
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
    await calendar.cancelOccurrence(held.value.occurrenceId ?? "", reason);
    const saved = await this.deps.meetings.meetings.replace(
      { ...held.value, status: "cancelled", note: reason, setBy: "coordinator" },
      held.etag,
      actor.name,
    );
    return view(saved);
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
