import { z } from "zod";
import { ReminderKind, type ReminderStep } from "../../domain/actions/reminder-policy.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// The reminders due on each date, one partition per date: the reminder sweep reads only the dates
// in its window, so its cost does not grow with the actions already closed.

export const DueReminder = z.strictObject({
  on: z.iso.date(),
  kind: ReminderKind,
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  actionId: z.uuid(),
});
export type DueReminder = z.infer<typeof DueReminder>;

export function actionDueIndex(tables: TableFactory) {
  const store = new EntityStore(tables(TABLES.actionsDue), DueReminder, (r) => ({
    partitionKey: r.on,
    rowKey: `${r.kind}|${keyOf(r.areaId)}|${keyOf(r.panelId)}|${r.actionId}`,
  }));
  return {
    store,
    /** Records an action's reminders; writing them again changes nothing. */
    async index(
      action: { areaId: string; panelId: string; id: string },
      steps: ReminderStep[],
    ): Promise<void> {
      for (const step of steps) {
        await store.upsert(
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
    /** The reminders due on one date. */
    dueOn: (date: string) => store.listPartition(date),
  };
}
export type ActionDueIndex = ReturnType<typeof actionDueIndex>;
