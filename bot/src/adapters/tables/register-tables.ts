import type { RegisterRecords } from "../../application/ports/register.js";
import type { Versioned } from "../../application/ports/versioned.js";
import type { RegisterItem } from "../../domain/strategic/register-item.js";
import type { RegisterReview } from "../../domain/strategic/register-item.js";
import {
  planRow,
  registerReviewRows,
  registerRow,
  type AreaRecords,
  type StoredRegisterReview,
} from "./area-records.js";
import type { CaseworkArchive } from "./casework-archive.js";
import { actionsOnRegisterItem, closedRegisterPlace, registerLists } from "./casework-copies.js";
import { keyOf, prefixEnd } from "./entity-store.js";

// A strategic panel's register and forward plan over the area's partition: an entry is a point
// read with its reviews one range beside it, the open entries one range of their copies, the
// closed ones a page of theirs (each with its reviews' range), and the coming meetings' plans one
// range from a date to the end of the panel's plans.

const asReview = ({ areaId: _a, panelId: _p, itemId: _i, ...review }: StoredRegisterReview): RegisterReview =>
  review;

export function registerTables(records: AreaRecords, archive: CaseworkArchive): RegisterRecords {
  /**
   * Puts each entry's reviews, oldest meeting first, into the value read. The read itself is kept
   * (not copied) because the row's ETag that a later change is conditional on is held against it.
   */
  const withReviews = async (
    areaId: string,
    read: Versioned<RegisterItem>[],
  ): Promise<Versioned<RegisterItem>[]> => {
    const reviews = await Promise.all(
      read.map((r) =>
        records.registerReviews.listRange(keyOf(areaId), registerReviewRows(r.value.panelId, r.value.id)),
      ),
    );
    read.forEach((r, n) => {
      r.value = { ...r.value, reviews: (reviews[n] ?? []).map((v) => asReview(v.value)) };
    });
    return read;
  };
  return {
    async registerItem(areaId, panelId, id) {
      const [item, reviews] = await Promise.all([
        records.registerItems.get(keyOf(areaId), registerRow(panelId, id)),
        records.registerReviews.listRange(keyOf(areaId), registerReviewRows(panelId, id)),
      ]);
      if (item) item.value = { ...item.value, reviews: reviews.map((v) => asReview(v.value)) };
      return item;
    },
    openRegisterItems: async (areaId, panelId) =>
      withReviews(areaId, await records.registerItems.listRange(keyOf(areaId), registerLists.open(panelId))),
    async closedRegisterItems(areaId, panelId, size, after) {
      const prefix = registerLists.closed(panelId);
      const page = await records.registerItems.listPage(
        keyOf(areaId),
        prefix,
        size,
        after && prefix + closedRegisterPlace(after.at, after.id),
      );
      return { ...page, values: await withReviews(areaId, page.values) };
    },
    async registerItemActions(areaId, panelId, itemIds) {
      const found = await Promise.all(
        itemIds.map((id) => archive.range(archive.actions, areaId, actionsOnRegisterItem(panelId, id))),
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
