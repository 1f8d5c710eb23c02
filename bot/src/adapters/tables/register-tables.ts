import type { RegisterRecords } from "../../application/ports/register.js";
import { planRow, registerRow, type AreaRecords } from "./area-records.js";
import { actionsOnRegisterItem, closedRegisterPlace, registerLists } from "./casework-copies.js";
import { keyOf, prefixEnd } from "./entity-store.js";

// A strategic panel's register and forward plan over the area's partition: an entry is a point
// read, the open entries one range of their copies, the closed ones a page of theirs, and the
// coming meetings' plans one range from a date to the end of the panel's plans.

export function registerTables(records: AreaRecords): RegisterRecords {
  return {
    registerItem: (areaId, panelId, id) => records.registerItems.get(keyOf(areaId), registerRow(panelId, id)),
    openRegisterItems: (areaId, panelId) =>
      records.registerItems.listRange(keyOf(areaId), registerLists.open(panelId)),
    closedRegisterItems(areaId, panelId, size, after) {
      const prefix = registerLists.closed(panelId);
      return records.registerItems.listPage(
        keyOf(areaId),
        prefix,
        size,
        after && prefix + closedRegisterPlace(after.at, after.id),
      );
    },
    async registerItemActions(areaId, panelId, itemIds) {
      const found = await Promise.all(
        itemIds.map((id) => records.actions.listRange(keyOf(areaId), actionsOnRegisterItem(panelId, id))),
      );
      return new Map(itemIds.map((id, n) => [id, (found[n] ?? []).map((a) => a.value)]));
    },
    meetingPlan: (areaId, panelId, meetingId) =>
      records.meetingPlans.get(keyOf(areaId), planRow(panelId, meetingId)),
    meetingPlansFrom: (areaId, panelId, from) =>
      records.meetingPlans.listBetween(
        keyOf(areaId),
        planRow(panelId, from),
        prefixEnd(planRow(panelId, "")),
      ),
  };
}
