import type { AgendaEntry } from "../../domain/agenda/build.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { viewAgenda } from "./view-agenda.js";

// The agenda shared to a Teams meeting's stage, which everyone in the meeting sees, signed in to
// it or not: its items and times, and each case by its reference alone. No name, no presenter, no
// lead, nothing the coordinator wrote of a case and no decision: those stay in each person's own
// side panel, behind sign-in. It is the agenda the person's role sees, so a presenter's stage
// shows their own slot only.

export interface StageSlot {
  start: string;
  end: string;
  references: string[];
}

export interface StageItem {
  kind: AgendaEntry["kind"];
  title: string;
  start: string;
  end: string;
  minutes: number;
  slots: StageSlot[];
  /** Cases the section records without a slot. */
  listed: string[];
}

export interface StageAgenda {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  items: StageItem[];
}

export async function stageAgenda(
  ports: AgendaPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
): Promise<StageAgenda> {
  // Names held back, as before sign-in: nothing of a subject's record is read, so nothing is audited.
  const view = await viewAgenda(ports, actor, role, panelId, meetingId, "meeting stage", true);
  return {
    panelId,
    meeting: view.meeting,
    items: view.entries.map((e) => ({
      kind: e.kind,
      title: e.title,
      start: e.start,
      end: e.end,
      minutes: e.minutes,
      slots: e.slots.map((s) => ({
        start: s.start,
        end: s.end,
        references: s.subjects.map((subject) => subject.reference),
      })),
      listed: e.listed.map((l) => l.reference),
    })),
  };
}
