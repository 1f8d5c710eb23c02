import { Refusal, reasonOfStatus } from "./refusal.js";
import type { TransactionAction } from "@azure/data-tables";
import { auditEntry } from "./audit-trail.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import type { AuditAction } from "../domain/audit/audit-entry.js";
import { buildAgenda, type AgendaCase, type AgendaEntry } from "../domain/agenda/build.js";
import { AgendaChoice, casesDueAt, NO_CHOICE } from "../domain/agenda/due-cases.js";
import type { AgendaDraft, PublishedAgenda } from "../domain/agenda/agenda-draft.js";
import type { ChannelAnnouncer } from "./channel-announcer.js";
import type { MeetingScheduler } from "./meeting-scheduler.js";
import type { TeamsCalendar } from "./teams-calendar.js";
import type { Case } from "../domain/cohort/case.js";
import type { PanelRole } from "../domain/people/membership.js";
import { describeOccurrence } from "../domain/schedule/describe.js";
import { localDay } from "../domain/schedule/dates.js";
import { nextOccurrences, occurrencesBetween } from "../domain/schedule/occurrences.js";
import type { AgendaRecords } from "../adapters/tables/agenda-records.js";
import type { AreaRecords } from "../adapters/tables/area-records.js";
import { AlreadyExists, ConcurrencyConflict, isStatus } from "../adapters/tables/entity-store.js";
import type { MeetingRecords } from "../adapters/tables/meeting-records.js";
import { peopleByIds, type Repositories } from "../adapters/tables/repositories.js";

/** A storage conflict (someone changed the same rows first) becomes a refusal written for the user. */
function refusedOnConflict(e: unknown, message: string): unknown {
  return isStatus(e, 409) || isStatus(e, 412)
    ? new AgendaRefused(409, "changed-by-someone-else", message)
    : e;
}

// A meeting's agenda for the tab: built from the panel's template and the cases due at the
// meeting, with the coordinator's choices. Roles decide what each person sees: members see the
// whole agenda with names; a presenter sees only their own slots.

export class AgendaRefused extends Refusal {
  constructor(
    readonly status: 403 | 404 | 409,
    code: string,
    message: string,
  ) {
    super(reasonOfStatus(status), message, { code });
    this.name = "AgendaRefused";
  }
}

interface Actor {
  id: string;
  name: string;
}

export interface AgendaSubject {
  subjectId: string;
  reference: string;
  /** The name, for roles that may see it; null otherwise. */
  label: string | null;
}

export interface AgendaSlotView {
  start: string;
  end: string;
  minutes: number;
  subjects: AgendaSubject[];
  presenters: string[];
  workerMustAttend: boolean;
  /** The coordinator's choices for the slot's (first) case, to edit. */
  choice: AgendaChoice;
}

export interface AgendaEntryView extends Omit<AgendaEntry, "slots" | "listed"> {
  slots: AgendaSlotView[];
  listed: (AgendaSubject & { rationale: string | null; choice: AgendaChoice })[];
}

export interface AgendaView {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  role: PanelRole;
  /** Names are held back until the person signs in to the meeting. */
  namesHidden: boolean;
  editable: boolean;
  /** The draft's version, to send back with a change; null before the first change. */
  version: string | null;
  publishedVersions: number;
  start: string;
  end: string;
  entries: AgendaEntryView[];
  unplaced: (AgendaSubject & { choice: AgendaChoice })[];
  sections: { id: string; title: string }[];
  usesCategories: boolean;
}

export interface PublishResult {
  version: number;
  /** Presenters sent an invitation to their own slot. */
  invited: number;
  notInvited: number;
  /** Why some were not invited, in words for the coordinator. */
  why: string | null;
  /** The panel's channel is being told (it has one linked). */
  channelTold: boolean;
}

