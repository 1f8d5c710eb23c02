import { z } from "zod";
import { ReminderKind } from "../../domain/actions/reminder-policy.js";
import {
  AlreadyExists,
  ConcurrencyConflict,
  EntityStore,
  isStatus,
  keyOf,
  type Versioned,
} from "./entity-store.js";
import { DueReminder } from "./action-due-index.js";
import { TABLES, type TableFactory } from "./storage.js";

// What the reminder sweep keeps, beside the due-date index in the same table:
// - the sweep's lease, so one instance sweeps at a time;
// - one delivery record per message (a reminder to one place, or an escalation to one chair), in
//   the partition of the date it is due: claimed before sending, marked sent after, so each message
//   goes exactly once however many instances run;
// - the messages sent about each action, so they can all be updated when it is done, and so a
//   `done` typed in reply can be matched to its action.

export const Lease = z.strictObject({
  name: z.string().max(40),
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

const deliveryRow = (d: Pick<Delivery, "kind" | "areaId" | "panelId" | "about" | "target">): string =>
  `delivery|${d.kind}|${keyOf(d.areaId)}|${keyOf(d.panelId)}|${d.about}|${keyOf(d.target)}`;

export function reminderDeliveries(tables: TableFactory) {
  const client = tables(TABLES.actionsDue);
  const leases = new EntityStore(client, Lease, (l) => ({ partitionKey: "lease", rowKey: l.name }));
  const due = new EntityStore(client, DueReminder, (r) => ({
    partitionKey: r.on,
    rowKey: `${r.kind}|${keyOf(r.areaId)}|${keyOf(r.panelId)}|${r.actionId}`,
  }));
  const deliveries = new EntityStore(client, Delivery, (d) => ({
    partitionKey: d.on,
    rowKey: deliveryRow(d),
  }));
  // By action, to update every message when it is done.
  const byAction = new EntityStore(client, ReminderMessage, (m) => ({
    partitionKey: `sent|${m.actionId}`,
    rowKey: `${m.scope}|${keyOf(m.conversationKey)}|${keyOf(m.activityId)}`,
  }));
  // By message, to find the action a `done` typed in reply is about. Message ids are unique only
  // within their conversation.
  const byThread = new EntityStore(client, ReminderMessage, (m) => ({
    partitionKey: "thread",
    rowKey: keyOf(`${m.conversationKey}|${m.activityId}`),
  }));
  // By person, the open actions they were reminded about in personal chat.
  const byPerson = new EntityStore(client, ReminderMessage, (m) => ({
    partitionKey: `to|${keyOf(m.conversationKey)}`,
    rowKey: m.actionId,
  }));

  return {
    deliveries,

    /** Takes the lease, or renews it, unless another holder's has not yet run out. */
    async takeLease(name: string, holder: string, now: Date, ms: number): Promise<boolean> {
      const next = { name, holder, until: new Date(now.getTime() + ms).toISOString() };
      const current = await leases.get("lease", name);
      try {
        if (!current) await leases.insert(next, holder);
        else if (current.value.holder === holder || current.value.until <= now.toISOString())
          await leases.replace(next, current.etag, holder);
        else return false;
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists || e instanceof ConcurrencyConflict) return false;
        throw e;
      }
    },

    /** Gives the lease up, if it is still this holder's: the next instance takes it at once. */
    async releaseLease(name: string, holder: string): Promise<void> {
      const current = await leases.get("lease", name);
      if (current?.value.holder !== holder) return;
      await client.deleteEntity("lease", name, { etag: current.etag }).catch(() => undefined);
    },

    leaseHolder: async (name: string) => (await leases.get("lease", name))?.value,

    /** One date's due reminders and the deliveries already claimed for them, in one query. */
    async dateOf(on: string): Promise<{ due: DueReminder[]; deliveries: Versioned<Delivery>[] }> {
      const found = { due: [] as DueReminder[], deliveries: [] as Versioned<Delivery>[] };
      const filter = `PartitionKey eq '${on}'`;
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        if (String(entity.rowKey).startsWith("delivery|"))
          found.deliveries.push(deliveries.fromEntity(entity));
        else found.due.push(due.fromEntity(entity).value);
      }
      return found;
    },

    /** Claims a message for sending; undefined when another claim already exists. */
    async claim(d: Delivery): Promise<Versioned<Delivery> | undefined> {
      try {
        return await deliveries.insert(d, d.holder);
      } catch (e) {
        if (e instanceof AlreadyExists) return undefined;
        throw e;
      }
    },

    /** Moves a claim on; false when someone else changed it first. */
    async update(current: Versioned<Delivery>, next: Delivery): Promise<Versioned<Delivery> | undefined> {
      try {
        return await deliveries.replace(next, current.etag, next.holder);
      } catch (e) {
        if (e instanceof ConcurrencyConflict) return undefined;
        throw e;
      }
    },

    /** Remembers a sent message under its action, its thread and (in personal chat) its person. */
    async remember(m: ReminderMessage): Promise<void> {
      await byAction.upsert(m, "reminders");
      await byThread.upsert(m, "reminders");
      if (m.scope === "personal") await byPerson.upsert(m, "reminders");
    },

    messagesAbout: async (actionId: string) =>
      (await byAction.listPartition(`sent|${actionId}`)).map((m) => m.value),
    /** The action a message was about, from the conversation it is in and its id. */
    threadOf: async (conversationKey: string, activityId: string) =>
      (await byThread.get("thread", keyOf(`${conversationKey}|${activityId}`)))?.value,
    remindedTo: async (personId: string) =>
      (await byPerson.listPartition(`to|${keyOf(personId)}`)).map((m) => m.value),

    /** Forgets a done action's personal-chat reminder, so `done` is no longer matched to it. */
    async forgetReminded(personId: string, actionId: string): Promise<void> {
      await client.deleteEntity(`to|${keyOf(personId)}`, actionId).catch((e: unknown) => {
        if (!isStatus(e, 404)) throw e;
      });
    },
  };
}
export type ReminderDeliveries = ReturnType<typeof reminderDeliveries>;
