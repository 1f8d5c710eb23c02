import { knownPanel } from "../panels/known-panels.js";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import { buildAgenda } from "../../domain/agenda/build.js";
import { casesDueAt } from "../../domain/agenda/due-cases.js";
import { thresholdingPanelOf, withThresholding } from "../../domain/agenda/thresholding.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { earlierStillToEnd, isNextOf } from "../panels/meeting-days.js";
import { auditEntry } from "../audit/audit-trail.js";
import { Refusal } from "../../domain/refusal.js";
import type { AgendaPorts } from "./agenda-ports.js";

// What every agenda command starts from: the panel, the meeting as held in Teams (or as the
// panel's rule gives it), its draft and the cases due at it.

export const agendaChanged = (message: string) =>
  new Refusal("conflict", message, { code: "changed-by-someone-else" });

export function agendaPanel(ports: Pick<AgendaPorts, "catalogue">, panelId: string) {
  return knownPanel(ports.catalogue, panelId);
}

/** The meeting as held in Teams, or as the panel's rule gives it. */
export async function agendaMeeting(
  ports: Pick<AgendaPorts, "catalogue" | "meetings">,
  panelId: string,
  meetingId: string,
) {
  const held = await ports.meetings.meeting(panelId, meetingId);
  if (held) return held.value;
  const planned = occurrencesBetween(ports.catalogue, panelId, meetingId, meetingId)[0];
  if (!planned) {
    throw new Refusal("not-found", "The panel has no meeting on that date. Check the link.", {
      code: "unknown-meeting",
    });
  }
  return { ...planned, id: meetingId, status: "planned" as const };
}

/**
 * What an agenda is made from, in reads sent together: the meeting, its draft, the panel's cases
 * and the meetings before it still to end (whether this is the next one, which drift comes to).
 */
export async function loadAgenda(ports: AgendaPorts, panelId: string, meetingId: string) {
  const panel = agendaPanel(ports, panelId);
  const template = ports.catalogue.agendaTemplates.get(panel.agendaTemplateId);
  if (!template)
    throw new Refusal("not-found", "This panel has no agenda template.", { code: "no-template" });
  const now = ports.now();
  const [meeting, draft, { cases, drifting }, earlier] = await Promise.all([
    agendaMeeting(ports, panelId, meetingId),
    ports.agendas.draft(panelId, meetingId),
    ports.casework.casesAndDrift(panel.areaId, panelId, localDay(now), meetingId),
    earlierStillToEnd(ports, panelId, meetingId, now),
  ]);
  // Drift brings a case to the panel's next meeting only, as held (a moved one on its new day).
  const listed = casesDueAt(
    meeting.id,
    cases.map((c) => c.value),
    draft?.value.choices ?? {},
    isNextOf(meeting, earlier, now) ? drifting : new Set(),
  );
  // Where a thresholding meeting compiles the agenda (003), its outcomes place the cases.
  const thresholding = thresholdingPanelOf(ports.catalogue, panelId) ?? null;
  const due = thresholding
    ? withThresholding(
        listed,
        cases.map((c) => c.value),
        meeting.id,
      )
    : listed;
  const agenda = buildAgenda(template, meeting.start, due, panel.presenterSlotMinutes, panel.slotAttendance);
  return { panel, template, meeting, draft, cases, due, agenda, thresholding };
}

/** Audits that these subjects' records were read or changed through the agenda. */
export async function auditAgenda(
  ports: Pick<AgendaPorts, "casework" | "now">,
  areaId: string,
  panelId: string,
  actor: Actor,
  subjects: { subjectId: string; reference: string }[],
  action: AuditAction,
  via: string,
): Promise<void> {
  const at = ports.now();
  await ports.casework.appendAudit(
    areaId,
    subjects.map((s) =>
      auditEntry(at, {
        areaId,
        panelId,
        actorId: actor.id,
        action,
        subjectId: s.subjectId,
        reference: s.reference,
        via,
      }),
    ),
  );
}
