import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { AgendaStore, MeetingRoomStore, MeetingStore } from "../ports/meetings.js";
import type { ReportFigureStore } from "../ports/report-figures.js";

// What working out the figures reads and writes: each panel's casework (its referrals, cases,
// decisions, actions and links), its meetings with their agendas and sign-ins, and the store of
// figures it fills.

export interface FiguresPorts {
  catalogue: Catalogue;
  casework: Pick<
    Casework,
    | "referralsMade"
    | "casesClosedSince"
    | "casePage"
    | "referralPage"
    | "decisionsAt"
    | "actionsAt"
    | "subjectDecisions"
    | "subjectLinks"
    | "subjects"
  >;
  meetings: MeetingStore;
  agendas: Pick<AgendaStore, "draft">;
  room: Pick<MeetingRoomStore, "room">;
  figures: ReportFigureStore;
  now: () => Date;
}
