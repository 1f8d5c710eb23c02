// What the product tells a panel's Teams channel. Everyone in the team reads a channel, so an
// announcement carries references, dates and counts only, never a child's name or details.

export interface AgendaAnnouncement {
  panelId: string;
  panelName: string;
  meetingId: string;
  meetingDescription: string;
  version: number;
  slots: number;
}

export interface ChannelAnnouncer {
  /** Tells the panel's channel, if it has one; true when the announcement is on its way. */
  agendaPublished(announcement: AgendaAnnouncement): Promise<boolean>;
}
