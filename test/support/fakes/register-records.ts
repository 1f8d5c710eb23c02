import type { RegisterRecords } from "../../../bot/src/application/ports/register.js";
import type { Action } from "../../../bot/src/domain/actions/action.js";
import type { MeetingPlan } from "../../../bot/src/domain/strategic/forward-plan.js";
import type { RegisterItem } from "../../../bot/src/domain/strategic/register-item.js";
import { keyOf, type Calls, type FakeTable } from "./records.js";

// A strategic panel's register and forward plan in memory, keyed as area-records.ts keys them:
// the lists filter the entries themselves, in the order the adapter's copies keep.

export const registerRow = (panelId: string, id: string) => `register|${panelId}|${id}`;
export const planRow = (panelId: string, meetingId: string) => `plan|${panelId}|${meetingId}`;

const closedAt = (r: RegisterItem) => r.outcome?.at ?? r.raised.at;

export function fakeRegisterRecords(table: FakeTable, calls: Calls): RegisterRecords {
  const items = (areaId: string, panelId: string) =>
    table.range<RegisterItem>(keyOf(areaId), registerRow(panelId, ""));
  return {
    registerItem(areaId, panelId, id) {
      calls.count("registerItem");
      return Promise.resolve(table.get<RegisterItem>(keyOf(areaId), registerRow(panelId, id)));
    },
    openRegisterItems(areaId, panelId) {
      calls.count("openRegisterItems");
      return Promise.resolve(items(areaId, panelId).filter((r) => r.value.status === "open"));
    },
    closedRegisterItems(areaId, panelId, size, after) {
      calls.count("closedRegisterItems");
      const closed = items(areaId, panelId)
        .filter((r) => r.value.status === "closed")
        .sort(
          (a, b) =>
            Date.parse(closedAt(b.value)) - Date.parse(closedAt(a.value)) ||
            a.value.id.localeCompare(b.value.id),
        );
      const from = after
        ? closed.findIndex(
            (r) =>
              Date.parse(closedAt(r.value)) < Date.parse(after.at) ||
              (closedAt(r.value) === after.at && r.value.id > after.id),
          )
        : 0;
      const rest = from < 0 ? [] : closed.slice(from);
      return Promise.resolve({ values: rest.slice(0, size), more: rest.length > size });
    },
    registerItemActions(areaId, panelId, itemIds) {
      calls.count("registerItemActions");
      const actions = table.range<Action>(keyOf(areaId), `action|${panelId}|`).map((a) => a.value);
      return Promise.resolve(
        new Map(itemIds.map((id) => [id, actions.filter((a) => a.registerItem?.id === id)])),
      );
    },
    meetingPlan(areaId, panelId, meetingId) {
      calls.count("meetingPlan");
      return Promise.resolve(table.get<MeetingPlan>(keyOf(areaId), planRow(panelId, meetingId)));
    },
    meetingPlansFrom(areaId, panelId, from) {
      calls.count("meetingPlansFrom");
      return Promise.resolve(
        table
          .range<MeetingPlan>(keyOf(areaId), planRow(panelId, ""))
          .filter((p) => p.value.meetingId >= from),
      );
    },
  };
}
