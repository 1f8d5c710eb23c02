import type { PanelRole } from "../../../domain/people/membership.js";
import type { PanelMeeting } from "./meetings.js";

// The app inside a panel's Teams meeting: which panel and meeting the meeting's chat is, and the
// agenda as the meeting's stage shows it, by reference only.

export interface MeetingOfChatResponse {
  panelId: string;
  panelName: string;
  role: PanelRole;
  /** Today's meeting, else the next; null when the series has none still to come. */
  meeting: PanelMeeting | null;
  today: boolean;
  /** The service's clock, to tell the current item by. */
  now: string;
}

export interface StageAgendaResponse {
  panelId: string;
  meeting: { id: string; date: string; start: string; end: string; description: string; status: string };
  items: {
    kind: "heading" | "item" | "section" | "break";
    title: string;
    start: string;
    end: string;
    minutes: number;
    slots: { start: string; end: string; references: string[] }[];
    listed: string[];
  }[];
}