export class AgendaDesk {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      records: AreaRecords;
      meetings: MeetingRecords;
      agendas: AgendaRecords;
      now: () => Date;
      announcer?: ChannelAnnouncer;
    },
  ) {}

  private panel(panelId: string) {
    const panel = this.deps.catalogue.panels.get(panelId);
    if (!panel) throw new AgendaRefused(404, "unknown-panel", "There is no such panel.");
    return panel;
  }

  /** The meeting as held in Teams, or as the panel's rule gives it. */
  private async meeting(panelId: string, meetingId: string) {
    const held = await this.deps.meetings.meeting(panelId, meetingId);
    if (held) return held.value;
    const planned = occurrencesBetween(this.deps.catalogue, panelId, meetingId, meetingId)[0];
    if (!planned) {
      throw new AgendaRefused(
        404,
        "unknown-meeting",
        "The panel has no meeting on that date. Check the link.",
      );
    }
    return { ...planned, id: meetingId, status: "planned" as const };
  }

  async view(
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    via: string,
    /** During the meeting, names wait until the person has signed in and agreed. */
    namesHidden = false,
  ): Promise<AgendaView> {
    const { panel, template, meeting, draft, cases, due, agenda } = await this.load(panelId, meetingId);
    const choices = draft?.value.choices ?? {};
    const byId = new Map<string, Case>(cases.map((c) => [c.value.subjectId, c.value]));

    const presenterOnly = role === "presenter";
    const mine = (ids: string[]) => !presenterOnly || ids.includes(actor.id);
    const people = await peopleByIds(
      this.deps.repos,
      due.flatMap((c) => c.presenterIds),
    );
    const shown = new Set<string>();
    const subject = (subjectId: string): AgendaSubject => {
      const c = byId.get(subjectId);
      // A presenter sees the name only of a case they present, even in a group's shared slot.
      const named = !namesHidden && (!presenterOnly || c?.presenterId === actor.id);
      if (named) shown.add(subjectId);
      return { subjectId, reference: c?.reference ?? "", label: named ? (c?.label ?? null) : null };
    };
    const dueById = new Map<string, AgendaCase>(due.map((c) => [c.subjectId, c]));
    const entries: AgendaEntryView[] = agenda.entries.map((e) => ({
      ...e,
      slots: e.slots
        .filter((s) => mine(s.presenterIds))
        .map((s) => ({
          start: s.start,
          end: s.end,
          minutes: s.minutes,
          subjects: s.subjectIds.map(subject),
          presenters: s.presenterIds.map((id) => people.get(id)?.displayName ?? "Presenter not known"),
          workerMustAttend: s.workerMustAttend,
          choice: choices[s.subjectIds[0] ?? ""] ?? NO_CHOICE,
        })),
      listed: e.listed
        .filter((l) => mine(dueById.get(l.subjectId)?.presenterIds ?? []))
        .map((l) => ({
          ...subject(l.subjectId),
          rationale: l.rationale,
          choice: choices[l.subjectId] ?? NO_CHOICE,
        })),
    }));
    const unplaced = presenterOnly
      ? []
      : agenda.unplaced.map((c) => ({ ...subject(c.subjectId), choice: choices[c.subjectId] ?? NO_CHOICE }));

    // Names were shown: each read of a subject's record is audited.
    await this.audit(panel.areaId, panelId, actor, [...shown], "agenda.viewed", via, byId);

    const sections = template.items.flatMap((i) =>
      i.kind === "cases" ? [{ id: i.id, title: i.title }] : [],
    );
    return {
      panelId,
      meeting: {
        id: meeting.id,
        date: meeting.date,
        start: meeting.start,
        end: meeting.end,
        description: describeOccurrence({
          panelId,
          date: meeting.date,
          start: meeting.start,
          end: meeting.end,
        }),
        status: meeting.status,
      },
      role,
      namesHidden,
      editable: role === "coordinator" && meeting.status !== "cancelled",
      version: draft?.etag ?? null,
      publishedVersions: draft?.value.publishedVersions ?? 0,
      start: agenda.start,
      end: agenda.end,
      entries,
      unplaced,
      sections,
      usesCategories: template.items.some((i) => i.kind === "cases" && i.takes.categories),
    };
  }

  /** What an agenda is made from, in three reads: the meeting, its draft and the panel's cases. */
  private async load(panelId: string, meetingId: string) {
    const panel = this.panel(panelId);
    const template = this.deps.catalogue.agendaTemplates.get(panel.agendaTemplateId);
    if (!template) throw new AgendaRefused(404, "no-template", "This panel has no agenda template.");
    const today = localDay(this.deps.now());
    const [meeting, draft, { cases, drifting }] = await Promise.all([
      this.meeting(panelId, meetingId),
      this.deps.agendas.draft(panelId, meetingId),
      this.deps.records.casesAndDrift(panel.areaId, panelId, today, meetingId),
    ]);
    // Drift brings a case to the panel's next meeting only.
    const next = nextOccurrences(this.deps.catalogue, panelId, this.deps.now(), 1)[0];
    const due = casesDueAt(
      meeting.id,
      cases.map((c) => c.value),
      draft?.value.choices ?? {},
      next?.date === meeting.id ? drifting : new Set(),
    );
    const agenda = buildAgenda(template, meeting.start, due, panel.presenterSlotMinutes);
    return { panel, template, meeting, draft, cases, due, agenda };
  }

  /** A coordinator's choice for one case on the agenda; the draft's version guards against a lost edit. */
  async choose(
    actor: Actor,
    panelId: string,
    meetingId: string,
    subjectId: string,
    choice: AgendaChoice,
    version: string | null,
  ): Promise<void> {
    const panel = this.panel(panelId);
    const template = this.deps.catalogue.agendaTemplates.get(panel.agendaTemplateId);
    if (choice.sectionId && !template?.items.some((i) => i.kind === "cases" && i.id === choice.sectionId)) {
      throw new AgendaRefused(409, "unknown-section", "That section is not on this panel's agenda.");
    }
    const [meeting, draft, held] = await Promise.all([
      this.meeting(panelId, meetingId),
      this.deps.agendas.draft(panelId, meetingId),
      this.deps.records.subjectAndCase(panel.areaId, panelId, subjectId),
    ]);
    if (meeting.status === "cancelled") {
      throw new AgendaRefused(409, "cancelled", "That meeting is cancelled, so its agenda cannot change.");
    }
    if (!held.case) throw new AgendaRefused(404, "unknown-case", "That case is not on this panel.");
    if ((draft?.etag ?? null) !== version) {
      throw new AgendaRefused(
        409,
        "changed-by-someone-else",
        draft
          ? new ConcurrencyConflict("Agendas", { updatedBy: draft.updatedBy, updatedAt: draft.updatedAt })
              .message
          : "Reload the agenda: it has changed since you opened it.",
      );
    }
    const next: AgendaDraft = {
      panelId,
      meetingId,
      choices: { ...(draft?.value.choices ?? {}), [subjectId]: AgendaChoice.parse(choice) },
      publishedVersions: draft?.value.publishedVersions ?? 0,
    };
    try {
      if (draft) await this.deps.agendas.drafts.replace(next, draft.etag, actor.name);
      else await this.deps.agendas.drafts.insert(next, actor.name);
    } catch (e) {
      if (e instanceof AlreadyExists) {
        throw new AgendaRefused(
          409,
          "changed-by-someone-else",
          "Reload the agenda: someone changed it just now.",
        );
      }
      throw e;
    }
    const byId = new Map([[subjectId, held.case.value]]);
    await this.audit(panel.areaId, panelId, actor, [subjectId], "agenda.changed", "tab agenda", byId);
  }

  /** Moves a case to another meeting of the panel: it leaves this agenda and joins that one. */
  async moveToMeeting(
    actor: Actor,
    panelId: string,
    meetingId: string,
    subjectId: string,
    targetMeetingId: string,
    version: string | null,
  ): Promise<void> {
    const panel = this.panel(panelId);
    const [target, draft, held] = await Promise.all([
      this.meeting(panelId, targetMeetingId),
      this.deps.agendas.draft(panelId, meetingId),
      this.deps.records.subjectAndCase(panel.areaId, panelId, subjectId),
    ]);
    if (target.status === "cancelled") {
      throw new AgendaRefused(409, "cancelled", "That meeting is cancelled. Choose another.");
    }
    if (target.id < localDay(this.deps.now())) {
      throw new AgendaRefused(409, "in-the-past", "That meeting has already happened. Choose a later one.");
    }
    if (!held.case || held.case.value.status !== "open") {
      throw new AgendaRefused(404, "unknown-case", "That case is not open on this panel.");
    }
    if ((draft?.etag ?? null) !== version) {
      throw new AgendaRefused(
        409,
        "changed-by-someone-else",
        "Reload the agenda: it has changed since you opened it.",
      );
    }
    try {
      await this.deps.records.transact([
        this.deps.records.cases.replaceAction(
          { ...held.case.value, nextMeetingDate: target.id },
          held.case.etag,
          actor.name,
        ),
        this.auditAction(
          panel.areaId,
          panelId,
          actor,
          subjectId,
          held.case.value.reference,
          "agenda.changed",
          "tab agenda",
        ),
      ]);
    } catch (e) {
      throw refusedOnConflict(e, "Reload the agenda: the case changed just now.");
    }
  }

  /**
   * Freezes the agenda as the next version (references, times and presenters; no names), then
   * invites each presenter to their own slot through the organiser's Teams calendar, if there is one.
   */
  async publish(
    actor: Actor,
    panelId: string,
    meetingId: string,
    version: string | null,
    invitations: { scheduler: MeetingScheduler; calendar: TeamsCalendar } | undefined,
  ): Promise<PublishResult> {
    const { panel, meeting, draft, agenda } = await this.load(panelId, meetingId);
    if (meeting.status === "cancelled") {
      throw new AgendaRefused(
        409,
        "cancelled",
        "That meeting is cancelled, so its agenda cannot be published.",
      );
    }
    if ((draft?.etag ?? null) !== version) {
      throw new AgendaRefused(
        409,
        "changed-by-someone-else",
        "Reload the agenda: it has changed since you opened it.",
      );
    }
    if (agenda.unplaced.length) {
      throw new AgendaRefused(
        409,
        "cases-to-place",
        `Place ${agenda.unplaced.map((c) => c.reference).join(", ")} in a section of the agenda before publishing it.`,
      );
    }
    const frozen = {
      start: agenda.start,
      end: agenda.end,
      entries: agenda.entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        start: e.start,
        end: e.end,
        slots: e.slots.map((slot) => ({
          references: slot.references,
          start: slot.start,
          end: slot.end,
          presenterIds: slot.presenterIds,
        })),
        listed: e.listed.map((l) => ({ reference: l.reference })),
      })),
    };
    const number = (draft?.value.publishedVersions ?? 0) + 1;
    const nextDraft: AgendaDraft = {
      panelId,
      meetingId,
      choices: draft?.value.choices ?? {},
      publishedVersions: number,
    };
    const published: PublishedAgenda = {
      panelId,
      meetingId,
      version: number,
      publishedAt: this.deps.now().toISOString(),
      publishedBy: actor.name,
      agenda: JSON.stringify(frozen),
    };
    // The version and the draft's count in one transaction: a second publish of the same draft is refused.
    try {
      await this.deps.agendas.client.submitTransaction([
        draft
          ? this.deps.agendas.drafts.replaceAction(nextDraft, draft.etag, actor.name)
          : this.deps.agendas.drafts.createAction(nextDraft, actor.name),
        this.deps.agendas.versions.createAction(published, actor.name),
      ]);
    } catch (e) {
      throw refusedOnConflict(e, "Reload the agenda: someone published or changed it just now.");
    }

    const slots = agenda.entries.flatMap((e) => e.slots).filter((slot) => slot.presenterIds.length);
    const channelTold =
      (await this.deps.announcer
        ?.agendaPublished({
          panelId,
          panelName: panel.name,
          meetingId,
          meetingDescription: describeOccurrence({
            panelId,
            date: meeting.date,
            start: meeting.start,
            end: meeting.end,
          }),
          version: number,
          slots: agenda.entries.reduce((n, e) => n + e.slots.length, 0),
        })
        .catch(() => false)) ?? false;
    if (!invitations) {
      return {
        version: number,
        invited: 0,
        notInvited: slots.length,
        why: "MACE panels is not connected to Teams calendars here",
        channelTold,
      };
    }
    const people = await peopleByIds(
      this.deps.repos,
      slots.flatMap((slot) => slot.presenterIds),
    );
    let invited = 0;
    let why: string | null = null;
    for (const slot of slots) {
      for (const presenterId of slot.presenterIds) {
        const person = people.get(presenterId);
        if (!person) continue;
        try {
          await invitations.scheduler.invitePresenter(
            panelId,
            meetingId,
            { caseReference: slot.references.join(", "), start: slot.start, end: slot.end },
            { name: person.displayName, email: person.email },
            invitations.calendar,
          );
          invited += 1;
        } catch (e) {
          why = (e as Error).message;
        }
      }
    }
    return {
      version: number,
      channelTold,
      invited,
      notInvited: slots.reduce((n, s) => n + s.presenterIds.length, 0) - invited,
      why,
    };
  }

  private auditAction(
    areaId: string,
    panelId: string,
    actor: Actor,
    subjectId: string,
    reference: string,
    action: AuditAction,
    via: string,
  ): TransactionAction {
    return auditEntry(this.deps.records, this.deps.now(), {
      areaId,
      panelId,
      actorId: actor.id,
      action,
      subjectId,
      reference,
      via,
    });
  }

  private async audit(
    areaId: string,
    panelId: string,
    actor: Actor,
    subjectIds: string[],
    action: AuditAction,
    via: string,
    cases: Map<string, Case>,
  ): Promise<void> {
    for (let i = 0; i < subjectIds.length; i += 100) {
      await this.deps.records.transact(
        subjectIds
          .slice(i, i + 100)
          .map((subjectId) =>
            this.auditAction(
              areaId,
              panelId,
              actor,
              subjectId,
              cases.get(subjectId)?.reference ?? "",
              action,
              via,
            ),
          ),
      );
    }
  }
}
