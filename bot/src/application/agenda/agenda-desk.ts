import { changeTheme } from "../cohort/change-theme.js";
import { withPorts } from "../with-ports.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { chooseForCase, moveCaseToMeeting } from "./change-agenda.js";
import { publishAgenda } from "./publish-agenda.js";
import { stageAgenda } from "./stage-agenda.js";
import { viewAgenda } from "./view-agenda.js";

// A meeting's agenda: built from the panel's template and the cases due at the meeting, with the
// coordinator's choices (a case's theme among them), and published as frozen versions.

export const agendaDesk = (ports: AgendaPorts) => ({
  view: withPorts(ports, viewAgenda),
  choose: withPorts(ports, chooseForCase),
  moveToMeeting: withPorts(ports, moveCaseToMeeting),
  changeTheme: withPorts(ports, changeTheme),
  publish: withPorts(ports, publishAgenda),
  stage: withPorts(ports, stageAgenda),
});
export type AgendaDesk = ReturnType<typeof agendaDesk>;

export type { AgendaView, AgendaSubject, AgendaSlotView, AgendaEntryView } from "./view-agenda.js";
export type { PublishResult } from "./publish-agenda.js";
export type { StageAgenda } from "./stage-agenda.js";
