import type { ThresholdingOutcome } from "../../domain/agenda/thresholding.js";

// The thresholding meeting's outcomes seen from the subject: each kept under it in the area's
// casework, so the subject's record reads them in one key range beside its decisions.

export interface ThresholdingOutcomeRecords {
  /** Every thresholding outcome about the subject, oldest district meeting first. */
  subjectThresholdings(areaId: string, subjectId: string): Promise<ThresholdingOutcome[]>;
}

export interface ThresholdingOutcomeWrites {
  /** The outcome for its district meeting, written whatever was there: recorded again, it is replaced. */
  putThresholdingOutcome(t: ThresholdingOutcome): void;
  removeThresholdingOutcome(t: ThresholdingOutcome): void;
}
