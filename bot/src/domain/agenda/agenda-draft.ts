import { PersonName } from "../people/membership.js";
import { z } from "zod";
import { AgendaChoice } from "./due-cases.js";

// What is kept of a meeting's agenda: the coordinator's choices while it is drafted, and each
// published version, frozen as it was sent.

export const AgendaDraft = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  choices: z.record(z.string().max(64), AgendaChoice),
  publishedVersions: z.number().int().min(0),
});
export type AgendaDraft = z.infer<typeof AgendaDraft>;

export const PublishedAgenda = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  version: z.number().int().min(1),
  publishedAt: z.iso.datetime(),
  publishedBy: PersonName,
  /** The agenda as published, without names or rationales: references, times and presenters only. */
  agenda: z.string().max(30_000),
});
export type PublishedAgenda = z.infer<typeof PublishedAgenda>;

/**
 * One invitation to a slot sent through the organiser's calendar, kept so that a later version of
 * the agenda that no longer expects the person, or moves the slot, withdraws it.
 */
export const SlotInvitationSent = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  /** The slot, the case and the person: the same for the same invitation however often it is published. */
  key: z.string().regex(/^slot-[0-9a-f]{40}$/),
  personId: z.string().max(64),
  /** The calendar's event, to withdraw it by. */
  eventId: z.string().min(1).max(1024),
  caseReference: z.string().max(200),
  start: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime(),
  /** How many times it has been sent, so a person expected again gets a new invitation. */
  sends: z.number().int().min(1).max(1000),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type SlotInvitationSent = z.infer<typeof SlotInvitationSent>;
