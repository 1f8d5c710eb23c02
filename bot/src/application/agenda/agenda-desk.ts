import type { AgendaChoice } from "../../domain/agenda/due-cases.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { chooseForCase, moveCaseToMeeting } from "./change-agenda.js";
import { publishAgenda, type Invitations } from "./publish-agenda.js";
import { viewAgenda } from "./view-agenda.js";

// A meeting's agenda: built from the panel's template and the cases due at the meeting, with the
// coordinator's choices, and published as frozen versions.

export class AgendaDesk {
  constructor(private readonly ports: AgendaPorts) {}

  view = (
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    via: string,
    namesHidden = false,
  ) => viewAgenda(this.ports, actor, role, panelId, meetingId, via, namesHidden);
  choose = (
    actor: Actor,
    panelId: string,
    meetingId: string,
    subjectId: string,
    choice: AgendaChoice,
    version: string | null,
  ) => chooseForCase(this.ports, actor, panelId, meetingId, subjectId, choice, version);
  moveToMeeting = (
    actor: Actor,
    panelId: string,
    meetingId: string,
    subjectId: string,
    targetMeetingId: string,
    version: string | null,
  ) => moveCaseToMeeting(this.ports, actor, panelId, meetingId, subjectId, targetMeetingId, version);
  publish = (
    actor: Actor,
    panelId: string,
    meetingId: string,
    version: string | null,
    invitations: Invitations,
  ) => publishAgenda(this.ports, actor, panelId, meetingId, version, invitations);
}

export type { AgendaView, AgendaSubject, AgendaSlotView, AgendaEntryView } from "./view-agenda.js";
export type { PublishResult } from "./publish-agenda.js";
