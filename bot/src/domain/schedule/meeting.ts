import { z } from "zod";

// What the product records once a panel's meetings are in Teams calendars: the panel's series,
// and each meeting of it with its join link and what has happened to it since.

const IsoDate = z.iso.date();
const Offset = z.iso.datetime({ offset: true });

export const MeetingStatus = z.enum(["scheduled", "moved", "cancelled"]);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.strictObject({
  panelId: z.string().max(80),
  /** The date the panel's rule gave the meeting: its identity, kept when the meeting moves. */
  id: IsoDate,
  date: IsoDate,
  start: Offset,
  end: Offset,
  status: MeetingStatus,
  joinUrl: z.url().max(2000).nullable(),
  /** The calendar's own identifier for this occurrence. */
  occurrenceId: z.string().max(400).nullable(),
  /** Why it was moved or cancelled, as the coordinator or the bank holiday rule put it. */
  note: z.string().max(500).nullable(),
  /** Who decided its date: the panel's rule (with its bank holiday policy) or a coordinator. */
  setBy: z.enum(["rule", "coordinator"]),
});
export type Meeting = z.infer<typeof Meeting>;

export const Series = z.strictObject({
  panelId: z.string().max(80),
  /** Sent with the create request, so a retry or a rerun cannot make a second series. */
  transactionId: z.uuid(),
  /** The calendar's identifier once it has the series. */
  seriesId: z.string().max(400).nullable(),
  organiserId: z.string().max(200),
  organiserName: z.string().max(200),
  /** The rule and range the series was last written from; a change means an update. */
  ruleKey: z.string().max(2000),
  from: IsoDate,
  to: IsoDate,
  joinUrl: z.url().max(2000).nullable(),
  scheduledAt: z.iso.datetime(),
});
export type Series = z.infer<typeof Series>;
