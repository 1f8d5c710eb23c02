import {
  Delivery,
  DueReminder,
  Lease,
  ReminderMessage,
  ReminderProblem,
  type DeliveryStore,
} from "../../../bot/src/application/ports/deliveries.js";
import { AlreadyExists, ConcurrencyConflict } from "../../../bot/src/application/ports/versioned.js";
import { Calls, FakeTable, insertRow, keyOf, replaceRow } from "./records.js";

// The reminder sweep's store in memory, keyed as reminder-deliveries.ts keys ActionsDue: due
// reminders and delivery claims in the partition of their date, the lease, and the messages sent
// by action, by thread and by person. Several sweeps may share one, as instances share the table.

const deliveryRow = (d: Pick<Delivery, "kind" | "areaId" | "panelId" | "about" | "target">) =>
  `delivery|${d.kind}|${keyOf(d.areaId)}|${keyOf(d.panelId)}|${d.about}|${keyOf(d.target)}`;
const problemRow = (panelId: string, id: string) => `reminder-problem|${panelId}|${keyOf(id)}`;

export interface FakeDeliveries extends DeliveryStore {
  readonly calls: Calls;
}

export function fakeDeliveries(now: () => Date): FakeDeliveries {
  const table = new FakeTable(now);
  const problems = new FakeTable(now);
  const calls = new Calls();
  // Each call yields once, so sweeps running side by side interleave between their storage calls.
  const counted = <T>(name: string, answer: () => T): Promise<T> => {
    calls.count(name);
    return Promise.resolve().then(answer);
  };
  const lease = (name: string) => table.get<Lease>("lease", name);

  return {
    calls,
    index: (action, steps) =>
      counted("index", () => {
        for (const step of steps) {
          const value = DueReminder.parse({
            ...step,
            areaId: action.areaId,
            panelId: action.panelId,
            actionId: action.id,
          });
          const rk = `${value.kind}|${keyOf(value.areaId)}|${keyOf(value.panelId)}|${value.actionId}`;
          table.write({ op: "upsert", pk: value.on, rk, value, by: "actions" });
        }
      }),
    unindex: (action, steps) =>
      counted("unindex", () => {
        for (const step of steps) {
          const rk = `${step.kind}|${keyOf(action.areaId)}|${keyOf(action.panelId)}|${action.id}`;
          if (table.get(step.on, rk)) table.transact([{ op: "delete", pk: step.on, rk }]);
        }
      }),

    async takeLease(name, holder, at, ms) {
      const next = Lease.parse({ name, holder, until: new Date(at.getTime() + ms).toISOString() });
      const current = await counted("takeLease", () => lease(name));
      if (current && current.value.holder !== holder && current.value.until > at.toISOString()) return false;
      try {
        await Promise.resolve().then(() => {
          const row = { pk: "lease", rk: name, value: next, by: holder };
          if (current) replaceRow(table, "ActionsDue", { ...row, etag: current.etag });
          else insertRow(table, "ActionsDue", row);
        });
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists || e instanceof ConcurrencyConflict) return false;
        throw e;
      }
    },
    releaseLease: (name, holder) =>
      counted("releaseLease", () => {
        const current = lease(name);
        if (current?.value.holder === holder)
          table.transact([{ op: "delete", pk: "lease", rk: name, etag: current.etag }]);
      }),
    leaseHolder: (name) => counted("leaseHolder", () => lease(name)?.value),

    dateOf: (on) =>
      counted("dateOf", () => ({
        due: table.list<DueReminder>(on, (rk) => !rk.startsWith("delivery|")).map((r) => r.value),
        deliveries: table.list<Delivery>(on, (rk) => rk.startsWith("delivery|")),
      })),
    claim: (d) =>
      counted("claim", () => {
        const value = Delivery.parse(d);
        try {
          return insertRow<Delivery>(table, "ActionsDue", {
            pk: value.on,
            rk: deliveryRow(value),
            value,
            by: value.holder,
          });
        } catch (e) {
          if (e instanceof AlreadyExists) return undefined;
          throw e;
        }
      }),
    update: (current, next) =>
      counted("update", () => {
        const value = Delivery.parse(next);
        const at = { pk: value.on, rk: deliveryRow(value) };
        try {
          return replaceRow<Delivery>(table, "ActionsDue", {
            ...at,
            value,
            by: value.holder,
            etag: current.etag,
          });
        } catch (e) {
          if (e instanceof ConcurrencyConflict) return undefined;
          throw e;
        }
      }),

    remember: (m) =>
      counted("remember", () => {
        const value = ReminderMessage.parse(m);
        const by = "reminders";
        const sent = `${m.scope}|${keyOf(m.conversationKey)}|${keyOf(m.activityId)}`;
        table.write({ op: "upsert", pk: `sent|${m.actionId}`, rk: sent, value, by });
        table.write({
          op: "upsert",
          pk: "thread",
          rk: keyOf(`${m.conversationKey}|${m.activityId}`),
          value,
          by,
        });
        if (m.scope === "personal")
          table.write({ op: "upsert", pk: `to|${keyOf(m.conversationKey)}`, rk: m.actionId, value, by });
      }),
    messagesAbout: (actionId) =>
      counted("messagesAbout", () => table.list<ReminderMessage>(`sent|${actionId}`).map((m) => m.value)),
    threadOf: (conversationKey, activityId) =>
      counted(
        "threadOf",
        () => table.get<ReminderMessage>("thread", keyOf(`${conversationKey}|${activityId}`))?.value,
      ),
    remindedTo: (personId) =>
      counted("remindedTo", () => table.list<ReminderMessage>(`to|${keyOf(personId)}`).map((m) => m.value)),
    forgetReminded: (personId, actionId) =>
      counted("forgetReminded", () => {
        const pk = `to|${keyOf(personId)}`;
        if (table.get(pk, actionId)) table.transact([{ op: "delete", pk, rk: actionId }]);
      }),

    problem: (areaId, panelId, id) =>
      counted("problem", () => problems.get<ReminderProblem>(keyOf(areaId), problemRow(panelId, id))?.value),
    saveProblem: (p) =>
      counted("saveProblem", () => {
        const value = ReminderProblem.parse(p);
        problems.write({
          op: "upsert",
          pk: keyOf(p.areaId),
          rk: problemRow(p.panelId, p.id),
          value,
          by: "reminders",
        });
      }),
    problemsOf: (areaId, panelId) =>
      counted("problemsOf", () =>
        problems.range<ReminderProblem>(keyOf(areaId), `reminder-problem|${panelId}|`).map((p) => p.value),
      ),
  };
}
