import {
  Delivery,
  DueReminder,
  ReminderMessage,
  ReminderProblem,
  type DeliveryStore,
} from "../../application/ports/deliveries.js";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../../application/ports/versioned.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { tableLeases } from "./leases.js";
import { TABLES, type TableFactory } from "./storage.js";

// What the reminder sweep keeps, in the ActionsDue table:
// - the reminders due on each date, one partition per date: the sweep reads only the dates in its
//   window, so its cost does not grow with the actions already closed;
// - the sweep's lease, so one instance sweeps at a time (leases.ts);
// - one delivery record per message (a reminder to one place, or an escalation to one chair), in
//   the partition of the date it is due: claimed before sending, marked sent after, so each message
//   goes exactly once however many instances run;
// - the messages sent about each action, so they can all be updated when it is done, and so a
//   `done` typed in reply can be matched to its action.

const problemRow = (panelId: string, id: string): string => `reminder-problem|${panelId}|${keyOf(id)}`;

const deliveryRow = (d: Pick<Delivery, "kind" | "areaId" | "panelId" | "about" | "target">): string =>
  `delivery|${d.kind}|${keyOf(d.areaId)}|${keyOf(d.panelId)}|${d.about}|${keyOf(d.target)}`;

export function reminderDeliveries(tables: TableFactory): DeliveryStore {
  const client = tables(TABLES.actionsDue);
  // Beside the area's casework, where the action log shows them.
  const problems = new EntityStore(tables(TABLES.areaRecords), ReminderProblem, (p) => ({
    partitionKey: keyOf(p.areaId),
    rowKey: problemRow(p.panelId, p.id),
  }));
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
    async index(action, steps) {
      for (const step of steps) {
        await due.upsert(
          {
            on: step.on,
            kind: step.kind,
            areaId: action.areaId,
            panelId: action.panelId,
            actionId: action.id,
          },
          "actions",
        );
      }
    },

    async unindex(action, steps) {
      for (const step of steps) {
        const rowKey = `${step.kind}|${keyOf(action.areaId)}|${keyOf(action.panelId)}|${action.id}`;
        await client.deleteEntity(step.on, rowKey).catch((e: unknown) => {
          if (!isStatus(e, 404)) throw e;
        });
      }
    },

    ...tableLeases(tables),

    /** One date's due reminders and the deliveries already claimed for them, in one query. */
    async dateOf(on) {
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
    async claim(d) {
      try {
        return await deliveries.insert(d, d.holder);
      } catch (e) {
        if (e instanceof AlreadyExists) return undefined;
        throw e;
      }
    },

    /** Moves a claim on; false when someone else changed it first. */
    async update(current, next) {
      try {
        return await deliveries.replace(next, current.etag, next.holder);
      } catch (e) {
        if (e instanceof ConcurrencyConflict) return undefined;
        throw e;
      }
    },

    /** Remembers a sent message under its action, its thread and (in personal chat) its person. */
    async remember(m) {
      await byAction.upsert(m, "reminders");
      await byThread.upsert(m, "reminders");
      if (m.scope === "personal") await byPerson.upsert(m, "reminders");
    },

    messagesAbout: async (actionId) => (await byAction.listPartition(`sent|${actionId}`)).map((m) => m.value),
    /** The action a message was about, from the conversation it is in and its id. */
    threadOf: async (conversationKey, activityId) =>
      (await byThread.get("thread", keyOf(`${conversationKey}|${activityId}`)))?.value,
    remindedTo: async (personId) =>
      (await byPerson.listPartition(`to|${keyOf(personId)}`)).map((m) => m.value),

    /** Forgets a done action's personal-chat reminder, so `done` is no longer matched to it. */
    async forgetReminded(personId, actionId) {
      await client.deleteEntity(`to|${keyOf(personId)}`, actionId).catch((e: unknown) => {
        if (!isStatus(e, 404)) throw e;
      });
    },

    problem: async (areaId, panelId, id) =>
      (await problems.get(keyOf(areaId), problemRow(panelId, id)))?.value,
    saveProblem: (p) => problems.upsert(p, "reminders"),
    problemsOf: async (areaId, panelId) =>
      (await problems.listRange(keyOf(areaId), `reminder-problem|${panelId}|`)).map((p) => p.value),
  };
}
