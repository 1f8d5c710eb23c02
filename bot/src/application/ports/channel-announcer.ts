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

/** What a sign-in card shows: the meeting, the area's statement and agencies. No case, no child. */
export interface SignInDetails {
  panelId: string;
  meetingId: string;
  panelName: string;
  meetingDescription: string;
  statement: string;
  agencies: { id: string; name: string }[];
}

/** Tells a panel's channel that sign-in is open, with the card to sign in. */
export interface SignInAnnouncer {
  signInOpened(details: SignInDetails): Promise<boolean>;
}
