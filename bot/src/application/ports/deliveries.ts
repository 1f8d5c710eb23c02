import { PersonName } from "../../domain/people/membership.js";
import { z } from "zod";
import { ReminderKind, type ReminderStep } from "../../domain/actions/reminder-policy.js";
import type { Versioned } from "./versioned.js";

// What the reminder sweep keeps: the reminders due on each date, the sweep's lease, one claim per
// message (claimed before sending, marked sent after, so each goes once however many instances
// run), the messages sent about each action (to update them, and to match `done` replies), and
// the messages nobody could be sent, for the panel's coordinators.

export const DueReminder = z.strictObject({
  on: z.iso.date(),
  kind: ReminderKind,
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  actionId: z.uuid(),
});
export type DueReminder = z.infer<typeof DueReminder>;

export const Lease = z.strictObject({
  name: z.string().max(120),
  holder: z.string().max(120),
  until: z.iso.datetime(),
});
export type Lease = z.infer<typeof Lease>;

export const Delivery = z.strictObject({
  on: z.iso.date(),
  kind: ReminderKind,
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  /** The action reminded about, or "chairs" for an escalation. */
  about: z.string().max(64),
  /** "personal" or "channel" for a reminder; "chair:<person id>" for an escalation. */
  target: z.string().max(80),
  recipientId: z.string().max(64).nullable(),
  actionIds: z.array(z.uuid()).max(200),
  state: z.enum(["sending", "sent", "retry", "undeliverable"]),
  holder: z.string().max(120),
  attempts: z.number().int().min(0),
  retryAt: z.iso.datetime().nullable(),
  reason: z.string().max(300).nullable(),
  activityId: z.string().max(200).nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A message sent about an action: where it is, so it can be updated and replied to. */
export const ReminderMessage = z.strictObject({
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  actionId: z.uuid(),
  reference: z.string().max(20),
  /** The person it went to in personal chat, or the channel's conversation id. */
  scope: z.enum(["personal", "channel"]),
  conversationKey: z.string().max(300),
  activityId: z.string().max(200),
});
export type ReminderMessage = z.infer<typeof ReminderMessage>;

/** A reminder or escalation that could not be delivered: shown to the panel's coordinators. */
export const ReminderProblem = z.strictObject({
  id: z.string().max(200),
  areaId: z.string(),
  panelId: z.string().max(80),
  actionId: z.uuid().nullable(),
  reference: z.string().max(20).nullable(),
  recipientName: PersonName,
  place: z.enum(["personal", "channel"]),
  reason: z.string().max(300),
  at: z.iso.datetime(),
});
export type ReminderProblem = z.infer<typeof ReminderProblem>;

export interface DeliveryStore {
  /** Records an action's reminders by date; writing them again changes nothing. */
  index(action: { areaId: string; panelId: string; id: string }, steps: ReminderStep[]): Promise<void>;
  /** Removes reminders not yet sent: an action extended or closed is not chased on the old dates. */
  unindex(action: { areaId: string; panelId: string; id: string }, steps: ReminderStep[]): Promise<void>;
  /** Takes the lease, or renews it, unless another holder's has not yet run out. */
  takeLease(name: string, holder: string, now: Date, ms: number): Promise<boolean>;
  /** Gives the lease up, if it is still this holder's. */
  releaseLease(name: string, holder: string): Promise<void>;
  leaseHolder(name: string): Promise<Lease | undefined>;
  /** One date's due reminders and the deliveries already claimed for them. */
  dateOf(on: string): Promise<{ due: DueReminder[]; deliveries: Versioned<Delivery>[] }>;
  /** Claims a message for sending; undefined when another claim already exists. */
  claim(d: Delivery): Promise<Versioned<Delivery> | undefined>;
  /** Moves a claim on; undefined when someone else changed it first. */
  update(current: Versioned<Delivery>, next: Delivery): Promise<Versioned<Delivery> | undefined>;
  /** Remembers a sent message under its action, its thread and (in personal chat) its person. */
  remember(m: ReminderMessage): Promise<void>;
  messagesAbout(actionId: string): Promise<ReminderMessage[]>;
  /** The action a message was about, from the conversation it is in and its id. */
  threadOf(conversationKey: string, activityId: string): Promise<ReminderMessage | undefined>;
  remindedTo(personId: string): Promise<ReminderMessage[]>;
  /** Forgets a done action's personal-chat reminder, so `done` is no longer matched to it. */
  forgetReminded(personId: string, actionId: string): Promise<void>;

  problem(areaId: string, panelId: string, id: string): Promise<ReminderProblem | undefined>;
  saveProblem(p: ReminderProblem): Promise<void>;
  problemsOf(areaId: string, panelId: string): Promise<ReminderProblem[]>;
}
