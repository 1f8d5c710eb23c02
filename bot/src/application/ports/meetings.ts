import { z } from "zod";
import type { AgendaDraft, PublishedAgenda, SlotInvitationSent } from "../../domain/agenda/agenda-draft.js";
import { Apology, type SignIn } from "../../domain/attendance/sign-in.js";
import type { Meeting, Series } from "../../domain/schedule/meeting.js";
import type { MeetingChat, MeetingJoinLink } from "../../domain/schedule/meeting-chat.js";
import type { Versioned } from "./versioned.js";

// A panel's meetings as held in Teams calendars, each meeting's agenda, and the meeting as it
// runs (sign-ins, apologies, the sign-in card).

export interface MeetingStore {
  seriesOf(panelId: string): Promise<Versioned<Series> | undefined>;
  /** AlreadyExists if another coordinator started the series first. */
  insertSeries(s: Series, by: string): Promise<Versioned<Series>>;
  /** ConcurrencyConflict if the series changed since `etag`. */
  replaceSeries(s: Series, etag: string, by: string): Promise<Versioned<Series>>;
  meeting(panelId: string, id: string): Promise<Versioned<Meeting> | undefined>;
  /** Meetings whose rule date is from `from` to `to`, in date order. */
  between(panelId: string, from: string, to: string): Promise<Versioned<Meeting>[]>;
  /** New meetings created, known ones replaced only if unchanged since read (ConcurrencyConflict). */
  saveAll(rows: { value: Meeting; etag: string | undefined }[], by: string): Promise<void>;
  replaceMeeting(m: Meeting, etag: string, by: string): Promise<Versioned<Meeting>>;
  /**
   * Records which panel a Teams meeting chat belongs to, once: the same link again changes nothing,
   * and a chat already another panel's is refused (KeyHeldByAnotherPanel), never moved.
   */
  linkChat(link: MeetingChat, by: string): Promise<void>;
  /** The panel a meeting chat belongs to: one point read. */
  chatLink(chatId: string): Promise<MeetingChat | undefined>;
  /** Records which panel a join link's key belongs to, once and never moved, as `linkChat` does. */
  linkJoinUrl(link: MeetingJoinLink, by: string): Promise<void>;
  /** The panel a join link's key belongs to: one point read. */
  joinUrlLink(joinKey: string): Promise<MeetingJoinLink | undefined>;
}

/** A meeting chat's or join link's key is already another panel's: it was not moved, nothing was written. */
export class KeyHeldByAnotherPanel extends Error {
  constructor(
    /** Which key: a meeting chat's or a join link's. */
    readonly key: "chat" | "join link",
    readonly heldBy: string,
  ) {
    super(`That meeting ${key} is already another panel's, so it was not keyed again.`);
    this.name = "KeyHeldByAnotherPanel";
  }
}

export interface AgendaStore {
  draft(panelId: string, meetingId: string): Promise<Versioned<AgendaDraft> | undefined>;
  /** The draft's first save (AlreadyExists if another came first) or a later one (ConcurrencyConflict). */
  saveDraft(d: AgendaDraft, etag: string | null, by: string): Promise<void>;
  /** The next version and the draft's count of versions, together: a second publish of one draft fails. */
  publish(d: AgendaDraft, etag: string | null, version: PublishedAgenda, by: string): Promise<void>;
  /** The slot invitations sent for the meeting, withdrawn ones included: one key range. */
  invitationsSent(panelId: string, meetingId: string): Promise<SlotInvitationSent[]>;
  /** Keeps an invitation sent, or withdrawn, replacing what was kept under its key. */
  keepInvitation(i: SlotInvitationSent, by: string): Promise<void>;
}

export const SignInCardPosted = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  by: z.string().max(64),
  at: z.iso.datetime(),
});
export type SignInCardPosted = z.infer<typeof SignInCardPosted>;

export const StoredApology = Apology.extend({ id: z.uuid() });
export type StoredApology = z.infer<typeof StoredApology>;

export interface MeetingRoomStore {
  /** Records a sign-in; a second press of the same person changes nothing and returns the first. */
  signIn(s: SignIn): Promise<{ signIn: SignIn; first: boolean }>;
  addApology(a: StoredApology, by: string): Promise<void>;
  /** Marks the sign-in card as posted; false if it already was. */
  postCardOnce(c: SignInCardPosted): Promise<boolean>;
  /** Forgets a posting that did not happen, so it can be tried again. */
  forgetCardPosted(panelId: string, meetingId: string): Promise<void>;
  room(
    panelId: string,
    meetingId: string,
  ): Promise<{ signIns: SignIn[]; apologies: Versioned<StoredApology>[]; cardPosted: boolean }>;
}
