import { quorumOf } from "../../domain/attendance/sign-in.js";
import { howTaken } from "../../domain/decisions/taken.js";
import { buildMinutes, type Minutes } from "../../domain/minutes/minutes.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { localDay } from "../../domain/schedule/dates.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { auditEntry } from "../audit/audit-trail.js";
import { heldDayOf } from "../panels/meeting-days.js";
import { Refusal } from "../../domain/refusal.js";
import { caseKey } from "../../domain/minutes/record.js";
import { decisionsAt, meetingContext, withoutDetails } from "./decision-context.js";
import type { DecisionPorts } from "./decision-ports.js";
import { statusOf, statusShown } from "../minutes/previous-minutes.js";

/**
 * The meeting's minutes, for the panel's members (not presenters); the read is audited. A draft is
 * read only by the coordinators and chairs; only agreed minutes are exported for the agencies.
 */
export async function meetingMinutes(
  ports: DecisionPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  via: string,
  exporting = false,
): Promise<Minutes> {
  const { panel, area, occurrence } = meetingContext(ports, panelId, meetingId);
  if (role === "presenter")
    throw new Refusal("not-allowed", "Only the panel's members can read its minutes.", {
      code: "members-only",
    });
  const { catalogue, casework } = ports;
  const [room, { status: whole, agreement, next }, stored, held] = await Promise.all([
    ports.room.room(panelId, meetingId),
    statusOf(ports, panel, meetingId),
    ports.minutesRecord.notes(panelId, meetingId),
    ports.meetings.meeting(panelId, meetingId),
  ]);
  // On the meeting's day, names wait until the person has signed in, in the minutes as on the agenda.
  const namesHidden =
    localDay(ports.now()) === heldDayOf(meetingId, held).day &&
    held?.value.status !== "cancelled" &&
    !room.signIns.some((s) => s.personId === actor.id);
  // The correction the panel asked for can name people: hidden with the names.
  const status = namesHidden ? statusShown(panel, agreement, false, next) : whole;
  if (status.state === "draft" && role !== "coordinator" && role !== "chair")
    throw new Refusal(
      "not-now",
      `${status.words.replace(/^Draft: awaiting/, "These minutes are awaiting")} Until then only the panel's coordinators and chairs read the draft.`,
      { code: "minutes-awaiting-agreement" },
    );
  if (exporting && !status.exportable)
    throw new Refusal("not-now", `Only agreed minutes can be exported for the agencies. ${status.words}`, {
      code: "minutes-not-agreed",
    });
  const notes = new Map(namesHidden ? [] : stored.map((n) => [n.value.itemKey, n.value.text]));
  const [decisions, agenda, actions] = await Promise.all([
    decisionsAt(ports, panelId, meetingId),
    ports.agendaDesk.view(actor, role, panelId, meetingId, via, namesHidden),
    casework.actionsAt(panel.areaId, panelId, meetingId),
  ]);
  // The agenda in order: its cases, and its fixed items, each placed before the cases after it.
  const fixedItems: { id: string; title: string; before: number }[] = [];
  const onAgenda: { subjectId: string; reference: string; label: string | null; section: string }[] = [];
  for (const e of agenda.entries) {
    if (e.kind === "item" && e.id) fixedItems.push({ id: e.id, title: e.title, before: onAgenda.length });
    onAgenda.push(
      ...e.slots.flatMap((s) => s.subjects.map((x) => ({ ...x, section: e.title }))),
      ...e.listed.map((x) => ({
        subjectId: x.subjectId,
        reference: x.reference,
        label: x.label,
        section: e.title,
      })),
    );
  }
  // A case decided here and since decided again at a later meeting has left this agenda: its
  // decision still belongs in these minutes. Chairs' decisions are reported apart.
  const agendaItems = [
    ...onAgenda,
    ...decisions
      .filter((d) => howTaken(d) === "at-the-meeting" && !onAgenda.some((i) => i.subjectId === d.subjectId))
      .map((d) => ({ subjectId: d.subjectId, reference: d.reference, label: null, section: "Also decided" })),
  ];
  await casework.appendAudit(panel.areaId, [
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId,
      actorId: actor.id,
      action: "minutes.viewed",
      subjectId: null,
      reference: `minutes ${meetingId}`.slice(0, 20),
      via,
      // The notes of cases are details of their subjects: the entry names the cases whose note it showed.
      shown: agendaItems.filter((i) => notes.has(caseKey(i.subjectId))).map((i) => i.reference),
    }),
  ]);
  return buildMinutes({
    panelName: panel.name,
    areaName: area.name,
    meetingId,
    meetingDescription: describeOccurrence(held ? { ...held.value, panelId } : occurrence),
    confidentialityStatement: area.confidentialityStatement,
    signIns: room.signIns,
    apologies: room.apologies.map((a) => a.value),
    quorum: quorumOf(panel, catalogue.agencies, room.signIns),
    agendaItems,
    fixedItems,
    notes,
    status,
    agreementVersion: agreement?.etag ?? null,
    // Before signing in, the decisions are given without the names and details they may hold.
    decisions: namesHidden ? decisions.map(withoutDetails) : decisions,
    actions: actions.map((a) => ({
      ...a.value,
      ownerAgency: catalogue.agencies.get(a.value.ownerAgencyId)?.name ?? a.value.ownerAgencyId,
    })),
    agencyName: (id) => catalogue.agencies.get(id)?.name ?? id,
    panelNameOf: (id) => catalogue.panels.get(id)?.name ?? id,
    riskLabel: (id) => area.riskScale.levels.find((l) => l.id === id)?.label ?? id,
    now: ports.now().toISOString(),
  });
}
