import type { TransactionAction } from "@azure/data-tables";
import type {
  ThresholdingOutcomeRecords,
  ThresholdingOutcomeWrites,
} from "../../application/ports/thresholding-outcomes.js";
import { ThresholdingOutcome } from "../../domain/agenda/thresholding.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Thresholding outcomes under their subject in the area's partition of AreaRecords
// (`thresholding-outcome|<subject>|<district meeting>|<district panel>`): the subject's record
// reads them in one key range, and the unit that records an outcome writes its row with the case.

const outcomesOf = (subjectId: string): string => `thresholding-outcome|${subjectId}|`;
export const thresholdingOutcomeRow = (t: ThresholdingOutcome): string =>
  `${outcomesOf(t.subjectId)}${t.forMeeting}|${t.districtPanelId}`;

export function thresholdingOutcomeTables(tables: TableFactory) {
  const store = new EntityStore(tables(TABLES.areaRecords), ThresholdingOutcome, (t) => ({
    partitionKey: keyOf(t.areaId),
    rowKey: thresholdingOutcomeRow(t),
  }));
  const records: ThresholdingOutcomeRecords = {
    async subjectThresholdings(areaId, subjectId) {
      return (await store.listRange(keyOf(areaId), outcomesOf(subjectId))).map((t) => t.value);
    },
  };
  const writes = (add: (actions: TransactionAction[]) => void, by: string): ThresholdingOutcomeWrites => ({
    putThresholdingOutcome: (t) => add([store.upsertAction(t, by)]),
    removeThresholdingOutcome: (t) => add([store.deleteAction(t)]),
  });
  return { records, writes };
}
