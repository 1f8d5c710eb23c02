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
