import { AgendaChoice } from "../../domain/agenda/due-cases.js";
import type { AgendaDraft } from "../../domain/agenda/agenda-draft.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { auditEntry } from "../audit/audit-trail.js";
import { AlreadyExists, ConcurrencyConflict } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { agendaChanged, agendaMeeting, agendaPanel, auditAgenda } from "./load-agenda.js";

// The coordinator's changes to a draft agenda: a case's section, place and slot, or its move to
// another meeting. Each carries the draft's version, so an edit made on an old copy is refused.

const cancelled = (message: string) => new Refusal("not-now", message, { code: "cancelled" });

/** A coordinator's choice for one case on the agenda. */
export async function chooseForCase(
  ports: AgendaPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  subjectId: string,
  choice: AgendaChoice,
  version: string | null,
): Promise<void> {
  const panel = agendaPanel(ports, panelId);
  const template = ports.catalogue.agendaTemplates.get(panel.agendaTemplateId);
  if (choice.sectionId && !template?.items.some((i) => i.kind === "cases" && i.id === choice.sectionId))
    throw new Refusal("conflict", "That section is not on this panel's agenda.", { code: "unknown-section" });
  if (choice.plansHaveImpact && !panel.slotAttendance?.plansHavingImpact)
    throw new Refusal(
      "conflict",
      `${panel.name}'s terms of reference do not excuse a case's worker and manager when plans are having impact, so everyone named for the case is still expected. Record the progress in the discussion notes instead.`,
      { code: "no-impact-rule" },
    );
  const [meeting, draft, held] = await Promise.all([
    agendaMeeting(ports, panelId, meetingId),
    ports.agendas.draft(panelId, meetingId),
    ports.casework.subjectAndCase(panel.areaId, panelId, subjectId),
  ]);
  if (meeting.status === "cancelled")
    throw cancelled("That meeting is cancelled, so its agenda cannot change.");
  if (!held.case) throw new Refusal("not-found", "That case is not on this panel.", { code: "unknown-case" });
  if ((draft?.etag ?? null) !== version) {
    throw agendaChanged(
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
    await ports.agendas.saveDraft(next, draft?.etag ?? null, actor.name);
  } catch (e) {
    if (e instanceof AlreadyExists) throw agendaChanged("Reload the agenda: someone changed it just now.");
    throw e;
  }
  await auditAgenda(
    ports,
    panel.areaId,
    panelId,
    actor,
    [{ subjectId, reference: held.case.value.reference }],
    "agenda.changed",
    "tab agenda",
  );
}

/** Moves a case to another meeting of the panel: it leaves this agenda and joins that one. */
export async function moveCaseToMeeting(
  ports: AgendaPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  subjectId: string,
  targetMeetingId: string,
  version: string | null,
): Promise<void> {
  const panel = agendaPanel(ports, panelId);
  const [target, draft, held] = await Promise.all([
    agendaMeeting(ports, panelId, targetMeetingId),
    ports.agendas.draft(panelId, meetingId),
    ports.casework.subjectAndCase(panel.areaId, panelId, subjectId),
  ]);
  if (target.status === "cancelled") throw cancelled("That meeting is cancelled. Choose another.");
  // A moved meeting has happened once the day it was held has passed.
  if (target.date < localDay(ports.now()))
    throw new Refusal("not-now", "That meeting has already happened. Choose a later one.", {
      code: "in-the-past",
    });
  const current = held.case;
  if (!current || current.value.status !== "open")
    throw new Refusal("not-found", "That case is not open on this panel.", { code: "unknown-case" });
  if ((draft?.etag ?? null) !== version)
    throw agendaChanged("Reload the agenda: it has changed since you opened it.");
  const unit = ports.casework.unit(panel.areaId, actor.name);
  unit.replaceCase({ ...current.value, nextMeetingDate: target.id }, current);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId,
      actorId: actor.id,
      action: "agenda.changed",
      subjectId,
      reference: current.value.reference,
      via: "tab agenda",
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (e instanceof ConcurrencyConflict)
      throw agendaChanged("Reload the agenda: the case changed just now.");
    throw e;
  }
}
